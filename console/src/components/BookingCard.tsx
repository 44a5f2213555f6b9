/**
 * A service's appointment settings, under its form: whether citizens can
 * book it, the slot length, the cap per slot (with what it leaves of each
 * hour for walk-ins), how many days ahead, and the check-in window. Slots
 * come from the service's hours and skip the centre's holidays, which the
 * card says; a service with no hours cannot be made bookable (the hub
 * refuses with `needs-hours`, shown next to the switch).
 */
import { useState, type FormEvent } from 'react';
import { t } from '../../../shared/i18n/index.js';
import type { BookingSettingsConfig, ServiceConfig } from '../../../shared/protocol.js';
import { saveBooking } from '../booking-actions.js';
import {
  fromBookingDraft,
  toBookingDraft,
  walkInShare,
  type BookingDraft,
} from '../booking-draft.js';
import { formatShare } from '../report-format.js';
import { hhmm } from '../service-draft.js';
import { useConsoleStore } from '../store.js';
import { CheckField, FieldMessage, TextField } from './Field.js';
import { FormCard } from './FormCard.js';
import { SaveBar } from './SaveBar.js';

const SAMPLE_SLOT_MIN = 9 * 60;

function WalkIns({ draft, serviceId }: { draft: BookingDraft; serviceId: string }) {
  const lang = useConsoleStore((s) => s.lang);
  const counters = useConsoleStore(
    (s) => s.config?.counters.filter((c) => c.active && c.services.includes(serviceId)).length ?? 0,
  );
  const share = walkInShare(Number(draft.slotMinutes), Number(draft.perSlot), counters);
  if (share === null) return null;
  if (counters === 0) {
    return (
      <p className="field__error" data-testid="booking-walk-ins">
        {t(lang, 'console.booking.noCounters')}
      </p>
    );
  }
  return (
    <p
      className={share.share < 0.5 ? 'field__error' : 'hint'}
      data-testid="booking-walk-ins"
      data-share={share.share}
    >
      {t(lang, 'console.booking.walkIns', {
        perHour: share.perHour,
        counters,
        share: formatShare(share.share),
      })}
      {share.share < 0.5 ? ` ${t(lang, 'console.booking.walkInsLow')}` : null}
    </p>
  );
}

function WindowExample({ draft }: { draft: BookingDraft }) {
  const lang = useConsoleStore((s) => s.lang);
  const early = Number(draft.earlyMinutes);
  const late = Number(draft.lateMinutes);
  const fine = (n: number) => draft.earlyMinutes !== '' && Number.isInteger(n) && n <= 120;
  if (!fine(early) || !fine(late) || draft.lateMinutes === '') return null;
  return (
    <p className="hint" data-testid="booking-window">
      {t(lang, 'console.booking.window', {
        from: hhmm(SAMPLE_SLOT_MIN - early),
        to: hhmm(SAMPLE_SLOT_MIN + late),
      })}
    </p>
  );
}

function BookingFields({
  draft,
  set,
}: {
  draft: BookingDraft;
  set: (patch: Partial<BookingDraft>) => void;
}) {
  const numeric = (v: string) => v.replace(/\D/g, '');
  const number = (key: Exclude<keyof BookingDraft, 'bookable'>) => ({
    path: `booking.${key}`,
    inputMode: 'numeric' as const,
    value: draft[key],
    onChange: (v: string) => set({ [key]: numeric(v) }),
  });
  return (
    <>
      <div className="field-trio">
        <TextField
          label="console.booking.slotMinutes"
          hint="console.booking.slotMinutesHint"
          {...number('slotMinutes')}
        />
        <TextField
          label="console.booking.perSlot"
          hint="console.booking.perSlotHint"
          {...number('perSlot')}
        />
        <TextField
          label="console.booking.daysAhead"
          hint="console.booking.daysAheadHint"
          {...number('daysAhead')}
        />
      </div>
      <div className="field-pair">
        <TextField
          label="console.booking.earlyMinutes"
          hint="console.booking.windowHint"
          {...number('earlyMinutes')}
        />
        <TextField
          label="console.booking.lateMinutes"
          hint="console.booking.windowHint"
          {...number('lateMinutes')}
        />
      </div>
    </>
  );
}

function BookingForm({
  service,
  settings,
}: {
  service: ServiceConfig;
  settings: BookingSettingsConfig;
}) {
  const lang = useConsoleStore((s) => s.lang);
  const [draft, setDraft] = useState(() => toBookingDraft(settings));
  // The version the edit started from (see ServiceForm); each save of this form moves it on.
  const [version, setVersion] = useState(settings.version);
  const set = (patch: Partial<BookingDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const payload = { serviceId: service.id, booking: fromBookingDraft(draft), version };
    void saveBooking(payload).then((after) => after && setVersion(after.version));
  };
  return (
    <FormCard testId="booking-form" onSubmit={submit}>
      <h2>{t(lang, 'console.booking.title')}</h2>
      <p className="hint">{t(lang, 'console.booking.hint')}</p>
      {service.hours.length === 0 ? (
        <p className="notice notice--read-only" data-testid="booking-no-hours">
          {t(lang, 'console.booking.noHours')}
        </p>
      ) : null}
      <div className="checks">
        <CheckField
          label="console.booking.bookable"
          path="booking.bookable"
          checked={draft.bookable}
          onChange={(bookable) => set({ bookable })}
        />
      </div>
      <FieldMessage path="booking.bookable" />
      <BookingFields draft={draft} set={set} />
      <WalkIns draft={draft} serviceId={service.id} />
      <WindowExample draft={draft} />
      <SaveBar saveLabel="console.booking.save" />
    </FormCard>
  );
}

/** The card for a saved service (a new one has no id to book against yet). */
export function BookingCard({ service }: { service: ServiceConfig }) {
  const settings = useConsoleStore((s) =>
    s.config?.booking.services.find((b) => b.serviceId === service.id),
  );
  const formGen = useConsoleStore((s) => s.formGen);
  if (!settings) return null;
  return <BookingForm key={`${service.id}:${formGen}`} service={service} settings={settings} />;
}
