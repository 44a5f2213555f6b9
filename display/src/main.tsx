import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../shared/ui/base.css';
import { strictAssert } from '../../shared/assert.js';
import { loadFonts } from '../../shared/ui/fonts.js';
import { routeFor } from './route.js';

const route = routeFor(window.location.pathname);
const fonts = loadFonts().catch((err: unknown) => {
  console.error('Khiu: the bundled fonts did not load', err);
});

const root = document.getElementById('root');
strictAssert(root, 'index.html has a #root element');

// Each page loads only its own code: a phone on slow Wi-Fi does not fetch the hall display.
async function start(container: HTMLElement) {
  const page =
    route.page === 'phone'
      ? await import('./phone/start.js').then((m) => m.startPhone(route.code, fonts))
      : await import('./hall/start.js').then((m) => m.startHall(fonts));
  createRoot(container).render(<StrictMode>{page}</StrictMode>);
}
void start(root);
