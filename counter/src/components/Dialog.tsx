import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { t } from '../../../shared/i18n/index.js';
import type { Lang } from '../../../shared/protocol.js';

/**
 * A modal built on <dialog>: the page behind it is inert, Escape goes back,
 * focus starts on the element marked `data-autofocus` and returns to where it
 * was when the dialog closes.
 */
export function Dialog({
  labelledBy,
  onCancel,
  onKeyDown,
  children,
}: {
  labelledBy: string;
  onCancel: () => void;
  onKeyDown?: (e: KeyboardEvent<HTMLDialogElement>) => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      dialog.close();
      previous?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={labelledBy}
      onCancel={(e) => {
        e.preventDefault(); // we close it, so React's state and the element agree
        onCancel();
      }}
      onKeyDown={onKeyDown}
    >
      {children}
    </dialog>
  );
}

export function DialogButtons({ children }: { children: ReactNode }) {
  return <div className="dialog__buttons">{children}</div>;
}

/** Every dialog's way back without doing anything; Escape does the same. */
export function DialogBackButton({ lang, onClick }: { lang: Lang; onClick: () => void }) {
  return (
    <button type="button" className="action action--quiet" onClick={onClick}>
      <span className="action__label">{t(lang, 'counter.dialog.back')}</span>
      <kbd className="action__key">Esc</kbd>
    </button>
  );
}
