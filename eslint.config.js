// @ts-check
/**
 * Lint says what DESIGN.md "Folders" says. Two kinds of rule keep the seams:
 *
 * - `import-x/no-restricted-paths` for which folder may import which (by the
 *   resolved file, so `../../hub/x.js` and `../hub/x.js` are the same), in one
 *   block with every zone, so no block can replace another's;
 * - `@typescript-eslint/no-restricted-imports` for which packages a kind of
 *   code may load (Node, Electron, React, sockets), one block per kind, and
 *   the kinds never overlap: in flat config a later block that sets the same
 *   rule on a file replaces the earlier one instead of adding to it.
 *
 * test/unit/lint-rules.test.ts lints a forbidden snippet for each rule and
 * expects it refused.
 */
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const APPS = ['kiosk', 'counter', 'display', 'console', 'pair'];
const TESTS = ['**/*.test.ts', 'test/**'];

/** Pure code: the same on the hub, in a browser and in a test. */
const PURE = [
  'shared/*.ts',
  'shared/domain/**',
  'shared/schemas/**',
  'shared/i18n/**',
  'shared/voice/announcement-plan.ts',
  'shared/voice/clips.ts',
];
/** Code that runs in a page: the apps, the React pieces they share, the station's pages. */
const DOM = [
  ...APPS.map((a) => `${a}/**`),
  'shared/ui/**',
  'shared/voice/**',
  'shared/station-bridge.ts',
  '**/*.dom.ts',
];
/** The station's Electron processes; only these load electron. */
const ELECTRON = ['station/**/*.main.ts', 'station/**/*.preload.ts'];

const ban = (name, message) => ({ name, message });
const NODE_IN_PAGES = { group: ['node:*'], message: 'Browser code cannot use Node modules.' };

// ---------------------------------------------------------------- folders

const others = (self) =>
  ['hub', 'station', 'central', 'test', 'shared', ...APPS].filter((f) => f !== self);

/** Paths are from the repository root; `except` is relative to `from`. */
const FOLDER_ZONES = [
  {
    target: './shared',
    from: others('shared').map((f) => `./${f}`),
    message: 'shared/ imports nothing from the other folders.',
  },
  {
    target: './hub',
    from: [...others('hub').filter((f) => f !== 'shared'), 'shared/ui'].map((f) => `./${f}`),
    message: 'The hub reaches the apps only over the protocol, and never loads their UI.',
  },
  ...APPS.map((app) => ({
    target: `./${app}`,
    from: others(app)
      .filter((f) => f !== 'shared')
      .map((f) => `./${f}`),
    message: 'Apps reach the hub only over the protocol; share code through shared/.',
  })),
  {
    target: './central',
    from: others('central')
      .filter((f) => f !== 'shared')
      .map((f) => `./${f}`),
    message: 'Central talks to hubs over HTTP only; it imports only shared/.',
  },
  {
    target: './station',
    from: others('station')
      .filter((f) => f !== 'shared')
      .map((f) => `./${f}`),
    message: 'The station loads the hub’s pages over the network; it imports only shared/.',
  },
];

/** Inside the hub: db ← kernel ← features ← net ← app (app.ts, features.ts, main.ts). */
const HUB = './hub/src';
const KERNEL = ['changes', 'clock.ts', 'hub-error.ts', 'connection.ts', 'handler.ts'];
const APP_FILES = ['app.ts', 'features.ts', 'main.ts'].map((f) => `${HUB}/${f}`);
const HUB_LAYERS = [
  {
    target: `${HUB}/db`,
    from: HUB,
    except: ['./db', './clock.ts'],
    message: 'db/ is the bottom layer: it knows no feature.',
  },
  {
    target: KERNEL.map((k) => `${HUB}/${k}`),
    from: HUB,
    except: ['./db', ...KERNEL.map((k) => `./${k}`)],
    message: 'The kernel (commits, errors, connections, handler types) knows no feature.',
  },
  {
    target: `${HUB}/!(net)/**`,
    from: [`${HUB}/net`, ...APP_FILES],
    message: 'Features never reach the transport or the composition root.',
  },
  {
    target: `${HUB}/net`,
    from: APP_FILES,
    message: 'net/ is given the features; it never builds them.',
  },
];

// ---------------------------------------------------------------- packages

const restrict = (files, ignores, paths, patterns = []) => ({
  files,
  ignores,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }] },
});

const KINDS = [
  // Pure code imports its neighbours and zod, nothing else.
  restrict(
    PURE,
    TESTS,
    [],
    [
      {
        regex: '^(?!\\.{1,2}/|zod$)',
        message: 'Pure shared code imports only other shared files and zod.',
      },
    ],
  ),
  restrict(
    DOM,
    [...TESTS, ...PURE],
    [ban('electron', 'Pages reach the station through its bridge.')],
    [NODE_IN_PAGES],
  ),
  restrict(
    ['station/**'],
    [...TESTS, ...ELECTRON, '**/*.dom.ts', 'station/fake-electron.ts'],
    [
      {
        name: 'electron',
        allowTypeImports: true,
        message: 'Only *.main.ts and *.preload.ts load electron; keep logic in plain modules.',
      },
      ban('react', 'The station shell has no React.'),
    ],
  ),
  restrict(['hub/**'], TESTS, [
    ban('react', 'The hub never imports React.'),
    ban('react-dom', 'The hub never imports React.'),
    ban('electron', 'The hub is plain Node, never inside Electron.'),
    ban('socket.io-client', 'The hub is the server; clients live in the apps.'),
  ]),
  restrict(['central/**'], TESTS, [
    ban('react', 'Central renders its pages on the server.'),
    ban('electron', 'Central is plain Node.'),
    ban('better-sqlite3', 'Central keeps its data in PostgreSQL (pg).'),
  ]),
  restrict(['shared/printer/**'], TESTS, [
    ban('electron', 'Printer transports are plain Node, used by the hub and the station.'),
    ban('react', 'Printer transports are plain Node.'),
  ]),
];

// ---------------------------------------------------------------- sizes

/** Data (shipped migrations are never edited; the demo centre and the phrase books are tables). */
const DATA = ['hub/src/db/migrations/**', 'hub/src/demo/centre-data.ts', 'shared/i18n/{lo,en}.ts'];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'data/', 'dist/', 'build/', 'coverage/', 'test/lint-fixtures/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    plugins: { 'import-x': importX },
    settings: {
      // no-cycle follows imports by parsing each file it reaches: TypeScript's, resolved as tsc does.
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'import-x/no-cycle': 'error',
    },
  },
  { files: ['**/*.tsx'], ...reactHooks.configs.flat.recommended },
  // Tests are the harness that joins every part, so the seams bind only the code they test.
  {
    files: ['**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: { 'import-x/no-restricted-paths': ['error', { zones: FOLDER_ZONES }] },
  },
  {
    files: ['hub/**/*.ts'],
    ignores: TESTS,
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...FOLDER_ZONES, ...HUB_LAYERS] }],
    },
  },
  ...KINDS,
  {
    files: ['**/*.{ts,tsx}'],
    ignores: [...TESTS, ...DATA],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
);
