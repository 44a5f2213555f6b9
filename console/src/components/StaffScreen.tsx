import { t } from '../../../shared/i18n/index.js';
import type { StaffMember } from '../../../shared/protocol.js';
import { useConsoleStore } from '../store.js';
import { isSlowed } from '../staff-actions.js';
import { ListPane, ListRow, NothingChosen } from './ListPane.js';
import { StaffForm } from './StaffForm.js';

function StaffRow({ member }: { member: StaffMember }) {
  const lang = useConsoleStore((s) => s.lang);
  const numbers = useConsoleStore((s) =>
    (s.config?.counters ?? [])
      .filter((c) => member.counters.includes(c.id))
      .map((c) => c.number)
      .sort((a, b) => a - b)
      .join(', '),
  );
  const slowed = isSlowed(member);
  return (
    <ListRow id={member.id} testId={`staff-${member.username}`}>
      <span className="list-row__main">
        {member.name} <span className="list-row__meta">{member.username}</span>
      </span>
      <span className="list-row__meta">
        {t(lang, `console.role.${member.role}`)}
        {numbers ? ` · ${t(lang, 'console.staff.atCounters', { numbers })}` : ''}
        {slowed ? <span className="mark mark--off">{t(lang, 'console.staff.slowed')}</span> : null}
        {member.pinMustChange ? (
          <span className="mark mark--sample">{t(lang, 'console.staff.needsPin')}</span>
        ) : null}
        {member.active ? null : (
          <span className="mark mark--off">{t(lang, 'console.inactive')}</span>
        )}
      </span>
    </ListRow>
  );
}

export function StaffScreen() {
  const staff = useConsoleStore((s) => s.config?.staff);
  const selection = useConsoleStore((s) => s.selection);
  const formGen = useConsoleStore((s) => s.formGen);
  if (!staff) return null;
  const chosen = staff.find((m) => m.id === selection) ?? null;
  return (
    <div className="split">
      <ListPane title="console.nav.staff" addLabel="console.staff.add">
        {[...staff]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((m) => (
            <StaffRow key={m.id} member={m} />
          ))}
      </ListPane>
      {selection === null ? (
        <NothingChosen hint="console.chooseOrAdd" />
      ) : (
        <StaffForm key={`${String(selection)}:${formGen}`} member={chosen} />
      )}
    </div>
  );
}
