/**
 * Bookings counted by what became of them (docs/mne.md "Bookings"): the
 * floor, the reports and their downloads all fold rows of (status, count)
 * here, so a booking made is counted once and in the same column everywhere.
 */
import type { BookingCounts, BookingStatus } from '../schemas/appointments.js';

export const NO_BOOKINGS: BookingCounts = {
  booked: 0,
  checkedIn: 0,
  late: 0,
  noShows: 0,
  cancelled: 0,
};

/** One row of a count grouped by status; `n` bookings had `status`. */
export interface BookingStatusCount {
  status: BookingStatus;
  n: number;
}

/** `booked` counts every booking made, whatever became of it; the rest by their status. */
export function countBookings(rows: Iterable<BookingStatusCount>): BookingCounts {
  const c = { ...NO_BOOKINGS };
  for (const { status, n } of rows) {
    c.booked += n;
    if (status === 'checked-in') c.checkedIn += n;
    else if (status === 'late') c.late += n;
    else if (status === 'no-show') c.noShows += n;
    else if (status === 'cancelled') c.cancelled += n;
  }
  return c;
}

/** Two counts added column by column (a total from its services). */
export const addBookings = <T extends BookingCounts>(a: T, b: BookingCounts): T => ({
  ...a,
  booked: a.booked + b.booked,
  checkedIn: a.checkedIn + b.checkedIn,
  late: a.late + b.late,
  noShows: a.noShows + b.noShows,
  cancelled: a.cancelled + b.cancelled,
});
