/**
 * The console: the setup wizard on a new hub, then login (a temporary PIN
 * changed first), then the centre's configuration, one section at a time.
 */
import { useEffect } from 'react';
import { missingCaseError } from '../../shared/assert.js';
import { t } from '../../shared/i18n/index.js';
import { ConnectionBanner } from '../../shared/ui/ConnectionBanner.js';
import { RefusedScreen } from '../../shared/ui/RefusedScreen.js';
import { ChangePinScreen } from './components/ChangePinScreen.js';
import { DiskWarning } from './components/DiskWarning.js';
import { Header } from './components/Header.js';
import { LoginScreen } from './components/LoginScreen.js';
import { NoticeBar } from './components/NoticeBar.js';
import { SectionScreen } from './components/SectionScreen.js';
import { SetupScreen } from './components/SetupScreen.js';
import { SideNav } from './components/SideNav.js';
import { TemporaryPinPanel } from './components/TemporaryPinPanel.js';
import { useDiskSpacePolling } from './disk-space.js';
import { useConsoleStore } from './store.js';

function CurrentScreen() {
  const phase = useConsoleStore((s) => s.phase);
  const lang = useConsoleStore((s) => s.lang);
  switch (phase) {
    case 'setup':
      return <SetupScreen />;
    case 'restoring':
      return (
        <main className="screen screen--centred">
          <p className="hint">{t(lang, 'console.login.restoring')}</p>
        </main>
      );
    case 'login':
      return <LoginScreen />;
    case 'change-pin':
      return <ChangePinScreen />;
    case 'app':
      return (
        <div className="console-body">
          <SideNav />
          <SectionScreen />
        </div>
      );
    default:
      throw missingCaseError(phase);
  }
}

export function App() {
  const lang = useConsoleStore((s) => s.lang);
  const status = useConsoleStore((s) => s.status);
  const phase = useConsoleStore((s) => s.phase);
  const refusal = useConsoleStore((s) => s.refusal);
  const ready = useConsoleStore((s) => s.fontsReady && (s.phase !== 'app' || s.config !== null));
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useDiskSpacePolling(phase === 'app' && status === 'online');
  // A console that is not paired (or was removed) says so; the setup wizard needs no socket.
  if (status === 'refused' && phase !== 'setup') return <RefusedScreen refusal={refusal} />;
  return (
    <div className="console" data-ready={ready ? 'true' : 'false'} data-phase={phase}>
      <Header />
      {phase === 'setup' ? null : <ConnectionBanner status={status} />}
      {phase === 'app' ? <DiskWarning /> : null}
      <NoticeBar />
      <TemporaryPinPanel />
      <CurrentScreen />
    </div>
  );
}
