/**
 * The link's token as the link uses it: sealed when stored (token-seal.ts), opened
 * only to be sent. A row an earlier hub wrote plain is sealed in place when the link
 * starts; a token this machine cannot open is warned about once, not at every try.
 */
import type { Logger } from 'pino';
import type { Db } from '../db/open.js';
import { isSealed, keyFileOf, tokenSeal, type TokenSeal } from './token-seal.js';

/**
 * Seals the token an earlier hub stored plain, in place. `secure_delete` zeroes the space
 * the plain value leaves, and the checkpoint empties the write-ahead log, so the file no
 * longer holds it.
 */
function sealPlainToken(db: Db, log: Logger, seal: TokenSeal) {
  const row = db.prepare<[], { token: string }>('SELECT token FROM central_link').get();
  if (!row || isSealed(row.token)) return;
  const before = db.pragma('secure_delete', { simple: true });
  db.pragma('secure_delete = ON');
  try {
    db.prepare<[string, string]>('UPDATE central_link SET token = ? WHERE token = ?').run(
      seal.sealer()(row.token),
      row.token,
    );
  } finally {
    db.pragma(`secure_delete = ${before === 2 ? 'FAST' : before ? 'ON' : 'OFF'}`);
  }
  if (!db.memory) db.pragma('wal_checkpoint(TRUNCATE)');
  log.info('central link: the token stored plain by an earlier version is now sealed');
}

export function linkToken(db: Db, log: Logger) {
  const seal = tokenSeal(db);
  let warned = false;
  sealPlainToken(db, log, seal);
  return {
    /** The sealer for a new token; the key is made here if there is none. */
    sealer() {
      const sealer = seal.sealer();
      return (token: string) => {
        warned = false; // a new token: if it too cannot be opened, say so again
        return sealer(token);
      };
    },
    /** The token to send, or null (warned once) when this machine cannot open it. */
    open(stored: string): string | null {
      const token = seal.open(stored);
      if (token === null && !warned) {
        warned = true;
        log.warn(
          { keyFile: keyFileOf(db) },
          'central link: the stored token cannot be opened with this machine’s key (the ' +
            'key file is missing, unreadable or another one, e.g. the database was restored ' +
            'onto another machine). Nothing is sent to central until the centre enrols again ' +
            'with a new code.',
        );
      }
      return token;
    },
  };
}

export type LinkToken = ReturnType<typeof linkToken>;
