/**
 * Exchanges the typed code for this device's token (POST /api/v1/pair), then
 * opens the device's own app with the token in the address; each app keeps
 * it (shared/ui/page-settings.ts) and takes it out of the address bar.
 */
import type { MessageKey } from '../../shared/i18n/index.js';
import { PairedDeviceSchema, type AckError, type DeviceRole } from '../../shared/protocol.js';
import { usePairStore } from './store.js';

/** Where each role's app lives on the hub. */
const APP_OF: Record<DeviceRole, string> = {
  kiosk: 'kiosk',
  counter: 'counter',
  display: 'display',
  feedback: 'display',
  console: 'console',
};
/** How long the page shows "paired" before it opens the app. */
const OPEN_APP_AFTER_MS = 1500;

function refusal(error: AckError | undefined): MessageKey {
  if (error?.reason === 'pair-code') return 'reason.pair-code';
  if (error?.code === 'rate-limited') return 'pair.slowDown';
  if (error?.code === 'invalid-request') return 'pair.sixDigits';
  return 'pair.unreachable';
}

export async function pairThisDevice(): Promise<void> {
  const { code, phase } = usePairStore.getState();
  if (phase.name === 'sending' || phase.name === 'paired') return;
  if (!/^\d{6}$/.test(code)) {
    usePairStore.setState({ phase: { name: 'refused', message: 'pair.sixDigits' } });
    return;
  }
  usePairStore.setState({ phase: { name: 'sending' } });
  try {
    const res = await fetch('/api/v1/pair', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    const body: unknown = await res.json();
    const paired = PairedDeviceSchema.safeParse(body);
    if (!res.ok || !paired.success) {
      const error = (body as { error?: AckError } | null)?.error;
      usePairStore.setState({ phase: { name: 'refused', message: refusal(error) } });
      return;
    }
    const { role, name, token } = paired.data;
    usePairStore.setState({ phase: { name: 'paired', role, deviceName: name } });
    const next = `/${APP_OF[role]}/?token=${encodeURIComponent(token)}`;
    setTimeout(() => window.location.assign(next), OPEN_APP_AFTER_MS);
  } catch {
    usePairStore.setState({ phase: { name: 'refused', message: 'pair.unreachable' } });
  }
}
