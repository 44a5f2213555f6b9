/**
 * The hall display's link to the hub and its loudspeaker. Every state the
 * hub sends (snapshot on connect or resync, or an event folded in by
 * hub-connection.ts) goes to the store and past the announcer, which reads
 * out each call once (shared/voice/announcer.ts says which).
 */
import { getBridge } from '../../../shared/station-bridge.js';
import { connectToHub } from '../../../shared/ui/hub-connection.js';
import { callKey, createAnnouncer } from '../../../shared/voice/announcer.js';
import type { Snapshot } from '../../../shared/protocol.js';
import { createWebAudioSound } from '../voice/web-audio-output.js';
import type { HallSettings } from './settings.js';
import { shownOnThisDisplay } from './shown.js';
import { useHallStore } from './store.js';

let started = false;

export async function startHallConnection(settings: HallSettings): Promise<void> {
  if (started) return;
  started = true;
  const sound = createWebAudioSound(import.meta.env.BASE_URL);
  const announcer = createAnnouncer(sound.output);
  useHallStore.setState({ soundBlocked: sound.isBlocked() });
  sound.onBlockedChange((soundBlocked) => useHallStore.setState({ soundBlocked }));
  unlockOnTap(sound.unlock);

  function onSnapshot(full: Snapshot) {
    sound.useRecorded(full.centre.voiceClips);
    const snapshot = shownOnThisDisplay(full);
    const announced = announcer.consider(snapshot.recentCalls);
    const newest = snapshot.recentCalls[0];
    const isNew = newest !== undefined && announced.some((c) => callKey(c) === callKey(newest));
    useHallStore.setState(isNew ? { snapshot, freshCall: callKey(newest) } : { snapshot });
  }

  const bridge = getBridge();
  const token = (await bridge.deviceToken().catch(() => null)) ?? settings.token;
  connectToHub({
    role: 'display',
    token,
    onSnapshot,
    onStatus: (status, refusal) => useHallStore.setState({ status, refusal }),
  });
  const unsubscribe = useHallStore.subscribe((s) => {
    if (!s.fontsReady || s.snapshot === null) return;
    unsubscribe();
    void bridge.appReady().catch(() => {});
  });
}

/** Any touch or key on the display may start the sound the browser held back. */
function unlockOnTap(unlock: () => Promise<void>) {
  for (const type of ['pointerdown', 'keydown'] as const) {
    window.addEventListener(type, () => void unlock(), { capture: true });
  }
}
