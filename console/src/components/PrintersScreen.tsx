import { useEffect } from 'react';
import { formatTime } from '../../../shared/i18n/calendar.js';
import { t } from '../../../shared/i18n/index.js';
import type { PrinterConfig, PrinterView } from '../../../shared/protocol.js';
import { loadPrinters, usePrintersStore } from '../printer-actions.js';
import { useConsoleStore } from '../store.js';
import { ListPane, ListRow, NothingChosen } from './ListPane.js';
import { PrinterForm } from './PrinterForm.js';
import { PrinterSpool } from './PrinterSpool.js';

/** The settings from printer:list, with the status as it is now (the snapshot's, live). */
function useLivePrinters(): PrinterConfig[] | null {
  const printers = usePrintersStore((s) => s.printers);
  const live = useConsoleStore((s) => s.snapshot?.printers);
  if (!printers) return null;
  const byId = new Map<number, PrinterView>((live ?? []).map((p) => [p.id, p]));
  return printers.map((p) => {
    const now = byId.get(p.id);
    return now
      ? { ...p, status: now.status, statusAt: now.statusAt, queuedJobs: now.queuedJobs }
      : p;
  });
}

function PrinterRow({ printer }: { printer: PrinterConfig }) {
  const lang = useConsoleStore((s) => s.lang);
  const timeZone = useConsoleStore((s) => s.config?.centre.timeZone ?? 'Asia/Vientiane');
  const kiosk = usePrintersStore((s) => s.kiosks.find((k) => k.id === printer.kioskDeviceId));
  const target =
    printer.kioskDeviceId === null
      ? t(lang, 'console.printer.sharedTag')
      : t(lang, 'console.printer.ownTag', { name: kiosk?.name ?? `#${printer.kioskDeviceId}` });
  return (
    <ListRow id={printer.id} testId={`printer-${printer.id}`}>
      <span className="list-row__main">{printer.name}</span>
      <span
        className={`mark mark--printer-${printer.status}`}
        data-testid="printer-status"
        data-status={printer.status}
      >
        {t(lang, `print.status.${printer.status}`)}
      </span>
      <span className="list-row__meta printer-row__meta">
        <span>{target}</span>
        <span>{t(lang, 'console.printer.paperMm', { mm: printer.paperMm })}</span>
        <span>
          {printer.statusAt === null
            ? t(lang, 'console.printer.neverSeen')
            : t(lang, 'console.printer.lastSeen', { time: formatTime(printer.statusAt, timeZone) })}
        </span>
        {printer.queuedJobs > 0 ? (
          <span className="mark mark--printer-waiting">
            {t(lang, 'console.printer.waiting', { count: printer.queuedJobs })}
          </span>
        ) : null}
      </span>
    </ListRow>
  );
}

/** Every paired kiosk and where its tickets print: its own printer, else the shared one. */
function WhereKiosksPrint({ printers }: { printers: PrinterConfig[] }) {
  const lang = useConsoleStore((s) => s.lang);
  const kiosks = usePrintersStore((s) => s.kiosks);
  const shared = printers.find((p) => p.kioskDeviceId === null);
  return (
    <section className="card where-kiosks" data-testid="where-kiosks-print">
      <h2>{t(lang, 'console.printer.whereTitle')}</h2>
      {kiosks.length === 0 ? <p className="hint">{t(lang, 'console.printer.whereNone')}</p> : null}
      <table className="table">
        <tbody>
          {kiosks.map((k) => {
            const own = printers.find((p) => p.kioskDeviceId === k.id);
            const printer = own ?? shared;
            return (
              <tr key={k.id} data-testid={`kiosk-prints-${k.id}`}>
                <td>{k.name}</td>
                <td>
                  {printer ? printer.name : t(lang, 'console.printer.whereNoPrinter')}
                  {printer && !own ? (
                    <span className="mark mark--off-tag">
                      {t(lang, 'console.printer.sharedTag')}
                    </span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export function PrintersScreen() {
  const lang = useConsoleStore((s) => s.lang);
  const selection = useConsoleStore((s) => s.selection);
  const formGen = useConsoleStore((s) => s.formGen);
  // Read again whenever the configuration changes (a printer saved here or elsewhere).
  const config = useConsoleStore((s) => s.config);
  useEffect(() => {
    void loadPrinters();
  }, [config]);
  const printers = useLivePrinters();
  if (!printers) return null;
  const chosen = printers.find((p) => p.id === selection) ?? null;
  return (
    <div className="split">
      <div className="form-column">
        <ListPane title="console.nav.printers" addLabel="console.printer.add">
          {printers.length === 0 ? <p className="hint">{t(lang, 'console.printer.none')}</p> : null}
          {printers.map((p) => (
            <PrinterRow key={p.id} printer={p} />
          ))}
        </ListPane>
        <WhereKiosksPrint printers={printers} />
      </div>
      {selection === null ? (
        <NothingChosen hint="console.chooseOrAdd" />
      ) : (
        <div className="form-column">
          <PrinterForm key={`${String(selection)}:${formGen}`} printer={chosen} />
          {chosen ? <PrinterSpool printerId={chosen.id} /> : null}
        </div>
      )}
    </div>
  );
}
