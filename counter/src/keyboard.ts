/**
 * The desk's keyboard: one listener for the whole page. Keys never act while
 * the clerk types (PIN, reason), while a dialog is open (it has its own keys)
 * or when held down (a repeat is not a second decision).
 */
import { useEffect } from 'react';

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** Calls `onKey` with KeyboardEvent.code for plain key presses; it returns true when it acted. */
export function usePageKeys(onKey: (code: string) => boolean, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const listener = (e: KeyboardEvent) => {
      if (e.repeat || e.ctrlKey || e.altKey || e.metaKey || isTyping(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      if (onKey(e.code)) e.preventDefault();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [onKey, enabled]);
}
