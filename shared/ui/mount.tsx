/**
 * How every app page starts: the bundled fonts load (a failure is logged and
 * the page carries on in a fallback font), and React renders into the #root
 * element of index.html.
 */
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { strictAssert } from '../assert.js';
import { loadFonts } from './fonts.js';

/** Resolves true once the bundled fonts are ready, false if they could not be loaded. */
export function loadFontsOrLog(): Promise<boolean> {
  return loadFonts().then(
    () => true,
    (err: unknown) => {
      console.error('Khiu: the bundled fonts did not load', err);
      return false;
    },
  );
}

export function renderRoot(page: ReactNode): void {
  const root = document.getElementById('root');
  strictAssert(root, 'index.html has a #root element');
  createRoot(root).render(<StrictMode>{page}</StrictMode>);
}
