/**
 * The console's appointment settings form, without the browser: what is
 * typed becomes what the hub takes (or NaN, which the schema refuses next
 * to the field), and the share of each hour a cap leaves for walk-ins.
 */
import { describe, expect, it } from 'vitest';
import { fromBookingDraft, toBookingDraft, walkInShare } from '../../console/src/booking-draft.js';
import { BookingSettingsInputSchema, DEFAULT_BOOKING_SETTINGS } from '../../shared/protocol.js';

describe('the console appointment settings form', () => {
  it('gives back the settings it was opened on, and refuses an empty or short field', () => {
    const input = { ...DEFAULT_BOOKING_SETTINGS, bookable: true, perSlot: 3 };
    const saved = { ...input, serviceId: 'x', version: 2 };
    expect(fromBookingDraft(toBookingDraft(saved))).toEqual(input);
    const draft = { ...toBookingDraft(saved), perSlot: '', slotMinutes: '3' };
    const issues = BookingSettingsInputSchema.safeParse(fromBookingDraft(draft)).error?.issues;
    expect(issues?.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['slotMinutes', 'too_small'],
      ['perSlot', 'invalid_type'],
    ]);
  });

  it('says what of each hour a cap leaves for walk-ins, by the counters serving the service', () => {
    expect(walkInShare(30, 1, 4)).toEqual({ perHour: 2, share: 0.75 });
    expect(walkInShare(20, 2, 2)).toEqual({ perHour: 6, share: 0 });
    // More bookings a slot than counters: nothing is left, never less than nothing.
    expect(walkInShare(15, 5, 2)).toEqual({ perHour: 20, share: 0 });
    expect(walkInShare(45, 1, 0)).toEqual({ perHour: 1, share: 0 });
    expect(walkInShare(Number.NaN, 1, 2)).toBeNull();
    expect(walkInShare(30, 0, 2)).toBeNull();
  });
});
