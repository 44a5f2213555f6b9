/**
 * The two things a display may need from a person: nothing while it
 * reconnects by itself (a small mark, so staff know the screen is not live),
 * and one tap where the browser keeps sound off until someone touches it.
 */
import { useHallStore } from '../store.js';
import { Both } from './Both.js';

export function ReconnectingMark() {
  const offline = useHallStore((s) => s.status === 'offline' || s.status === 'refused');
  if (!offline) return null;
  return (
    <div className="reconnecting" role="status" data-testid="reconnecting">
      <span className="reconnecting__dot" aria-hidden="true" />
      <Both k="display.reconnecting" />
    </div>
  );
}

export function SoundPrompt() {
  const blocked = useHallStore((s) => s.soundBlocked);
  if (!blocked) return null;
  // The tap itself starts the sound (connection.ts listens on the whole window).
  return (
    <button type="button" className="sound-prompt" data-testid="sound-prompt">
      <Both k="display.enableSound" />
    </button>
  );
}
