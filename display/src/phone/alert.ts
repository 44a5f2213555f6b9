/**
 * "It is your turn", felt and heard where the phone allows: a vibration
 * pattern, and a short two-tone beep through Web Audio. Browsers allow sound
 * only after the page has been touched, so the audio context is made (or
 * resumed) on the first touch, and a beep that is not allowed is skipped.
 */
const VIBRATION_PATTERN_MS = [400, 150, 400, 150, 600];
const BEEP_TONES_HZ = [880, 660, 880] as const;
const BEEP_TONE_S = 0.22;
const BEEP_GAIN = 0.3;

let context: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (context) return context;
  try {
    context = new AudioContext();
  } catch {
    return null; // no Web Audio on this phone
  }
  return context;
}

/** Call once at start: the first touch on the page unlocks sound for later. */
export function prepareAlertSound() {
  const unlock = () =>
    void audioContext()
      ?.resume()
      .catch(() => {});
  window.addEventListener('pointerdown', unlock, { capture: true });
  window.addEventListener('keydown', unlock, { capture: true });
}

function beep(ctx: AudioContext) {
  let at = ctx.currentTime + 0.02;
  for (const hz of BEEP_TONES_HZ) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = hz;
    gain.gain.setValueAtTime(BEEP_GAIN, at);
    gain.gain.exponentialRampToValueAtTime(0.001, at + BEEP_TONE_S);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + BEEP_TONE_S);
    at += BEEP_TONE_S + 0.05;
  }
}

export function alertCalled() {
  try {
    navigator.vibrate?.(VIBRATION_PATTERN_MS);
  } catch {
    // Some browsers throw instead of refusing quietly; the screen still says it.
  }
  const ctx = audioContext();
  if (!ctx) return;
  if (ctx.state === 'running') beep(ctx);
  else
    void ctx.resume().then(
      () => ctx.state === 'running' && beep(ctx),
      () => {},
    );
}
