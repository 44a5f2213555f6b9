// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Import seams (DESIGN.md "Folders"): shared/ stands alone, hub/ never reaches the apps or React. */
const APP_FOLDERS = ['kiosk', 'counter', 'display'];
const outOf = (/** @type {string[]} */ folders) =>
  folders.flatMap((f) => [`../${f}/*`, `../../${f}/*`, `../../../${f}/*`, `../../../../${f}/*`]);

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
    files: ['shared/**/*.ts', 'shared/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: outOf(['hub', 'test', ...APP_FOLDERS]),
              message: 'shared/ imports nothing from the other folders.',
            },
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
  {
    files: APP_FOLDERS.map((f) => `${f}/**/*.{ts,tsx}`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: outOf(['hub', 'test', ...APP_FOLDERS]),
              message: 'Apps reach the hub only over the protocol; share code through shared/.',
            },
          ],
        },
      ],
    },
  },
);
