/**
 * A manager's actions on a person: save (a new person's temporary PIN is
 * shown once), reset a forgotten PIN, let them try at once after too many wrong ones.
 */
import type { StaffInput, StaffMember } from '../../shared/protocol.js';
import { loadConfig, save } from './config-actions.js';
import { ask } from './connection.js';
import { genericNotice, UNREACHABLE, useConsoleStore } from './store.js';

export async function saveStaff(staff: StaffInput, version: number | null): Promise<void> {
  const result = await save('staff:save', { staff, version });
  if (!result) return;
  const { member, temporaryPin } = result;
  useConsoleStore.setState({
    selection: member.id,
    temporaryPin: temporaryPin
      ? { name: member.name, username: member.username, pin: temporaryPin }
      : null,
  });
}

export async function resetPin(staffId: number): Promise<void> {
  const ack = await ask((h) => h.request('staff:reset-pin', { staffId }));
  if (!ack?.ok) {
    useConsoleStore.setState({ notice: ack ? genericNotice(ack.error) : UNREACHABLE });
    return;
  }
  const { member, temporaryPin } = ack.data;
  useConsoleStore.setState({
    temporaryPin: { name: member.name, username: member.username, pin: temporaryPin },
  });
  await loadConfig();
}

export async function unlock(staffId: number): Promise<void> {
  const ack = await ask((h) => h.request('staff:unlock', { staffId }));
  useConsoleStore.setState({
    notice: ack?.ok
      ? { key: 'console.staff.mayTry', tone: 'info' }
      : ack
        ? genericNotice(ack.error)
        : UNREACHABLE,
  });
  if (ack?.ok) await loadConfig();
}

/** Some desk must wait to try this person's PIN again, until the time passes or someone clears it. */
export const isSlowed = (m: StaffMember, now = Date.now()) =>
  m.slowedUntil !== null && m.slowedUntil > now;
