/**
 * The waiting room's TV: the newest call large (left), the calls before it,
 * what each counter is doing, the services with their queues and fees, the
 * centre's notices, and the clock. One layout for 1920×1080 and 1280×720:
 * every size is in rem and the root size follows the screen (hall.css).
 */
import { useEffect } from 'react';
import { CounterBoard } from './components/CounterBoard.js';
import { HallHeader } from './components/HallHeader.js';
import { LastCalls } from './components/LastCalls.js';
import { NoticeBoard } from './components/NoticeBoard.js';
import { NowCalling } from './components/NowCalling.js';
import { ServiceTable } from './components/ServiceTable.js';
import { ReconnectingMark, SoundPrompt } from './components/StatusMarks.js';
import type { HallSettings } from './settings.js';
import { useHallStore } from './store.js';
import { Both } from './components/Both.js';
import { RefusedScreen } from '../../../shared/ui/RefusedScreen.js';

export function HallDisplay({ settings }: { settings: HallSettings }) {
  const ready = useHallStore((s) => s.fontsReady && s.snapshot !== null);
  const status = useHallStore((s) => s.status);
  const refusal = useHallStore((s) => s.refusal);
  useEffect(() => {
    document.documentElement.classList.add('hall-root');
  }, []);
  if (status === 'refused') return <RefusedScreen refusal={refusal} token={settings.token} />;
  if (!ready) {
    return (
      <div className="hall hall--loading" data-ready="false">
        <Both k="display.loading" />
        <ReconnectingMark />
      </div>
    );
  }
  return (
    <div className="hall" data-ready="true">
      <HallHeader />
      <main className="hall__main">
        <div className="hall__calls">
          <NowCalling />
          <LastCalls />
        </div>
        <div className="hall__side">
          <CounterBoard pageMs={settings.pageMs} />
          <ServiceTable pageMs={settings.pageMs} />
        </div>
      </main>
      <NoticeBoard noticeMs={settings.noticeMs} />
      <ReconnectingMark />
      <SoundPrompt />
    </div>
  );
}
