/**
 * API tokens: a manager makes one in the console with a name and its scopes,
 * sees it once, and can revoke it. The hub keeps only its SHA-256 and the
 * last four characters (to tell tokens apart in the list). Making and
 * revoking are audited edits (`config_audit`, entity `api-token`); revoking
 * names the row's version, so a stale revoke is refused. Each use is noted
 * as `last_used_at`, at most once a minute, so a busy integrator does not
 * cost the hub a disk write per request.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/open.js';
import type { Clock } from '../clock.js';
import type { Audit } from '../config/audit.js';
import { hashToken } from '../devices/devices.js';
import { notFound } from '../hub-error.js';
import { strictAssert } from '../../../shared/assert.js';
import type { ApiScope, ApiTokenInput, ApiTokenView } from '../../../shared/protocol.js';

/** Says what it is where it shows up (a log, a config file), and cannot be a device token. */
export const API_TOKEN_PREFIX = 'khiu_t_';
const TOKEN_BYTES = 32;
const NOTE_USE_EVERY_MS = 60_000;

interface TokenRow {
  id: number;
  name: string;
  scopes: string;
  hint: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
  version: number;
}

/** A live token, as a request through it sees it. */
export interface TokenHolder {
  id: number;
  name: string;
  scopes: readonly ApiScope[];
}

const view = (r: TokenRow): ApiTokenView => ({
  id: r.id,
  name: r.name,
  scopes: JSON.parse(r.scopes) as ApiScope[],
  hint: r.hint,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
  version: r.version,
});

const COLUMNS = 'id, name, scopes, hint, created_at, last_used_at, revoked_at, version';

export interface ApiTokens {
  list(): ApiTokenView[];
  /** Call inside the console edit's transaction; the token is in `secret`, once. */
  create(staffId: number, input: ApiTokenInput): { token: ApiTokenView; secret: string };
  revoke(staffId: number, tokenId: number, version: number): ApiTokenView;
  /** The holder of a live token, null for an unknown or revoked one. Writes nothing. */
  check(token: string): TokenHolder | null;
  /** A request through the token was let through: note when (at most once a minute). */
  used(tokenId: number): void;
}

function statements(db: Db) {
  return {
    list: db.prepare<[], TokenRow>(`SELECT ${COLUMNS} FROM integration_tokens ORDER BY id`),
    byId: db.prepare<[number], TokenRow>(`SELECT ${COLUMNS} FROM integration_tokens WHERE id = ?`),
    insert: db.prepare<[string, string, string, string, number, number]>(
      `INSERT INTO integration_tokens (name, scopes, token_hash, hint, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    revoke: db.prepare<[number, number]>(
      'UPDATE integration_tokens SET revoked_at = ?, version = version + 1 WHERE id = ?',
    ),
    live: db.prepare<[string], TokenRow>(
      `SELECT ${COLUMNS} FROM integration_tokens WHERE token_hash = ? AND revoked_at IS NULL`,
    ),
    used: db.prepare<[number, number]>(
      'UPDATE integration_tokens SET last_used_at = ? WHERE id = ?',
    ),
  };
}

export function createApiTokens(db: Db, clock: Clock, audit: Audit): ApiTokens {
  const { list, byId, insert, revoke, live, used } = statements(db);
  const noted = new Map<number, number>();
  const found = (id: number) => {
    const row = byId.get(id);
    strictAssert(row, `token ${id} vanished inside its own transaction`);
    return view(row);
  };

  return {
    list: () => list.all().map(view),
    create(staffId, { name, scopes }) {
      const secret = `${API_TOKEN_PREFIX}${randomBytes(TOKEN_BYTES).toString('base64url')}`;
      const hint = secret.slice(-4);
      const id = Number(
        insert.run(name, JSON.stringify(scopes), hashToken(secret), hint, clock.now(), staffId)
          .lastInsertRowid,
      );
      audit.record({
        staffId,
        entity: 'api-token',
        entityId: String(id),
        action: 'create',
        before: null,
        after: { name, scopes, hint },
      });
      return { token: found(id), secret };
    },
    revoke(staffId, tokenId, version) {
      const row = byId.get(tokenId);
      if (!row) throw notFound('That API token');
      audit.checkVersion('api-token', String(tokenId), row.version, version);
      if (row.revoked_at !== null) return view(row);
      revoke.run(clock.now(), tokenId);
      audit.record({
        staffId,
        entity: 'api-token',
        entityId: String(tokenId),
        action: 'delete',
        before: { name: row.name, scopes: JSON.parse(row.scopes) as unknown },
        after: null,
      });
      noted.delete(tokenId);
      return found(tokenId);
    },
    check(token) {
      if (token.length > 200) return null;
      const row = live.get(hashToken(token));
      if (!row) return null;
      return { id: row.id, name: row.name, scopes: JSON.parse(row.scopes) as ApiScope[] };
    },
    used(tokenId) {
      const now = clock.now();
      if (now - (noted.get(tokenId) ?? -Infinity) < NOTE_USE_EVERY_MS) return;
      noted.set(tokenId, now);
      used.run(now, tokenId);
    },
  };
}
