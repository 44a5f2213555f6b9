/**
 * The local page a station shows while the hub cannot be reached. The main
 * process does the retrying; this page only says so, counts down and offers
 * "Try now". It has no way to setup: citizens stand in front of it.
 */
import { getLocalApi, type LocalPageApi } from './ipc.js';
import { byId, fillTexts, say } from './local-page.dom.js';

const POLL_MS = 1_000;

function watch(api: LocalPageApi) {
  const status = byId('status', HTMLElement);
  const refresh = async () => {
    const now = await api.offlineStatus();
    if (now.state === 'waiting') {
      const seconds = Math.max(1, Math.ceil((now.nextAttemptAt - Date.now()) / 1000));
      say(status, 'station.offline.retryIn', { seconds });
    } else {
      say(status, 'station.offline.trying');
    }
  };
  byId('retry', HTMLButtonElement).addEventListener('click', () => {
    void api.retryNow().then(refresh);
  });
  void refresh();
  setInterval(() => void refresh().catch(() => {}), POLL_MS);
}

fillTexts();
const api = getLocalApi();
if (api !== null) watch(api);
