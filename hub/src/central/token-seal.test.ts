import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDatabase, type Db } from '../db/open.js';
import { KEY_FILE_NAME, isSealed, keyFileOf, tokenSeal } from './token-seal.js';

const TOKEN = 'khiu-central-token-0123456789abcdef';

describe('the sealed central token', () => {
  const dirs: string[] = [];
  const dbs: Db[] = [];
  afterEach(() => {
    for (const db of dbs.splice(0)) db.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  function onDisk() {
    const dir = mkdtempSync(join(tmpdir(), 'khiu-seal-'));
    dirs.push(dir);
    const db = openDatabase(join(dir, 'khiu.sqlite'));
    dbs.push(db);
    return { dir, db, keyFile: join(dir, KEY_FILE_NAME) };
  }

  it('seals with a key beside the database, readable by the hub’s user only, and opens again', () => {
    const { db, keyFile } = onDisk();
    expect(keyFileOf(db)).toBe(keyFile);
    expect(existsSync(keyFile)).toBe(false);
    const sealed = tokenSeal(db).sealer()(TOKEN);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(keyFile).size).toBe(32);
    expect(sealed).toMatch(/^sealed:v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(sealed).not.toContain(TOKEN);
    expect(isSealed(sealed)).toBe(true);
    // Another opening of the same database (the hub after a restart) reads the same key.
    expect(tokenSeal(db).open(sealed)).toBe(TOKEN);
    // A fresh IV each time: the same token never seals to the same text.
    expect(tokenSeal(db).sealer()(TOKEN)).not.toBe(sealed);
  });

  it('opens nothing without its key, and does not make one to try', () => {
    const { db, keyFile } = onDisk();
    const sealed = tokenSeal(db).sealer()(TOKEN);
    rmSync(keyFile);
    expect(tokenSeal(db).open(sealed)).toBeNull();
    expect(existsSync(keyFile)).toBe(false);
  });

  it('opens nothing with another machine’s key, and sealing again replaces a damaged key', () => {
    const { db, keyFile } = onDisk();
    const sealed = tokenSeal(db).sealer()(TOKEN);
    writeFileSync(keyFile, randomBytes(32));
    expect(tokenSeal(db).open(sealed)).toBeNull();
    writeFileSync(keyFile, 'not a key');
    const seal = tokenSeal(db);
    expect(seal.open(sealed)).toBeNull();
    const again = seal.sealer()(TOKEN);
    expect(statSync(keyFile).size).toBe(32);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(tokenSeal(db).open(again)).toBe(TOKEN);
  });

  it('opens nothing, and throws nothing, when the key file cannot be read', () => {
    const { db, keyFile } = onDisk();
    const sealed = tokenSeal(db).sealer()(TOKEN);
    rmSync(keyFile);
    mkdirSync(keyFile); // unreadable as a key whoever runs the test, root too
    expect(tokenSeal(db).open(sealed)).toBeNull();
  });

  it('opens nothing from a damaged or unknown value', () => {
    const { db } = onDisk();
    const seal = tokenSeal(db);
    const sealed = seal.sealer()(TOKEN);
    const [iv, tag, body] = sealed.slice('sealed:v1:'.length).split(':');
    const flipped = Buffer.from(body ?? '', 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    for (const bad of [
      `sealed:v1:${iv}:${tag}:${flipped.toString('base64')}`,
      `sealed:v1:${iv}:${tag}`,
      `sealed:v1:${iv}:${tag}:${body}:extra`,
      `sealed:v1:AAAA:${tag}:${body}`,
      `sealed:v2:${iv}:${tag}:${body}`,
      'sealed:v1:',
      TOKEN,
      '',
    ])
      expect(seal.open(bad), bad).toBeNull();
    expect(seal.open(sealed)).toBe(TOKEN);
  });

  it('keeps an in-memory database’s key in memory, for the process', () => {
    const db = openDatabase(':memory:');
    dbs.push(db);
    expect(keyFileOf(db)).toBeNull();
    const sealed = tokenSeal(db).sealer()(TOKEN);
    expect(tokenSeal(db).open(sealed)).toBe(TOKEN);
    const other = openDatabase(':memory:');
    dbs.push(other);
    expect(tokenSeal(other).open(sealed)).toBe(TOKEN);
  });
});
