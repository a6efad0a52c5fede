// ESLint flat config. The folders are the layers (see docs/ARCHITECTURE.md):
// src-shared and src-renderer never import Electron or Node; src-preload imports only electron and src-shared.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'fs', 'path', 'crypto', 'os', 'child_process', 'net', 'http', 'https', 'stream', 'url', 'util',
  'worker_threads', 'events', 'buffer', 'zlib', 'tls', 'dns', 'readline', 'process',
];
const noNodeNoElectron = {
  patterns: [
    { group: ['node:*'], message: 'This layer runs without Node: no node: imports.' },
    { group: ['electron', 'electron/*'], message: 'This layer never imports Electron.' },
    { group: ['**/src-main/**', '**/src-preload/**'], message: 'Import across layers only through src-shared.' },
  ],
  paths: nodeBuiltins.map(name => ({ name, message: 'This layer runs without Node.' })),
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src-shared/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noNodeNoElectron,
          patterns: [
            ...noNodeNoElectron.patterns,
            { group: ['**/src-renderer/**'], message: 'src-shared imports no other layer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', noNodeNoElectron],
    },
  },
  {
    files: ['src-preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The preload is sandboxed: no Node modules.' },
            { group: ['**/src-main/**', '**/src-renderer/**'], message: 'The preload imports only src-shared.' },
          ],
          paths: nodeBuiltins.map(name => ({ name, message: 'The preload is sandboxed.' })),
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src-renderer/**', '**/src-preload/**'], message: 'Main imports only src-main and src-shared.' },
          ],
        },
      ],
    },
  },
);
