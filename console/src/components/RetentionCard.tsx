/**
 * How long a booking keeps the citizen's name and phone: a centre setting,
 * on the centre's screen. After that many days past the booking's day the
 * night's rollover wipes them; the counts stay.
 */
import { useState, type FormEvent } from 'react';
import { t } from '../../../shared/i18n/index.js';
import type { BookingRetention } from '../../../shared/protocol.js';
import { saveRetention } from '../booking-actions.js';
import { useConsoleStore } from '../store.js';
import { TextField } from './Field.js';
import { FormCard } from './FormCard.js';
import { SaveBar } from './SaveBar.js';

function RetentionForm({ retention }: { retention: BookingRetention }) {
  const lang = useConsoleStore((s) => s.lang);
  const [days, setDays] = useState(String(retention.days));
  const [version, setVersion] = useState(retention.version);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = days.trim() === '' ? Number.NaN : Number(days);
    void saveRetention({ retention: { days: n }, version }).then(
      (after) => after && setVersion(after.version),
    );
  };
  return (
    <FormCard testId="retention-form" onSubmit={submit}>
      <h2>{t(lang, 'console.retention.title')}</h2>
      <TextField
        label="console.retention.days"
        hint="console.retention.hint"
        path="retention.days"
        inputMode="numeric"
        value={days}
        onChange={(v) => setDays(v.replace(/\D/g, ''))}
      />
      <SaveBar saveLabel="console.retention.save" />
    </FormCard>
  );
}

export function RetentionCard() {
  const retention = useConsoleStore((s) => s.config?.booking.retention);
  const formGen = useConsoleStore((s) => s.formGen);
  if (!retention) return null;
  return <RetentionForm key={formGen} retention={retention} />;
}
