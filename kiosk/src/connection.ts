/**
 * Everything the kiosk says to the hub. The socket's listeners live here,
 * outside React, and write into the store; components call `issueTicket`.
 */
import type { MessageKey } from '../../shared/i18n/index.js';
import type { AckError, CheckInAnswer, IssuedTicket, Priority } from '../../shared/protocol.js';
import { getBridge } from '../../shared/station-bridge.js';
import { connectToHub, type HubConnection } from '../../shared/ui/hub-connection.js';
import { codeComplete, codeIn } from './booking-code.js';
import { isTicketOutcome, useKioskStore } from './store.js';

let hub: HubConnection | null = null;
let started = false;

/**
 * Connects once. Inside the Electron station the device token comes from its
 * bridge; a paired plain browser passes it in the address (settings.ts).
 */
export async function startConnection(): Promise<void> {
  if (started) return;
  started = true;
  const bridge = getBridge();
  // A station's own token wins over one a browser remembered from an address.
  const token =
    (await bridge.deviceToken().catch(() => null)) ??
    useKioskStore.getState().settings.token ??
    undefined;
  hub = connectToHub({
    role: 'kiosk',
    token,
    onSnapshot: (snapshot) => useKioskStore.setState({ snapshot }),
    onStatus: (status, refusal) => useKioskStore.setState({ status, refusal }),
  });
  // Tell the station once the screen is usable, so it stops showing its offline page.
  const unsubscribe = useKioskStore.subscribe((s) => {
    if (!s.fontsReady || s.snapshot === null) return;
    unsubscribe();
    void bridge.appReady().catch(() => {});
  });
}

function errorMessage(error: AckError): MessageKey {
  return error.reason ? `reason.${error.reason}` : `error.${error.code}`;
}

/**
 * Asks the hub for a ticket for the service on the priority screen. A second
 * tap while the first is on its way does nothing, and a retry after a failure
 * sends the same requestId, so the hub never issues two tickets for one attempt.
 */
export async function issueTicket(priority: Priority): Promise<void> {
  const { screen, lang, status } = useKioskStore.getState();
  if (screen.name !== 'priority' || screen.pending || status !== 'online' || !hub) return;
  const { serviceId, requestId } = screen;
  useKioskStore.setState({ screen: { ...screen, pending: true, error: null } });

  // The ack carries where the ticket stands in the queue: nothing more to ask before showing it.
  let outcome: { ticket: IssuedTicket } | { error: MessageKey };
  try {
    const ack = await hub.request('ticket:issue', { serviceId, priority, lang, requestId });
    outcome = ack.ok ? { ticket: ack.data } : { error: errorMessage(ack.error) };
  } catch {
    outcome = { error: 'kiosk.issueUnreachable' };
  }
  // Only a request with no answer may have been committed unseen; any answer settles it.
  useKioskStore.setState({
    unanswered:
      'error' in outcome && outcome.error === 'kiosk.issueUnreachable'
        ? { serviceId, requestId }
        : null,
  });

  // The person may have been timed out meanwhile; only this attempt's screen takes the answer.
  const now = useKioskStore.getState().screen;
  if (now.name !== 'priority' || now.requestId !== requestId) return;
  useKioskStore.setState({
    screen:
      'ticket' in outcome
        ? { name: 'ticket', ticket: outcome.ticket }
        : { ...now, pending: false, error: outcome.error },
  });
}

/** A scanner read a booking's QR code on another screen: its check-in, at once. */
export function checkInScanned(typed: string): Promise<void> {
  useKioskStore.setState({ screen: { name: 'booking', typed, pending: false, error: null } });
  return checkIn();
}

/**
 * Checks in the booking whose code is on the booking screen. A ticket (checked in, again, or
 * too late for the slot) shows as a ticket; any other outcome says why on its own screen.
 */
export async function checkIn(): Promise<void> {
  const { screen, status } = useKioskStore.getState();
  if (screen.name !== 'booking' || screen.pending || !hub) return;
  const code = codeIn(screen.typed);
  if (!codeComplete(code)) {
    useKioskStore.setState({
      screen: { ...screen, typed: code, error: 'kiosk.booking.incomplete' },
    });
    return;
  }
  if (status !== 'online') {
    useKioskStore.setState({
      screen: { ...screen, typed: code, error: 'kiosk.booking.unreachable' },
    });
    return;
  }
  useKioskStore.setState({ screen: { ...screen, typed: code, pending: true, error: null } });

  let outcome: { answer: CheckInAnswer } | { error: MessageKey };
  try {
    const ack = await hub.request('ticket:check-in', { code });
    outcome = ack.ok ? { answer: ack.data } : { error: errorMessage(ack.error) };
  } catch {
    outcome = { error: 'kiosk.booking.unreachable' };
  }
  // Timed out meanwhile, or another code typed: this answer is no one's any more.
  const now = useKioskStore.getState().screen;
  if (now.name !== 'booking' || !now.pending || codeIn(now.typed) !== code) return;
  if ('error' in outcome) {
    useKioskStore.setState({ screen: { ...now, pending: false, error: outcome.error } });
    return;
  }
  const { answer } = outcome;
  useKioskStore.setState({
    screen:
      answer.ticket && isTicketOutcome(answer.outcome)
        ? { name: 'ticket', ticket: answer.ticket, checkIn: answer.outcome }
        : { name: 'check-in', answer },
  });
}
