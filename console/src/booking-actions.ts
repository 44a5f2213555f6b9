/**
 * Saving the appointment settings: a service's (bookable, slot, cap, days
 * ahead, check-in window) and the centre's retention of personal data.
 * Checked here first and then by the hub; a refusal is shown next to its
 * field, a stale edit reloads (config-actions.ts), and after a save the
 * configuration is read again.
 */
import type { RequestPayload, ResponseData } from '../../shared/protocol.js';
import { loadConfig, sendChecked } from './config-actions.js';
import { useConsoleStore } from './store.js';

async function saved<T>(data: T | null): Promise<T | null> {
  if (data === null) return null;
  useConsoleStore.setState({ notice: { key: 'console.notice.saved', tone: 'info' } });
  await loadConfig();
  return data;
}

export const saveBooking = async (
  payload: RequestPayload<'config:booking-save'>,
): Promise<ResponseData['config:booking-save'] | null> =>
  saved(await sendChecked('config:booking-save', payload));

export const saveRetention = async (
  payload: RequestPayload<'config:retention-save'>,
): Promise<ResponseData['config:retention-save'] | null> =>
  saved(await sendChecked('config:retention-save', payload));
