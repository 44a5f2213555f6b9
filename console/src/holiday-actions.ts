/** Adding and removing the centre's holidays; the configuration is read again after each. */
import { RequestSchemas, type Holiday } from '../../shared/protocol.js';
import { checkLocally, loadConfig, request } from './config-actions.js';
import { useConsoleStore } from './store.js';

async function change(
  send: Parameters<typeof request<Holiday[]>>[1],
  saved: 'console.notice.saved' | 'console.holiday.removed',
): Promise<boolean> {
  if ((await request('holidays', send)) === null) return false;
  useConsoleStore.setState({ notice: { key: saved, tone: 'info' } });
  await loadConfig();
  return true;
}

export function saveHoliday(holiday: Holiday): Promise<boolean> {
  if (!checkLocally(RequestSchemas['config:holiday-save'], { holiday })) {
    return Promise.resolve(false);
  }
  return change((h) => h.request('config:holiday-save', { holiday }), 'console.notice.saved');
}

export function removeHoliday(day: string): Promise<boolean> {
  return change((h) => h.request('config:holiday-delete', { day }), 'console.holiday.removed');
}
