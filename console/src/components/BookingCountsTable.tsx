/**
 * Bookings counted per service and in total, as the floor (today, with who
 * is still expected) and the reports (a range of days) show them. The
 * columns are the same everywhere (shared/domain/booking-counts.ts).
 */
import { t, type MessageKey } from '../../../shared/i18n/index.js';
import type { BookingCounts, ServiceBookings } from '../../../shared/protocol.js';
import { formatCount } from '../report-format.js';
import { useConsoleStore } from '../store.js';

type Counted = BookingCounts & { expected?: number };

const COLUMNS: {
  key: MessageKey;
  cell: 'booked' | 'checkedIn' | 'late' | 'noShows' | 'cancelled' | 'expected';
}[] = [
  { key: 'console.bookings.booked', cell: 'booked' },
  { key: 'console.bookings.checkedIn', cell: 'checkedIn' },
  { key: 'console.bookings.late', cell: 'late' },
  { key: 'console.bookings.noShows', cell: 'noShows' },
  { key: 'console.bookings.cancelled', cell: 'cancelled' },
  { key: 'console.bookings.expected', cell: 'expected' },
];

function Row({ label, counts, testId }: { label: string; counts: Counted; testId: string }) {
  return (
    <tr data-testid={testId}>
      <th scope="row">{label}</th>
      {COLUMNS.filter((c) => counts[c.cell] !== undefined).map((c) => (
        <td key={c.cell} data-col={c.cell}>
          {formatCount(counts[c.cell] ?? 0)}
        </td>
      ))}
    </tr>
  );
}

export function BookingCountsTable({
  testId,
  total,
  services,
}: {
  testId: string;
  total: Counted;
  services: (ServiceBookings & { expected?: number })[];
}) {
  const lang = useConsoleStore((s) => s.lang);
  const names = useConsoleStore((s) => s.config?.services);
  const columns = COLUMNS.filter((c) => total[c.cell] !== undefined);
  return (
    <table className="table booking-counts" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t(lang, 'console.floor.service')}</th>
          {columns.map((c) => (
            <th key={c.cell} scope="col">
              {t(lang, c.key)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {services.map((s) => (
          <Row
            key={s.serviceId}
            label={names?.find((n) => n.id === s.serviceId)?.name[lang] ?? s.serviceId}
            counts={s}
            testId={`${testId}-${s.serviceId}`}
          />
        ))}
      </tbody>
      <tfoot>
        <Row label={t(lang, 'report.key.total')} counts={total} testId={`${testId}-total`} />
      </tfoot>
    </table>
  );
}
