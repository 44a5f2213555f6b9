import { useState, type FormEvent } from 'react';
import { t, type Lang } from '../../../shared/i18n/index.js';
import type { ServiceView } from '../../../shared/protocol.js';
import { confirmTransfer } from '../desk-controller.js';
import { useCounterStore } from '../store.js';
import { Dialog, DialogBackButton, DialogButtons } from './Dialog.js';

const REASON_MAX_CHARS = 200;

type Position = 'front' | 'back';

/** The services the ticket can go to; the first takes the focus, so ↑ ↓ choose at once. */
function ServiceChoice({
  targets,
  lang,
  chosen,
  onChoose,
}: {
  targets: ServiceView[];
  lang: Lang;
  chosen: string | null;
  onChoose: (serviceId: string) => void;
}) {
  return (
    <fieldset className="transfer__services">
      <legend>{t(lang, 'counter.transfer.service')}</legend>
      {targets.map((s, i) => (
        <label key={s.id} className="radio">
          <input
            type="radio"
            name="service"
            value={s.id}
            checked={chosen === s.id}
            data-autofocus={i === 0 ? true : undefined}
            onChange={() => onChoose(s.id)}
          />
          <span>{s.name[lang]}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Front or back of the new service's queue. */
function PositionChoice({
  lang,
  chosen,
  onChoose,
}: {
  lang: Lang;
  chosen: Position;
  onChoose: (position: Position) => void;
}) {
  return (
    <fieldset className="transfer__position">
      <legend>{t(lang, 'counter.transfer.position')}</legend>
      {(['front', 'back'] as const).map((p) => (
        <label key={p} className="radio">
          <input
            type="radio"
            name="position"
            value={p}
            checked={chosen === p}
            onChange={() => onChoose(p)}
          />
          <span>{t(lang, `counter.transfer.${p}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Sends the citizen on to another service, keeping their number: choose the
 * service (↑ ↓), front or back of its queue, and an optional reason. Enter
 * transfers, Escape goes back.
 */
export function TransferDialog({ ticketId }: { ticketId: number }) {
  const lang = useCounterStore((s) => s.lang);
  const close = useCounterStore((s) => s.closeDialog);
  const busy = useCounterStore((s) => s.busy !== null);
  const ticket = useCounterStore((s) => s.snapshot?.held?.find((x) => x.id === ticketId));
  const services = useCounterStore((s) => s.snapshot?.services ?? []);
  const targets = services.filter((s) => s.id !== ticket?.serviceId);
  const [toServiceId, setService] = useState<string | null>(null);
  const [position, setPosition] = useState<Position>('front');
  const [reason, setReason] = useState('');

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (toServiceId === null || busy) return;
    void confirmTransfer(ticketId, toServiceId, position, reason);
  };
  const label = ticket?.label ?? '';

  return (
    <Dialog labelledBy="transfer-title" onCancel={close}>
      <form
        className="transfer"
        onSubmit={submit}
        onKeyDown={(e) => {
          const target = e.target as HTMLElement;
          if (e.key !== 'Enter' || target.tagName === 'BUTTON') return;
          e.preventDefault();
          submit();
        }}
      >
        <h2 id="transfer-title">{t(lang, 'counter.transfer.title', { label })}</h2>
        <ServiceChoice targets={targets} lang={lang} chosen={toServiceId} onChoose={setService} />
        <PositionChoice lang={lang} chosen={position} onChoose={setPosition} />
        <label className="field">
          <span>{t(lang, 'counter.transfer.reason')}</span>
          <input
            name="reason"
            maxLength={REASON_MAX_CHARS}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <DialogButtons>
          <DialogBackButton lang={lang} onClick={close} />
          <button
            type="submit"
            className="action action--primary"
            disabled={busy || toServiceId === null}
          >
            <span className="action__label">{t(lang, 'counter.transfer.confirm', { label })}</span>
            <kbd className="action__key">Enter</kbd>
          </button>
        </DialogButtons>
      </form>
    </Dialog>
  );
}
