import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  configPath,
  parseHubAddress,
  readConfig,
  writeConfig,
  type StationConfig,
  StationConfigSchema,
} from './config.js';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'khiu-station-'));
  file = configPath(dir);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const good: StationConfig = { hubUrl: 'http://192.168.1.10:8470', role: 'kiosk', token: 'abc123' };

describe('readConfig', () => {
  it('reads a good file', async () => {
    await writeFile(file, JSON.stringify(good));
    expect(await readConfig(file)).toEqual({ config: good, problem: null });
  });

  it('accepts a file without a token', async () => {
    await writeFile(file, JSON.stringify({ hubUrl: 'https://hub.example:8470', role: 'display' }));
    const read = await readConfig(file);
    expect(read.config).toEqual({ hubUrl: 'https://hub.example:8470', role: 'display' });
  });

  it('normalises the hub URL to its origin', async () => {
    await writeFile(file, JSON.stringify({ ...good, hubUrl: 'HTTP://Hub.Local:8470/' }));
    expect((await readConfig(file)).config?.hubUrl).toBe('http://hub.local:8470');
  });

  it('reports a missing file as missing, without throwing', async () => {
    const read = await readConfig(file);
    expect(read.config).toBeNull();
    expect(read.problem?.reason).toBe('missing');
  });

  it('reports corrupt JSON (a write cut short by a power failure)', async () => {
    await writeFile(file, '{"hubUrl": "http://192.168.1.10:84');
    const read = await readConfig(file);
    expect(read).toMatchObject({ config: null, problem: { reason: 'corrupt' } });
  });

  it('reports an empty file as corrupt', async () => {
    await writeFile(file, '');
    expect((await readConfig(file)).problem?.reason).toBe('corrupt');
  });

  it.each([
    ['the wrong shape', [1, 2, 3], ''],
    ['null', null, ''],
    ['a missing role', { hubUrl: good.hubUrl }, 'role'],
    ['an unknown role', { ...good, role: 'console' }, 'role'],
    ['a role in the wrong case', { ...good, role: 'Kiosk' }, 'role'],
    ['a bad URL', { ...good, hubUrl: 'not a url' }, 'hubUrl'],
    ['a file: URL', { ...good, hubUrl: 'file:///etc/passwd' }, 'hubUrl'],
    ['a javascript: URL', { ...good, hubUrl: 'javascript:alert(1)' }, 'hubUrl'],
    ['a URL with a path', { ...good, hubUrl: 'http://192.168.1.10:8470/kiosk' }, 'hubUrl'],
    ['a URL with credentials', { ...good, hubUrl: 'http://me:pw@192.168.1.10:8470' }, 'hubUrl'],
    ['an empty token', { ...good, token: '' }, 'token'],
    ['a numeric token', { ...good, token: 42 }, 'token'],
  ])('refuses %s, saying which field', async (_name, value, field) => {
    await writeFile(file, JSON.stringify(value));
    const read = await readConfig(file);
    expect(read.config).toBeNull();
    expect(read.problem?.reason).toBe('invalid');
    expect(read.problem?.detail).toContain(field);
  });

  it('reports a directory in the file’s place as unreadable', async () => {
    await rm(dir, { recursive: true });
    await writeFile(dir, ''); // the userData "folder" is a file: reading below it fails with ENOTDIR
    const read = await readConfig(file);
    expect(read.problem?.reason).toBe('unreadable');
  });
});

describe('writeConfig', () => {
  it('round-trips through readConfig', async () => {
    await writeConfig(file, good);
    expect(await readConfig(file)).toEqual({ config: good, problem: null });
  });

  it('creates the folder, replaces the old file whole and leaves no temp file', async () => {
    const nested = configPath(join(dir, 'a', 'b'));
    await writeConfig(nested, good);
    await writeConfig(nested, { hubUrl: 'http://10.0.0.2:8470', role: 'counter' });
    expect(JSON.parse(await readFile(nested, 'utf8'))).toEqual({
      hubUrl: 'http://10.0.0.2:8470',
      role: 'counter',
    });
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['station.json']);
  });

  it('keeps the file private to the user (it holds a token)', async () => {
    await writeConfig(file, good);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('refuses to write an invalid config and leaves the old one', async () => {
    await writeConfig(file, good);
    const bad = { ...good, role: 'console' } as unknown as StationConfig;
    await expect(writeConfig(file, bad)).rejects.toThrow();
    expect((await readConfig(file)).config).toEqual(good);
  });
});

describe('parseHubAddress', () => {
  it.each([
    ['192.168.1.10', 'http://192.168.1.10:8470'],
    ['192.168.1.10:8470', 'http://192.168.1.10:8470'],
    ['  192.168.1.10:9000/  ', 'http://192.168.1.10:9000'],
    ['http://192.168.1.10:8470', 'http://192.168.1.10:8470'],
    ['https://hub.odsc.local', 'https://hub.odsc.local'],
    ['hub.local', 'http://hub.local:8470'],
    ['[fe80::1]:8470', 'http://[fe80::1]:8470'],
  ])('reads %j as %s', (typed, origin) => {
    expect(parseHubAddress(typed)).toBe(origin);
  });

  it.each(['', '   ', 'http://', 'ftp://hub:21', 'http://hub:8470/kiosk', 'file:///etc', 'a b c'])(
    'refuses %j',
    (typed) => {
      expect(parseHubAddress(typed)).toBeNull();
    },
  );
});

describe('the kiosk printer in the station config', () => {
  const base = { hubUrl: 'http://192.168.1.10:8470', role: 'kiosk', token: 't0k3n' };

  it('keeps a printer the station can drive itself', () => {
    for (const printer of [
      'serial:/dev/ttyUSB0?baud=115200',
      'usblp:/dev/usb/lp0',
      'tcp://10.0.0.9:9100',
    ]) {
      expect(StationConfigSchema.parse({ ...base, printer }).printer).toBe(printer);
    }
  });

  it('refuses a printer address it could not use', () => {
    for (const printer of ['station', '/dev/ttyUSB0', 'serial:/etc/passwd', 'lp0']) {
      expect(StationConfigSchema.safeParse({ ...base, printer }).success, printer).toBe(false);
    }
  });
});
