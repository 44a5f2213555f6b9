// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Import seams (DESIGN.md "Folders"): shared/ stands alone, hub/ never reaches the apps or React. */
const APP_FOLDERS = ['kiosk', 'counter', 'display'];
const outOf = (/** @type {string[]} */ folders) =>
  folders.flatMap((f) => [`../${f}/*`, `../../${f}/*`, `../../../${f}/*`, `../../../../${f}/*`]);

const SHARED_STANDS_ALONE = {
  group: outOf(['hub', 'test', ...APP_FOLDERS]),
  message: 'shared/ imports nothing from the other folders.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'build/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['shared/**/*.ts', 'shared/**/*.tsx', 'station/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [SHARED_STANDS_ALONE] }] },
  },
  // Where code runs shows in its name (Signal's habit): only Electron's main and
  // preload files (and tests, which replace it) may load the electron module.
  {
    files: ['shared/**/*.ts', 'shared/**/*.tsx', 'station/**/*.ts'],
    ignores: ['**/*.main.ts', '**/*.preload.ts', '**/*.test.ts', 'station/fake-electron.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              allowTypeImports: true,
              message:
                'Only *.main.ts and *.preload.ts load electron; keep logic in plain modules.',
            },
          ],
          patterns: [SHARED_STANDS_ALONE],
        },
      ],
    },
  },
  // DOM code (pages, React pieces) never reaches for Node.
  {
    files: [
      '**/*.dom.ts',
      'shared/ui/**/*.{ts,tsx}',
      ...APP_FOLDERS.map((a) => `${a}/**/*.{ts,tsx}`),
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            SHARED_STANDS_ALONE,
            { group: ['node:*'], message: 'Browser code cannot use Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['hub/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react', message: 'The hub never imports React.' },
            { name: 'react-dom', message: 'The hub never imports React.' },
          ],
          patterns: [
            {
              group: outOf([...APP_FOLDERS, 'test']),
              message: 'The hub reaches the apps only over the protocol.',
            },
          ],
        },
      ],
    },
  },
  // Each app may import its own files and shared/, never hub/, test/ or another app.
  ...APP_FOLDERS.map((app) => ({
    files: [`${app}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: outOf(['hub', 'test', ...APP_FOLDERS.filter((other) => other !== app)]),
              message: 'Apps reach the hub only over the protocol; share code through shared/.',
            },
            { group: ['node:*'], message: 'Browser code cannot use Node modules.' },
          ],
        },
      ],
    },
  })),
);
