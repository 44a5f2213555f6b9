/**
 * Keys that would take a locked station (kiosk, display, feedback) out of
 * its app, and the technician's chord that opens setup. Window-manager keys
 * (Alt+Tab, the Windows key, Ctrl+Alt+Del, Ctrl+Alt+F1…F7 on Linux) never
 * reach the app: the kiosk user's session handles those (docs/hardware.md).
 */

/** The parts of Electron's `Input` the decision reads. */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
}

export type KeyVerdict = 'pass' | 'block' | 'open-setup';

/** Ctrl+Alt+Shift+S: nobody presses it by chance, and a touch screen cannot. */
const isSetupChord = (input: KeyInput, key: string) =>
  input.control && input.alt && input.shift && key === 's';

const ZOOM_KEYS = new Set(['+', '-', '=', '0']);
const DEV_TOOLS_KEYS = new Set(['i', 'j', 'c']);

function leavesApp(input: KeyInput, key: string): boolean {
  const command = input.control || input.meta;
  if (key === 'f11' || key === 'f12') return true; // fullscreen toggle, dev tools
  if (input.alt && key === 'f4') return true; // close window (Windows)
  if (input.alt && (key === 'arrowleft' || key === 'arrowright')) return true; // history
  if (key === 'browserback' || key === 'browserforward') return true;
  if (command && input.shift && DEV_TOOLS_KEYS.has(key)) return true;
  // close, quit, new window/tab, open, save, print, zoom
  return command && (['w', 'q', 'n', 't', 'o', 's', 'p'].includes(key) || ZOOM_KEYS.has(key));
}

export function judgeKey(input: KeyInput, locked: boolean): KeyVerdict {
  const key = input.key.toLowerCase();
  if (input.type === 'keyDown' && isSetupChord(input, key)) return 'open-setup';
  return locked && leavesApp(input, key) ? 'block' : 'pass';
}
