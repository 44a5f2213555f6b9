/**
 * The import rules of eslint.config.js, proved: each forbidden import below
 * is linted as if it stood in that file, and must be refused by the rule
 * named; each allowed one beside it must pass, so a rule that refuses
 * everything (or nothing) fails here too.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The rules that reported on `code` as the file `filePath`. */
async function rulesHit(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const PATHS = 'import-x/no-restricted-paths';
const PACKAGES = '@typescript-eslint/no-restricted-imports';

/** [file it stands in, what it imports, the rule that must refuse it] */
const FORBIDDEN: [string, string, string][] = [
  ['shared/domain/probe.ts', "import { readFileSync } from 'node:fs';", PACKAGES],
  ['shared/domain/probe.ts', "import { io } from 'socket.io-client';", PACKAGES],
  ['shared/protocol-probe.ts', "import { io } from 'socket.io-client';", PACKAGES],
  ['shared/domain/probe.ts', "import { createHub } from '../../hub/src/app.js';", PATHS],
  ['shared/ui/probe.ts', "import { app } from 'electron';", PACKAGES],
  ['shared/ui/probe.ts', "import type { App } from 'electron';", PACKAGES],
  ['shared/ui/probe.ts', "import { readFileSync } from 'node:fs';", PACKAGES],
  ['kiosk/src/probe.ts', "import { readFileSync } from 'node:fs';", PACKAGES],
  ['kiosk/src/probe.ts', "import { createHub } from '../../hub/src/app.js';", PATHS],
  [
    'kiosk/src/probe.ts',
    "import { runAction } from '../../counter/src/desk-controller.js';",
    PATHS,
  ],
  ['station/probe.ts', "import { app } from 'electron';", PACKAGES],
  ['station/probe.ts', "import { createHub } from '../hub/src/app.js';", PATHS],
  ['hub/src/probe.ts', "import { mountApp } from '../../shared/ui/mount.js';", PATHS],
  ['hub/src/probe.ts', "import { createElement } from 'react';", PACKAGES],
  ['hub/src/probe.ts', "import { io } from 'socket.io-client';", PACKAGES],
  ['hub/src/probe.ts', "import { startHub } from '../../test/harness.js';", PATHS],
  ['hub/src/db/probe.ts', "import { createTicketStore } from '../tickets/ticket-store.js';", PATHS],
  ['hub/src/changes/probe.ts', "import { createViews } from '../views/views.js';", PATHS],
  ['hub/src/tickets/probe.ts', "import { createBroadcaster } from '../net/broadcaster.js';", PATHS],
  ['hub/src/tickets/probe.ts', "import { createFeatures } from '../features.js';", PATHS],
  ['hub/src/net/probe.ts', "import { createHub } from '../app.js';", PATHS],
];

/** The same files, importing what they may. */
const ALLOWED: [string, string][] = [
  ['shared/domain/probe.ts', "import { pickNextTicket } from './next-ticket.js';"],
  ['shared/domain/probe.ts', "import { z } from 'zod';"],
  ['shared/ui/probe.ts', "import { t } from '../i18n/index.js';"],
  ['kiosk/src/probe.ts', "import { ROLES } from '../../shared/protocol.js';"],
  ['station/probe.ts', "import type { App } from 'electron';"],
  ['station/probe.main.ts', "import { app } from 'electron';"],
  ['hub/src/db/probe.ts', "import { openDatabase } from './open.js';"],
  ['hub/src/tickets/probe.ts', "import { createCommits } from '../changes/commits.js';"],
  ['hub/src/net/probe.ts', "import { createTicketStore } from '../tickets/ticket-store.js';"],
  ['hub/src/probe.ts', "import { createHub } from './app.js';"],
];

/** Uses every name imported, so only the import rules can complain. */
function probe(importLine: string): string {
  const name = /import (?:type )?\{ (\w+)/.exec(importLine)?.[1] ?? '';
  const use = importLine.startsWith('import type')
    ? `export type Probe = ${name};`
    : `export const probe: unknown = ${name};`;
  return `${importLine}\n${use}\n`;
}

describe('lint refuses the imports DESIGN.md forbids', () => {
  it.each(FORBIDDEN)('%s: %s', async (file, line, rule) => {
    expect(await rulesHit(file, probe(line))).toContain(rule);
  });

  it.each(ALLOWED)('allows %s: %s', async (file, line) => {
    expect(await rulesHit(file, probe(line))).toEqual([]);
  });

  it('refuses an import cycle', async () => {
    const linter = new ESLint({ cwd: root, ignore: false });
    const results = await linter.lintFiles(['test/lint-fixtures/cycle-a.ts']);
    expect(results[0]?.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
  });

  it('refuses a function over 60 lines and a file over 300 outside tests and data', async () => {
    const body = Array.from({ length: 61 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const long = `export function long(): number {\n${body}\n  return v0;\n}\n`;
    expect(await rulesHit('hub/src/probe.ts', long)).toContain('max-lines-per-function');
    const file = Array.from({ length: 301 }, (_, i) => `export const c${i} = ${i};`).join('\n');
    expect(await rulesHit('hub/src/probe.ts', `${file}\n`)).toContain('max-lines');
    expect(await rulesHit('hub/src/probe.test.ts', long)).not.toContain('max-lines-per-function');
    expect(await rulesHit('hub/src/demo/centre-data.ts', `${file}\n`)).not.toContain('max-lines');
  });
});
