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

/** The saved hub and role, whether a token is kept, and why a saved setup was refused. */
function showSaved(state: SetupState, hub: HTMLInputElement) {
  hub.value = state.hubUrl ?? '';
  renderRoles(byId('roles', HTMLElement), state.role);
  say(
    byId('token-hint', HTMLElement),
    state.hasToken ? 'station.setup.tokenKept' : 'station.setup.tokenHint',
  );
  byId('problem', HTMLElement).hidden = state.problem === null;
  byId('back', HTMLButtonElement).hidden = state.role === null;
}

/** The form's fields and what it says, with the one thing it remembers between presses. */
function setupForm() {
  const save = byId('save', HTMLButtonElement);
  const error = byId('error', HTMLElement);
  // After "no hub answered", the next press saves without checking again.
  let saveAnyway = false;
  return {
    form: byId('form', HTMLFormElement),
    hub: byId('hub', HTMLInputElement),
    token: byId('token', HTMLInputElement),
    save,
    get saveAnyway() {
      return saveAnyway;
    },
    setSaveAnyway(on: boolean) {
      saveAnyway = on;
      say(save, on ? 'station.setup.saveAnyway' : 'station.setup.save');
    },
    showError(key: StationMessageKey | null, params?: Record<string, string>) {
      error.hidden = key === null;
      if (key !== null) say(error, key, params);
    },
  };
}
type SetupForm = ReturnType<typeof setupForm>;

/** The mDNS search: each hub heard becomes a button that fills in its address. */
function wireSearch(api: LocalPageApi, pick: (url: string) => void) {
  const search = byId('search', HTMLButtonElement);
  const searchStatus = byId('search-status', HTMLElement);
  const found = byId('found', HTMLUListElement);
  search.addEventListener('click', async () => {
    search.disabled = true;
    found.replaceChildren();
    say(searchStatus, 'station.setup.searching');
    const hubs = await api.discover().catch(() => []);
    say(searchStatus, hubs.length === 0 ? 'station.setup.noneFound' : 'station.setup.found');
    for (const { name, url } of hubs) {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = `${name} — ${url}`;
      button.addEventListener('click', () => pick(url));
      item.append(button);
      found.append(item);
    }
    search.disabled = false;
  });
}

/** Asks whether the hub answers; false, with the reason shown, when the setup should not be saved yet. */
async function hubAnswers(api: LocalPageApi, page: SetupForm): Promise<boolean> {
  say(page.save, 'station.setup.checking');
  const check = await api.check(page.hub.value);
  if (check.ok) return true;
  if (check.error === 'bad-address') {
    page.showError('station.error.badAddress');
  } else {
    page.showError('station.error.unreachable', { url: check.hubUrl });
    page.setSaveAnyway(true);
  }
  return false;
}

/** Checks the hub (unless told to save anyway), then saves; the main process opens the role's page. */
async function submit(api: LocalPageApi, page: SetupForm) {
  const role = new FormData(page.form).get('role');
  if (typeof role !== 'string') return page.showError('station.error.chooseRole');
  page.showError(null);
  page.save.disabled = true;
  try {
    if (!page.saveAnyway && !(await hubAnswers(api, page))) return;
    const result = await api.save({ hubAddress: page.hub.value, role, token: page.token.value });
    if (result.ok) return;
    if (result.error === 'save-failed')
      page.showError('station.error.saveFailed', { detail: result.detail });
    else
      page.showError(
        result.error === 'bad-role' ? 'station.error.chooseRole' : 'station.error.badAddress',
      );
  } catch (failure) {
    page.showError('station.error.saveFailed', { detail: String(failure) });
  } finally {
    page.save.disabled = false;
    if (!page.saveAnyway) say(page.save, 'station.setup.save');
  }
}

function startSetup(api: LocalPageApi, state: SetupState) {
  const page = setupForm();
  showSaved(state, page.hub);
  page.form.addEventListener('input', () => page.setSaveAnyway(false));
  wireSearch(api, (url) => {
    page.hub.value = url;
    page.setSaveAnyway(false);
  });
  page.form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit(api, page);
  });
  byId('back', HTMLButtonElement).addEventListener('click', () => void api.back());
  byId('quit', HTMLButtonElement).addEventListener('click', () => void api.quit());
}

async function start() {
  fillTexts();
  const api = getLocalApi();
  if (api === null) return;
  startSetup(api, await api.setupState());
}

void start();
