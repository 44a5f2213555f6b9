/**
 * A hub for the console's browser test: started on an empty data directory
 * without --demo, so it is in setup (the wizard's REST route and the built
 * apps, no Socket.IO) until the first manager exists; then the hub serves on
 * the same port, as hub/src/main.ts does. The hub after setup lets this
 * machine's pages claim their role (the kiosk page has no paired token in a
 * test); the data it serves is only what the wizard and the console made.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createHub, runSetupMode } from '../../hub/src/app.js';
import { openDatabase, type Db } from '../../hub/src/db/open.js';
import { tempDir, type Client, type TestHub } from '../harness.js';
import { WEB_ROOT } from './browser.js';

export interface SetupHub {
  url: string;
  code(): string;
  db: Db;
  hub: Promise<TestHub>;
  /** Ends setup without a centre (when a test failed before the wizard finished). */
  stop(): void;
}

export async function startSetupForBrowser(): Promise<SetupHub> {
  const dataDir = tempDir();
  const db = openDatabase(join(dataDir, 'khiu.sqlite'));
  const addresses: string[] = [];
  let listening: (url: string) => void = () => {};
  const url = new Promise<string>((resolve) => (listening = resolve));
  const onAddress = (address: string) => {
    addresses.push(address);
    listening(new URL(address).origin);
  };
  const stopper = new AbortController();
  const port = runSetupMode(
    { db, webRoot: WEB_ROOT, onAddress, signal: stopper.signal },
    0,
    '127.0.0.1',
  );
  const hub = port.then(async (used): Promise<TestHub> => {
    const h = createHub({ db, demo: true, webRoot: WEB_ROOT });
    const hubUrl = await h.listen(used, '127.0.0.1');
    const clients: Client[] = [];
    return {
      hub: h,
      db,
      url: hubUrl,
      dataDir,
      clients,
      async close() {
        for (const c of clients) c.disconnect();
        await h.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  });
  // Stopped before setup finished, there is no hub: that is not a failure of its own.
  hub.catch(() => {});
  return {
    url: await url,
    code: () => new URL(addresses.at(-1) ?? 'http://x/').searchParams.get('code') ?? '',
    db,
    hub,
    stop: () => stopper.abort(),
  };
}
