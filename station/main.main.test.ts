import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { currentWindow, fake, resetFake } from './fake-electron.js';
import { localPageUrl } from './local-pages.js';

vi.mock('electron', () => import('./fake-electron.js'));

let userData = '';
afterEach(() => rm(userData, { recursive: true, force: true }));

it('the entry starts the station with the built layout: preload.cjs and pages/ beside main.js', async () => {
  userData = await mkdtemp(join(tmpdir(), 'khiu-entry-'));
  resetFake(userData);
  await import('./main.main.js');
  await vi.waitFor(() =>
    expect(currentWindow().webContents.loads).toEqual([localPageUrl('setup')]),
  );
  const webPreferences = currentWindow().options['webPreferences'];
  expect(webPreferences).toMatchObject({
    preload: join(import.meta.dirname, 'preload.cjs'),
    sandbox: true,
    contextIsolation: true,
  });
  expect(fake.privilegedSchemes).toHaveLength(1);
});
