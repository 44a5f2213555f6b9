/**
 * Read-only API tokens for the ministry: a manager makes one in the console,
 * sees it once, and can revoke it. The hub keeps only its hash. A token opens
 * `GET /api/v1/reports/days` and nothing else (reports-route.ts). Making and
 * revoking are audited edits, the revoke on the row's version; neither is
 * configuration any app shows, so neither announces `config-changed`.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/open.js';
import type { Clock } from '../clock.js';
import type { Audit } from '../config/audit.js';
import { notFound } from '../hub-error.js';
import type { MinistryTokenView } from '../../../shared/protocol.js';

/** Says what it is where it shows up (a log, a config file), and cannot be a session token. */
export const MINISTRY_TOKEN_PREFIX = 'khiu_m_';
const TOKEN_BYTES = 32;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

interface TokenRow {
  id: number;
  name: string;
  scope: 'ministry';
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
  version: number;
}

const view = (r: TokenRow): MinistryTokenView => ({
  id: r.id,
  name: r.name,
  scope: r.scope,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
  version: r.version,
});

const COLUMNS = 'id, name, scope, created_at, last_used_at, revoked_at, version';

export function createMinistryTokens(db: Db, clock: Clock, audit: Audit) {
  const list = db.prepare<[], TokenRow>(`SELECT ${COLUMNS} FROM api_tokens ORDER BY id`);
  const byId = db.prepare<[number], TokenRow>(`SELECT ${COLUMNS} FROM api_tokens WHERE id = ?`);
  const insert = db.prepare<[string, string, number, number]>(
    `INSERT INTO api_tokens (name, scope, token_hash, created_at, created_by)
     VALUES (?, 'ministry', ?, ?, ?)`,
  );
  const revoke = db.prepare<[number, number]>(
    'UPDATE api_tokens SET revoked_at = ?, version = version + 1 WHERE id = ?',
  );
  const live = db.prepare<[string], { id: number }>(
    'SELECT id FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL',
  );
  const used = db.prepare<[number, number]>('UPDATE api_tokens SET last_used_at = ? WHERE id = ?');

  return {
    list: () => list.all().map(view),
    create(staffId: number, name: string): { token: string; view: MinistryTokenView } {
      const token = `${MINISTRY_TOKEN_PREFIX}${randomBytes(TOKEN_BYTES).toString('base64url')}`;
      return db.transaction(() => {
        const id = Number(insert.run(name, hash(token), clock.now(), staffId).lastInsertRowid);
        const row = byId.get(id);
        if (!row) throw new Error('a token just written is missing');
        audit.record({
          staffId,
          entity: 'api-token',
          entityId: String(id),
          action: 'create',
          before: null,
          after: { name, scope: 'ministry' },
        });
        return { token, view: view(row) };
      })();
    },
    revoke(staffId: number, tokenId: number, version: number): MinistryTokenView {
      return db.transaction(() => {
        const row = byId.get(tokenId);
        if (!row) throw notFound('That token');
        audit.checkVersion('api-token', String(tokenId), row.version, version);
        if (row.revoked_at !== null) return view(row);
        revoke.run(clock.now(), tokenId);
        audit.record({
          staffId,
          entity: 'api-token',
          entityId: String(tokenId),
          action: 'update',
          before: { revoked: false },
          after: { revoked: true },
        });
        return view(byId.get(tokenId) ?? row);
      })();
    },
    /** The token's id when it is live (and notes its use), null otherwise. */
    check(token: string): number | null {
      if (!token.startsWith(MINISTRY_TOKEN_PREFIX)) return null;
      const row = live.get(hash(token));
      if (!row) return null;
      used.run(clock.now(), row.id);
      return row.id;
    },
  };
}

export type MinistryTokens = ReturnType<typeof createMinistryTokens>;
