import { useState, type FormEvent } from 'react';
import { formatTime } from '../../../shared/i18n/calendar.js';
import { t } from '../../../shared/i18n/index.js';
import { PAPER_MM, type PaperMm, type PrinterConfig } from '../../../shared/protocol.js';
import { removePrinter, savePrinter, testPrint, usePrintersStore } from '../printer-actions.js';
import { useCanEdit, useConsoleStore } from '../store.js';
import { Field, TextField } from './Field.js';
import { FormCard } from './FormCard.js';
import { SaveBar } from './SaveBar.js';

/** What came of the last test slip on this printer, in words. */
function TestResult({ printerId }: { printerId: number }) {
  const lang = useConsoleStore((s) => s.lang);
  const timeZone = useConsoleStore((s) => s.config?.centre.timeZone ?? 'Asia/Vientiane');
  const test = usePrintersStore((s) => (s.test?.printerId === printerId ? s.test : null));
  if (!test) return null;
  const { result } = test;
  if (!result) return <p className="test-result">{t(lang, 'console.printer.testing')}</p>;
  if (result.printed) {
    return (
      <p className="test-result test-result--ok" data-testid="test-result" data-printed="true">
        {t(lang, 'console.printer.testPrinted', { time: formatTime(test.at, timeZone) })}
      </p>
    );
  }
  const words =
    result.status === 'ok'
      ? t(lang, 'console.printer.testUnconfirmed')
      : t(lang, 'console.printer.testFailed', { status: t(lang, `print.status.${result.status}`) });
  return (
    <p className="test-result test-result--failed" data-testid="test-result" data-printed="false">
      {words}
    </p>
  );
}

/** Test slip and removal, for a manager, under a saved printer's settings. */
function PrinterTools({ printer }: { printer: PrinterConfig }) {
  const lang = useConsoleStore((s) => s.lang);
  const busy = usePrintersStore((s) => s.test?.printerId === printer.id && s.test.result === null);
  const remove = async () => {
    if (!window.confirm(t(lang, 'console.printer.removeAsk', { name: printer.name }))) return;
    const outcome = await removePrinter(printer, false);
    if (outcome === null || outcome === 'removed') return;
    const ask = t(lang, 'console.printer.removeDropAsk', {
      name: printer.name,
      count: outcome.waiting,
    });
    if (window.confirm(ask)) await removePrinter(printer, true);
  };
  return (
    <div className="printer-tools">
      <div className="printer-tools__buttons">
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => void testPrint(printer.id)}
        >
          {t(lang, 'console.printer.test')}
        </button>
        <button type="button" className="button button--danger" onClick={() => void remove()}>
          {t(lang, 'console.printer.remove')}
        </button>
      </div>
      <TestResult printerId={printer.id} />
    </div>
  );
}

function PaperField({ value, onChange }: { value: PaperMm; onChange: (mm: PaperMm) => void }) {
  const lang = useConsoleStore((s) => s.lang);
  return (
    <Field label="console.printer.paper" path="printer.paperMm">
      <select
        name="printer.paperMm"
        value={value}
        onChange={(e) => onChange(e.target.value === '58' ? 58 : 80)}
      >
        {PAPER_MM.map((mm) => (
          <option key={mm} value={mm}>
            {t(lang, 'console.printer.paperMm', { mm })}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Which kiosks print here: one kiosk, or every kiosk without a printer of its own. */
function KioskField({
  value,
  onChange,
}: {
  value: number | null;
  onChange: (kioskDeviceId: number | null) => void;
}) {
  const lang = useConsoleStore((s) => s.lang);
  const kiosks = usePrintersStore((s) => s.kiosks);
  return (
    <Field
      label="console.printer.kiosk"
      path="printer.kioskDeviceId"
      hint="console.printer.kioskHint"
    >
      <select
        name="printer.kioskDeviceId"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">{t(lang, 'console.printer.kioskShared')}</option>
        {kiosks.map((k) => (
          <option key={k.id} value={k.id}>
            {t(lang, 'console.printer.kioskOwn', { name: k.name })}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function PrinterForm({ printer }: { printer: PrinterConfig | null }) {
  const lang = useConsoleStore((s) => s.lang);
  const select = useConsoleStore((s) => s.select);
  const canEdit = useCanEdit();
  const [name, setName] = useState(printer?.name ?? '');
  const [uri, setUri] = useState(printer?.uri ?? 'tcp://');
  const [paperMm, setPaperMm] = useState<PaperMm>(printer?.paperMm ?? 80);
  const [kiosk, setKiosk] = useState(printer?.kioskDeviceId ?? null);
  const [version] = useState(printer?.version ?? null); // as opened: a stale save is refused
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = {
      ...(printer ? { id: printer.id } : {}),
      name,
      uri,
      paperMm,
      kioskDeviceId: kiosk,
    };
    void savePrinter(input, version).then((saved) => saved && select(saved.id));
  };
  return (
    <FormCard
      testId="printer-form"
      onSubmit={submit}
      after={printer && canEdit ? <PrinterTools printer={printer} /> : null}
    >
      <h2>{t(lang, printer ? 'console.printer.edit' : 'console.printer.add')}</h2>
      <TextField label="console.printer.name" path="printer.name" value={name} onChange={setName} />
      <TextField
        label="console.printer.uri"
        path="printer.uri"
        hint="console.printer.uriHint"
        value={uri}
        onChange={setUri}
      />
      <PaperField value={paperMm} onChange={setPaperMm} />
      <KioskField value={kiosk} onChange={setKiosk} />
      <SaveBar onCancel={() => select(null)} />
    </FormCard>
  );
}
