// ESLint flat config. The folders are the layers (see docs/ARCHITECTURE.md):
// src-shared and src-renderer never import Electron or Node; src-preload imports only electron and src-shared.
// Inside src-main the services never import the app, CLI, hosts, Electron glue or the router, and the
// app never imports the hosts.
// Import cycles are found by src-main/layers.test.ts (ESLint has no rule for them without a plugin).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'fs',
  'path',
  'crypto',
  'os',
  'child_process',
  'net',
  'http',
  'https',
  'stream',
  'url',
  'util',
  'worker_threads',
  'events',
  'buffer',
  'zlib',
  'tls',
  'dns',
  'readline',
  'process',
];
const noNodeNoElectron = {
  patterns: [
    { group: ['node:*'], message: 'This layer runs without Node: no node: imports.' },
    { group: ['electron', 'electron/*'], message: 'This layer never imports Electron.' },
    {
      group: ['**/src-main/**', '**/src-preload/**'],
      message: 'Import across layers only through src-shared.',
    },
  ],
  paths: nodeBuiltins.map(name => ({ name, message: 'This layer runs without Node.' })),
};

const preloadOnly = {
  patterns: [
    { group: ['node:*'], message: 'The preload is sandboxed: no Node modules.' },
    {
      group: ['**/src-main/**', '**/src-renderer/**'],
      message: 'The preload imports only src-shared.',
    },
  ],
  paths: nodeBuiltins.map(name => ({ name, message: 'The preload is sandboxed.' })),
};

// Test code: tests and the helpers only tests import (`*.test-support.ts`, `*.fixture.ts`; the
// renderer's `test-support` files). The layer rules below do not bind it (a test may compose the whole app), and no
// other code may import it, so it can never reach a bundle.
const testCode = [
  '**/*.test.{ts,tsx}',
  '**/*test-support.{ts,tsx}',
  '**/test-support/**',
  '**/*.fixture.ts',
];
const noTestCode = {
  regex: '(^|[/.-])test-support([/.]|$)|\\.fixture(\\.tsx?)?$',
  message: 'Test support is for tests only: code that ships never imports it.',
};

// src-main. The services sit below the app: they never import src-main/app, cli, host or electron
// (they take what they need as arguments or small interfaces), nor the router (src-main/ipc): the
// call types they share with it (CallFailure, Session, AuditNote) live in src-main/calls.
const mainOnly = {
  group: ['**/src-renderer/**', '**/src-preload/**'],
  message: 'Main imports only src-main and src-shared.',
};
const SERVICES = [
  'crm',
  'audit',
  'vault',
  'backup',
  'guard',
  'auth',
  'roles',
  'users',
  'reports',
  'update',
  'privacy',
  'sync',
];
const noUpperLayers = {
  regex: '^(\\.\\./)+(app|cli|host|electron)(/|$)',
  message:
    'Services never import the app, CLI, hosts or Electron glue: take what you need as an argument.',
};
const noRouter = {
  regex: '^(\\.\\./)+ipc(/|$)',
  message:
    'Services never import the router (src-main/ipc): CallFailure, Session, AuditNote are in src-main/calls.',
};
const noElectron = {
  regex: '^electron(/|$)',
  message: 'Services run in the CLI too: no Electron.',
};
const noHosts = {
  regex: '^(\\.\\./)+(cli|host|electron)(/|$)',
  message:
    'The app is what the hosts (Electron, CLI, browser test host) compose: it imports none of them.',
};
const routerOnly = {
  regex: '^\\.\\./(?!calls(/|$)|\\.\\./src-shared/)',
  message:
    'The router (src-main/ipc) knows no service: it imports only src-main/calls and src-shared.',
};
// src-server: the office server runs without Electron and without the laptop's code; it shares
// only src-shared (the office contracts) with it.
const serverOnly = {
  group: ['**/src-main/**', '**/src-renderer/**', '**/src-preload/**'],
  message: 'The office server imports only src-server and src-shared.',
};
const callsOnly = {
  regex: '^\\.\\./(?!\\.\\./src-shared/)',
  message: 'src-main/calls is plain types and errors: it imports only src-shared.',
};

/** One `no-restricted-imports` setting (flat config replaces it per file: each block lists all). */
function restrict({ patterns = [], paths = [] }) {
  return { 'no-restricted-imports': ['error', { patterns, paths }] };
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src-shared/**/*.{ts,tsx}'],
    ignores: testCode,
    rules: restrict({
      ...noNodeNoElectron,
      patterns: [
        ...noNodeNoElectron.patterns,
        { group: ['**/src-renderer/**'], message: 'src-shared imports no other layer.' },
        noTestCode,
      ],
    }),
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(noNodeNoElectron),
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: testCode,
    rules: restrict({ ...noNodeNoElectron, patterns: [...noNodeNoElectron.patterns, noTestCode] }),
  },
  { files: ['src-preload/**/*.ts'], rules: restrict(preloadOnly) },
  {
    files: ['src-preload/**/*.ts'],
    ignores: testCode,
    rules: restrict({ ...preloadOnly, patterns: [...preloadOnly.patterns, noTestCode] }),
  },
  { files: ['src-main/**/*.ts'], rules: restrict({ patterns: [mainOnly] }) },
  {
    files: ['src-main/**/*.ts'],
    ignores: testCode,
    rules: restrict({ patterns: [mainOnly, noTestCode] }),
  },
  {
    files: SERVICES.map(folder => `src-main/${folder}/**/*.ts`),
    ignores: testCode,
    rules: restrict({ patterns: [mainOnly, noTestCode, noUpperLayers, noRouter, noElectron] }),
  },
  {
    files: ['src-main/app/**/*.ts'],
    ignores: testCode,
    rules: restrict({ patterns: [mainOnly, noTestCode, noHosts] }),
  },
  {
    files: ['src-main/ipc/**/*.ts'],
    ignores: testCode,
    rules: restrict({ patterns: [mainOnly, noTestCode, routerOnly] }),
  },
  { files: ['src-server/**/*.ts'], rules: restrict({ patterns: [serverOnly] }) },
  {
    files: ['src-server/**/*.ts'],
    ignores: testCode,
    rules: restrict({ patterns: [serverOnly, noTestCode, noElectron] }),
  },
  {
    files: ['src-main/calls/**/*.ts'],
    ignores: testCode,
    rules: restrict({ patterns: [mainOnly, noTestCode, callsOnly] }),
  },
);
