/**
 * The hub's token for central, sealed at rest. The hub must present the
 * token, so it cannot keep only a hash (central keeps that); it keeps it
 * encrypted instead (AES-256-GCM), with a key that is never in the database:
 * 32 random bytes in `central-link.key` beside the database file, mode 0600.
 * Backups copy the database file alone, so neither a copy of the database nor
 * a backup carries a usable credential. A database restored where that key
 * is not (another machine) cannot open its token: the centre enrols again.
 *
 * A stored value says what it is: `sealed:v1:<iv>:<tag>:<ciphertext>`, each
 * part base64. An in-memory database (tests) has its key in memory, for the
 * life of the process.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from '../db/open.js';

export const KEY_FILE_NAME = 'central-link.key';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const PREFIX = 'sealed:v1:';
const CIPHER = 'aes-256-gcm';

/** Whether a stored token was written sealed (an earlier hub wrote it plain). */
export const isSealed = (stored: string) => stored.startsWith('sealed:');

/** The key file of a database on disk; null for an in-memory one. */
export const keyFileOf = (db: Db): string | null =>
  db.memory ? null : join(dirname(db.name), KEY_FILE_NAME);

let memoryKey: Buffer | undefined;

/**
 * The key, or null when there is none this hub can use: missing, unreadable (another
 * user's after a restore), truncated or foreign. It opens nothing then, and the link says
 * to enrol again rather than failing at every try; enrolling again writes a new one.
 */
function readKey(file: string): Buffer | null {
  try {
    const key = readFileSync(file);
    return key.length === KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

/** A new key, written so that only the hub's user can read it. */
function writeKey(file: string): Buffer {
  const key = randomBytes(KEY_BYTES);
  writeFileSync(file, key, { mode: 0o600 });
  chmodSync(file, 0o600); // a file that was there (a bad one) keeps its mode through a write
  return key;
}

export interface TokenSeal {
  /**
   * Loads the key, making it if there is none (or none that can be used), and returns the
   * sealer. Asked before the enrolment code is spent, so a key that cannot be written
   * fails while the code still works.
   */
  sealer(): (token: string) => string;
  /** The token, or null when this machine's key cannot open it (missing, other, or damaged). */
  open(stored: string): string | null;
}

export function tokenSeal(db: Db): TokenSeal {
  const file = keyFileOf(db);
  let key: Buffer | null = null;
  // Read once found; a missing key is looked for again, since `central enrol` may write it.
  const loaded = () => (key ??= file === null ? (memoryKey ?? null) : readKey(file));
  return {
    sealer() {
      const found = loaded();
      const usable =
        found ?? (file === null ? (memoryKey = randomBytes(KEY_BYTES)) : writeKey(file));
      key = usable;
      return (token) => {
        const iv = randomBytes(IV_BYTES);
        const cipher = createCipheriv(CIPHER, usable, iv);
        const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
        const parts = [iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64'));
        return PREFIX + parts.join(':');
      };
    },
    open(stored) {
      const found = loaded();
      if (found === null || !stored.startsWith(PREFIX)) return null;
      const [iv, tag, sealed, extra] = stored
        .slice(PREFIX.length)
        .split(':')
        .map((p) => Buffer.from(p, 'base64'));
      if (!iv || !tag || !sealed || extra) return null;
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return null;
      try {
        const decipher = createDecipheriv(CIPHER, found, iv, { authTagLength: TAG_BYTES });
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
      } catch {
        return null; // another key, or a damaged value: GCM's tag does not match
      }
    },
  };
}
