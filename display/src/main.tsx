import '../../shared/ui/base.css';
import { loadFontsOrLog, renderRoot } from '../../shared/ui/mount.js';
import { routeFor } from './route.js';

const route = routeFor(window.location.pathname);
// The hall, the phone page and the booking pages show themselves once the fonts are ready or have failed.
const fonts = loadFontsOrLog().then(() => undefined);

// Each page loads only its own code: a phone on slow Wi-Fi does not fetch the hall display.
async function start() {
  let page;
  if (route.page === 'phone') {
    page = await import('./phone/start.js').then((m) => m.startPhone(route.code, fonts));
  } else if (route.page === 'book') {
    page = await import('./book/start.js').then((m) => m.startBook(fonts));
  } else if (route.page === 'booking') {
    const { code } = route;
    page = await import('./book/start.js').then((m) => m.startBooking(code, fonts));
  } else {
    page = await import('./hall/start.js').then((m) => m.startHall(fonts));
  }
  renderRoot(page);
}
void start();
