/**
 * A stand-in for the parts of the 'electron' module the station's main
 * process and preload use, for tests: `vi.mock('electron', () => import('./fake-electron.js'))`.
 * It records what the station asked for and lets a test emit Electron's events.
 * Never imported by the station itself.
 */
import { EventEmitter } from 'node:events';

export class FakeWebContents extends EventEmitter {
  url = '';
  loads: string[] = [];
  reloads = 0;
  killed = 0;
  css: string[] = [];
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;

  loadURL(url: string): Promise<void> {
    this.url = url;
    this.loads.push(url);
    return Promise.resolve();
  }
  getURL() {
    return this.url;
  }
  reload() {
    this.reloads += 1;
  }
  insertCSS(css: string) {
    this.css.push(css);
    return Promise.resolve('css-key');
  }
  forcefullyCrashRenderer() {
    this.killed += 1;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return this.destroyed;
  }
  /** Emits an event Electron passes an `Event` to first; answers whether the station prevented it. */
  emitPreventable(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export const fake = {
  lock: true,
  userData: '',
  quits: 0,
  exitCode: null as number | null,
  windows: [] as BrowserWindow[],
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: { url: string }) => unknown>(),
  awake: new Map<number, string>(),
  menu: 'default' as unknown,
  hubUp: false,
  fetched: [] as string[],
  permissionRequest: null as
    ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
};

export const app = Object.assign(new EventEmitter(), {
  requestSingleInstanceLock: () => fake.lock,
  quit: () => {
    fake.quits += 1;
  },
  exit: (code: number) => {
    fake.exitCode = code;
  },
  getPath: (_name: string) => fake.userData,
  whenReady: () => Promise.resolve(),
});

export class BrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  shown = 0;
  focused = 0;
  restored = 0;
  minimized = false;
  destroyed = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    fake.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  show() {
    this.shown += 1;
  }
  focus() {
    this.focused += 1;
  }
  restore() {
    this.restored += 1;
    this.minimized = false;
  }
  isMinimized() {
    return this.minimized;
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  /** A close request (Alt+F4, the window manager); answers whether the station refused it. */
  requestClose(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    return prevented;
  }
}

export const ipcMain = {
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) {
    fake.handlers.set(channel, handler);
  },
};

let nextBlockerId = 1;
export const powerSaveBlocker = {
  start(type: string) {
    const id = nextBlockerId++;
    fake.awake.set(id, type);
    return id;
  },
  stop(id: number) {
    fake.awake.delete(id);
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]) {
    fake.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: { url: string }) => unknown) {
    fake.protocolHandlers.set(scheme, handler);
  },
};

export const session = {
  defaultSession: Object.assign(new EventEmitter(), {
    setPermissionRequestHandler(handler: typeof fake.permissionRequest) {
      fake.permissionRequest = handler;
    },
    setPermissionCheckHandler() {},
  }),
};

export const Menu = {
  setApplicationMenu(menu: unknown) {
    fake.menu = menu;
  },
};

export const net = {
  fetch: async (url: string) => {
    fake.fetched.push(url);
    if (!fake.hubUp) throw new TypeError('net::ERR_CONNECTION_REFUSED');
    return { ok: true };
  },
};

/** The renderer half, for the preload's tests. */
export const exposed = new Map<string, Record<string, unknown>>();
export const invoked: { channel: string; args: unknown[] }[] = [];
export const contextBridge = {
  exposeInMainWorld(name: string, api: Record<string, unknown>) {
    exposed.set(name, api);
  },
};
export const ipcRenderer = {
  invoke(channel: string, ...args: unknown[]) {
    invoked.push({ channel, args });
    return Promise.resolve(`answer from ${channel}`);
  },
};

/** The window the station opened last. */
export function currentWindow(): BrowserWindow {
  const win = fake.windows.at(-1);
  if (win === undefined) throw new Error('the station opened no window');
  return win;
}

/** Calls an IPC handler as a page at `frameUrl` in the current window would. */
export async function invokeAs(frameUrl: string, channel: string, ...args: unknown[]) {
  const handler = fake.handlers.get(channel);
  if (handler === undefined) throw new Error(`no handler for ${channel}`);
  const event = { sender: currentWindow().webContents, senderFrame: { url: frameUrl } };
  return handler(event, ...args);
}

export function resetFake(userData: string) {
  Object.assign(fake, {
    lock: true,
    userData,
    quits: 0,
    exitCode: null,
    windows: [],
    menu: 'default',
    hubUp: false,
    fetched: [],
    permissionRequest: null,
  });
  fake.handlers.clear();
  fake.protocolHandlers.clear();
  fake.awake.clear();
  fake.privilegedSchemes.length = 0;
  app.removeAllListeners();
  session.defaultSession.removeAllListeners();
  exposed.clear();
  invoked.length = 0;
}
