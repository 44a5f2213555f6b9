import '../../shared/ui/base.css';
import { loadFontsOrLog, renderRoot } from '../../shared/ui/mount.js';
import { routeFor } from './route.js';

const route = routeFor(window.location.pathname);
// The hall and the phone page show themselves once the fonts are ready or have failed.
const fonts = loadFontsOrLog().then(() => undefined);

// Each page loads only its own code: a phone on slow Wi-Fi does not fetch the hall display.
async function start() {
  const page =
    route.page === 'phone'
      ? await import('./phone/start.js').then((m) => m.startPhone(route.code, fonts))
      : await import('./hall/start.js').then((m) => m.startHall(fonts));
  renderRoot(page);
}
void start();
