/**
 * The counter: log in → choose a counter → the desk. A clerk here calls,
 * serves and passes on citizens all day, mostly from the keyboard: every
 * action has a key, shown on its button (desk-actions.ts).
 */
import { ChangePinScreen } from './components/ChangePinScreen.js';
import { useEffect } from 'react';
import { t } from '../../shared/i18n/index.js';
import { ConnectionBanner } from '../../shared/ui/ConnectionBanner.js';
import { RefusedScreen } from '../../shared/ui/RefusedScreen.js';
import { CounterChoice } from './components/CounterChoice.js';
import { DeskScreen } from './components/DeskScreen.js';
import { Dialogs } from './components/Dialogs.js';
import { Header } from './components/Header.js';
import { LoginScreen } from './components/LoginScreen.js';
import { NoticeBar } from './components/NoticeBar.js';
import { AlertBanner } from './components/AlertBanner.js';
import { useCounterStore } from './store.js';
import { missingCaseError } from '../../shared/assert.js';

function CurrentScreen() {
  const phase = useCounterStore((s) => s.phase);
  const lang = useCounterStore((s) => s.lang);
  switch (phase) {
    case 'restoring':
      return (
        <main className="screen screen--centred">
          <p className="hint">{t(lang, 'counter.login.restoring')}</p>
        </main>
      );
    case 'login':
      return <LoginScreen />;
    case 'change-pin':
      return <ChangePinScreen />;
    case 'choose':
      return <CounterChoice />;
    case 'desk':
      return <DeskScreen />;
    default:
      throw missingCaseError(phase);
  }
}

export function App() {
  const lang = useCounterStore((s) => s.lang);
  const status = useCounterStore((s) => s.status);
  const phase = useCounterStore((s) => s.phase);
  const ready = useCounterStore((s) => s.fontsReady && s.snapshot !== null);
  const refusal = useCounterStore((s) => s.refusal);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  if (status === 'refused') return <RefusedScreen refusal={refusal} />;
  return (
    <div className="counter" data-ready={ready ? 'true' : 'false'} data-phase={phase}>
      <Header />
      <ConnectionBanner status={status} detail="counter.offlineDetail" />
      <AlertBanner />
      <NoticeBar />
      <CurrentScreen />
      <Dialogs />
    </div>
  );
}
