/**
 * The setup screen: which hub (typed, or picked from an mDNS search) and
 * which role. The main process validates, checks the hub, saves and then
 * loads the role's page; this page only collects and reports.
 */
import { STATION_ROLES, type StationRole } from '../shared/station-bridge.js';
import { getLocalApi, type LocalPageApi, type SetupState } from './ipc.js';
import { bilingual, byId, fillTexts, say } from './local-page.dom.js';
import type { StationMessageKey } from './setup-strings.js';

const ROLE_TEXT = {
  kiosk: 'station.role.kiosk',
  counter: 'station.role.counter',
  display: 'station.role.display',
  feedback: 'station.role.feedback',
} as const satisfies Record<StationRole, StationMessageKey>;

function renderRoles(container: HTMLElement, selected: StationRole | null) {
  for (const role of STATION_ROLES) {
    const label = document.createElement('label');
    label.className = 'choice';
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'role';
    input.value = role;
    input.checked = role === selected;
    label.append(input, bilingual(ROLE_TEXT[role]));
    container.append(label);
  }
}

function startSetup(api: LocalPageApi, state: SetupState) {
  const form = byId('form', HTMLFormElement);
  const hub = byId('hub', HTMLInputElement);
  const token = byId('token', HTMLInputElement);
  const error = byId('error', HTMLElement);
  const save = byId('save', HTMLButtonElement);
  const search = byId('search', HTMLButtonElement);
  const searchStatus = byId('search-status', HTMLElement);
  const found = byId('found', HTMLUListElement);
  const back = byId('back', HTMLButtonElement);

  hub.value = state.hubUrl ?? '';
  renderRoles(byId('roles', HTMLElement), state.role);
  say(
    byId('token-hint', HTMLElement),
    state.hasToken ? 'station.setup.tokenKept' : 'station.setup.tokenHint',
  );
  byId('problem', HTMLElement).hidden = state.problem === null;
  back.hidden = state.role === null;

  // After "no hub answered", the next press saves without checking again.
  let saveAnyway = false;
  const setSaveAnyway = (on: boolean) => {
    saveAnyway = on;
    say(save, on ? 'station.setup.saveAnyway' : 'station.setup.save');
  };
  const showError = (key: StationMessageKey | null, params?: Record<string, string>) => {
    error.hidden = key === null;
    if (key !== null) say(error, key, params);
  };
  form.addEventListener('input', () => setSaveAnyway(false));

  search.addEventListener('click', async () => {
    search.disabled = true;
    found.replaceChildren();
    say(searchStatus, 'station.setup.searching');
    const hubs = await api.discover().catch(() => []);
    say(searchStatus, hubs.length === 0 ? 'station.setup.noneFound' : 'station.setup.found');
    for (const { name, url } of hubs) {
      const item = document.createElement('li');
      const pick = document.createElement('button');
      pick.type = 'button';
      pick.textContent = `${name} — ${url}`;
      pick.addEventListener('click', () => {
        hub.value = url;
        setSaveAnyway(false);
      });
      item.append(pick);
      found.append(item);
    }
    search.disabled = false;
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const role = new FormData(form).get('role');
    if (typeof role !== 'string') return showError('station.error.chooseRole');
    showError(null);
    save.disabled = true;
    try {
      if (!saveAnyway) {
        say(save, 'station.setup.checking');
        const check = await api.check(hub.value);
        if (!check.ok && check.error === 'bad-address')
          return showError('station.error.badAddress');
        if (!check.ok) {
          showError('station.error.unreachable', { url: check.hubUrl });
          return setSaveAnyway(true);
        }
      }
      const result = await api.save({ hubAddress: hub.value, role, token: token.value });
      if (result.ok) return;
      if (result.error === 'save-failed')
        showError('station.error.saveFailed', { detail: result.detail });
      else
        showError(
          result.error === 'bad-role' ? 'station.error.chooseRole' : 'station.error.badAddress',
        );
    } catch (failure) {
      showError('station.error.saveFailed', { detail: String(failure) });
    } finally {
      save.disabled = false;
      if (!saveAnyway) say(save, 'station.setup.save');
    }
  });

  back.addEventListener('click', () => void api.back());
  byId('quit', HTMLButtonElement).addEventListener('click', () => void api.quit());
}

async function start() {
  fillTexts();
  const api = getLocalApi();
  if (api === null) return;
  startSetup(api, await api.setupState());
}

void start();
