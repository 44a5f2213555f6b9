/**
 * The kiosk: home (every service) → one service → the priority question →
 * the ticket, and home again; or, for a booked citizen, home → "I have a
 * booking" → the code → the ticket (or why not).
 *
 * Why one list of every service, grouped under its ministry, rather than
 * "choose a ministry, then a service": a first-time visitor knows their errand
 * ("ID card", "land title"), not which ministry owns it — the ID card and the
 * family book belong to Public Security, not Home Affairs — so a ministry step
 * makes many guess, back out and guess again. A district centre offers a few
 * dozen services at most, which fit on one or two screens of scrolling; the
 * ministry headings still guide those who do know. And no search box: typing
 * Lao on an on-screen keyboard is slow for first-time and elderly visitors,
 * while recognising a name in a list and tapping it is not.
 */
import { useEffect } from 'react';
import { ConnectionBanner } from '../../shared/ui/ConnectionBanner.js';
import { RefusedScreen } from '../../shared/ui/RefusedScreen.js';
import { CheckInResultScreen } from './components/CheckInResultScreen.js';
import { CheckInScreen } from './components/CheckInScreen.js';
import { HomeScreen } from './components/HomeScreen.js';
import { Header } from './components/Header.js';
import { PriorityScreen } from './components/PriorityScreen.js';
import { ServiceScreen } from './components/ServiceScreen.js';
import { TicketScreen } from './components/TicketScreen.js';
import { useIdleTimeout } from './idle.js';
import { useKioskStore } from './store.js';

function CurrentScreen() {
  const name = useKioskStore((s) => s.screen.name);
  const serviceId = useKioskStore((s) => ('serviceId' in s.screen ? s.screen.serviceId : null));
  const ticket = useKioskStore((s) => (s.screen.name === 'ticket' ? s.screen : null));
  const booking = useKioskStore((s) => (s.screen.name === 'booking' ? s.screen : null));
  const checkIn = useKioskStore((s) => (s.screen.name === 'check-in' ? s.screen.answer : null));
  const visit = useKioskStore((s) => s.visit);

  if (ticket) {
    return <TicketScreen key={ticket.ticket.id} ticket={ticket.ticket} checkIn={ticket.checkIn} />;
  }
  if (booking) return <CheckInScreen screen={booking} />;
  if (checkIn) return <CheckInResultScreen answer={checkIn} />;
  if (name === 'priority' && serviceId) return <PriorityScreen serviceId={serviceId} />;
  if (name === 'service' && serviceId) return <ServiceScreen serviceId={serviceId} />;
  // A new key each visit: the next person starts at the top of the list.
  return <HomeScreen key={visit} />;
}

export function App() {
  const lang = useKioskStore((s) => s.lang);
  const status = useKioskStore((s) => s.status);
  const ready = useKioskStore((s) => s.fontsReady && s.snapshot !== null);
  const idleMs = useKioskStore((s) => s.settings.idleMs);
  const reset = useKioskStore((s) => s.reset);
  const refusal = useKioskStore((s) => s.refusal);
  const token = useKioskStore((s) => s.settings.token);

  useIdleTimeout(idleMs, reset);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  if (status === 'refused') return <RefusedScreen refusal={refusal} token={token} />;
  return (
    <div className="kiosk" data-ready={ready ? 'true' : 'false'}>
      <Header />
      <ConnectionBanner status={status} detail="kiosk.offlineNoTickets" />
      <CurrentScreen />
    </div>
  );
}
