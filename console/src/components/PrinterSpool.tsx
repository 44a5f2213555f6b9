import { useEffect } from 'react';
import { formatTime } from '../../../shared/i18n/calendar.js';
import { t, type MessageKey } from '../../../shared/i18n/index.js';
import type { PrintJobView } from '../../../shared/protocol.js';
import { dropJob, loadJobs, reprintJob, usePrintersStore } from '../printer-actions.js';
import { useConsoleStore } from '../store.js';

/** What a person should know about a slip beside its state; the hub's own words stay a tooltip. */
function noteKey(job: PrintJobView): MessageKey | null {
  if (job.state !== 'queued' && job.state !== 'sending') return null;
  if (job.attempts === 0) return null;
  return job.reachedPrinter ? 'console.spool.unconfirmed' : 'console.spool.failed';
}

function JobRow({ job }: { job: PrintJobView }) {
  const lang = useConsoleStore((s) => s.lang);
  const timeZone = useConsoleStore((s) => s.config?.centre.timeZone ?? 'Asia/Vientiane');
  const busy = useConsoleStore((s) => s.busy !== null);
  const note = noteKey(job);
  const mayReprint =
    (job.state === 'printed' || job.state === 'dropped') && job.ticketStatus === 'waiting';
  return (
    <tr data-testid={`job-${job.label}`} data-state={job.state}>
      <td className="spool__label">{job.label}</td>
      <td>{formatTime(job.createdAt, timeZone)}</td>
      <td>
        <span className={`mark mark--job-${job.state}`}>
          {t(lang, `console.spool.state.${job.state}`)}
        </span>
      </td>
      <td>{job.attempts}</td>
      <td className="spool__note" title={job.lastError ?? undefined}>
        {note ? t(lang, note) : null}
      </td>
      <td>
        <div className="spool__actions">
          {mayReprint ? (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void reprintJob(job)}
            >
              {t(lang, 'console.spool.reprint')}
            </button>
          ) : null}
          {job.state === 'queued' ? (
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={() => {
                if (window.confirm(t(lang, 'console.spool.dropAsk', { label: job.label }))) {
                  void dropJob(job);
                }
              }}
            >
              {t(lang, 'console.spool.drop')}
            </button>
          ) : null}
        </div>
      </td>
    </tr>
  );
}

/** A slip that printed sends no event: the spool is read again this often while shown. */
const SPOOL_REFRESH_MS = 2_000;

/**
 * One printer's spool: what waits, and today's slips of tickets that still wait. It is
 * read again whenever an event arrives (`printer-updated`, a ticket issued or called).
 */
export function PrinterSpool({ printerId }: { printerId: number }) {
  const lang = useConsoleStore((s) => s.lang);
  const live = useConsoleStore((s) => s.snapshot?.printers?.find((p) => p.id === printerId));
  const jobs = usePrintersStore((s) => (s.jobs?.printerId === printerId ? s.jobs.list : null));
  // Every event may move a slip (a ticket issued or called), and a slip printing sends none.
  const seq = useConsoleStore((s) => s.snapshot?.seq);
  const liveKey = `${live?.status}:${live?.queuedJobs}:${seq}`;
  useEffect(() => {
    void loadJobs(printerId);
  }, [printerId, liveKey]);
  useEffect(() => {
    const timer = setInterval(() => void loadJobs(printerId), SPOOL_REFRESH_MS);
    return () => clearInterval(timer);
  }, [printerId]);
  return (
    <section className="card spool" data-testid="spool">
      <h2>{t(lang, 'console.spool.title')}</h2>
      <p className="hint">{t(lang, 'console.spool.hint')}</p>
      {jobs && jobs.length === 0 ? <p className="hint">{t(lang, 'console.spool.empty')}</p> : null}
      {jobs && jobs.length > 0 ? (
        <table className="table spool__table">
          <thead>
            <tr>
              <th>{t(lang, 'console.spool.ticket')}</th>
              <th>{t(lang, 'console.spool.time')}</th>
              <th>{t(lang, 'console.spool.state')}</th>
              <th>{t(lang, 'console.spool.attempts')}</th>
              <th>{t(lang, 'console.spool.note')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <JobRow key={job.id} job={job} />
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
