import { useState, type FormEvent } from 'react';
import { t } from '../../../shared/i18n/index.js';
import { STAFF_ROLES, type StaffMember, type StaffRole } from '../../../shared/protocol.js';
import { isSlowed, resetPin, saveStaff, unlock } from '../staff-actions.js';
import { useCanEdit, useConsoleStore } from '../store.js';
import { CheckField, Field, TextField } from './Field.js';
import { FormCard } from './FormCard.js';
import { SaveBar } from './SaveBar.js';

function CounterChecks({
  value,
  onChange,
}: {
  value: number[];
  onChange: (ids: number[]) => void;
}) {
  const lang = useConsoleStore((s) => s.lang);
  const counters = useConsoleStore((s) => s.config?.counters ?? []);
  return (
    <Field label="console.staff.counters" path="staff.counters">
      <span className="checks">
        {[...counters]
          .sort((a, b) => a.number - b.number)
          .map((c) => (
            <label key={c.id} className="check">
              <input
                type="checkbox"
                name={`staff.counter.${c.number}`}
                checked={value.includes(c.id)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...value, c.id] : value.filter((x) => x !== c.id))
                }
              />
              <span>{t(lang, 'console.counter.short', { number: c.number })}</span>
            </label>
          ))}
      </span>
    </Field>
  );
}

/** Reset a forgotten PIN; let them try at once after too many wrong ones (also a supervisor's job). */
function PinActions({ member }: { member: StaffMember }) {
  const lang = useConsoleStore((s) => s.lang);
  const canEdit = useCanEdit();
  const slowed = isSlowed(member);
  return (
    <div className="save-bar">
      {canEdit ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void resetPin(member.id)}
        >
          {t(lang, 'console.staff.resetPin')}
        </button>
      ) : null}
      {slowed ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void unlock(member.id)}
        >
          {t(lang, 'console.staff.letTry')}
        </button>
      ) : null}
    </div>
  );
}

function RoleSelect({ value, onChange }: { value: StaffRole; onChange: (r: StaffRole) => void }) {
  const lang = useConsoleStore((s) => s.lang);
  return (
    <Field label="console.staff.role" path="staff.role">
      <select
        name="staff.role"
        value={value}
        onChange={(e) => onChange(STAFF_ROLES.find((r) => r === e.target.value) ?? 'clerk')}
      >
        {STAFF_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(lang, `console.role.${r}`)}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function StaffForm({ member }: { member: StaffMember | null }) {
  const lang = useConsoleStore((s) => s.lang);
  const select = useConsoleStore((s) => s.select);
  const [username, setUsername] = useState(member?.username ?? '');
  const [name, setName] = useState(member?.name ?? '');
  const [role, setRole] = useState<StaffRole>(member?.role ?? 'clerk');
  const [counters, setCounters] = useState(member?.counters ?? []);
  const [active, setActive] = useState(member?.active ?? true);
  const [version] = useState(member?.version ?? null); // as opened: see ServiceForm
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const staff = {
      ...(member ? { id: member.id } : {}),
      username: username.trim(),
      name,
      role,
      counters,
      active,
    };
    void saveStaff(staff, version);
  };
  return (
    <FormCard
      testId="staff-form"
      onSubmit={submit}
      after={member ? <PinActions member={member} /> : null}
    >
      <h2>{t(lang, member ? 'console.staff.edit' : 'console.staff.add')}</h2>
      <div className="field-pair">
        <TextField
          label="console.staff.username"
          hint="console.staff.usernameHint"
          path="staff.username"
          autoComplete="off"
          value={username}
          readOnly={member !== null}
          onChange={(v) => setUsername(v.toLowerCase())}
        />
        <TextField label="console.staff.name" path="staff.name" value={name} onChange={setName} />
      </div>
      <RoleSelect value={role} onChange={setRole} />
      <CounterChecks value={counters} onChange={setCounters} />
      <CheckField
        label="console.active"
        path="staff.active"
        checked={active}
        onChange={setActive}
      />
      <SaveBar onCancel={() => select(null)} />
    </FormCard>
  );
}
