/**
 * What app.asar would contain, worked out without a package build (no Electron download here):
 * electron-builder.yml's `files` applied to the checkout's files (and to the build outputs), plus
 * the production dependency tree of package-lock.json, which is what electron-builder copies into
 * the asar's node_modules. Only what runs ships: no renderer library (the renderer is bundled into
 * out/renderer), no build or test tool, no test or fixture file; the native addons do ship.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
// Both ship with electron-builder (its config parser and its `files` matcher).
const { load } = require('js-yaml') as { load(text: string): unknown };
const { minimatch } = require('minimatch') as {
  minimatch(path: string, pattern: string, options?: { dot?: boolean }): boolean;
};

const NATIVE_MODULES = ['better-sqlite3-multiple-ciphers', '@node-rs/argon2', '@napi-rs/keyring'];
/** Libraries only the renderer uses: bundled into out/renderer, never needed in node_modules. */
const RENDERER_ONLY = [
  'react',
  'react-dom',
  '@mantine/core',
  '@mantine/hooks',
  'recharts',
  'pdfjs-dist',
  '@dnd-kit/core',
  '@dnd-kit/sortable',
  '@dnd-kit/utilities',
  'qrcode',
  'i18next',
  'react-i18next',
  'zustand',
  '@tanstack/react-virtual',
];
/** Build and test tools. */
const TOOLS = [
  'tsx',
  'vite',
  'vitest',
  'electron-vite',
  'esbuild',
  'rolldown',
  'typescript',
  'electron',
  'electron-builder',
  'eslint',
  'prettier',
  '@playwright/test',
  'jsdom',
];

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
interface LockFile {
  packages: Record<string, { dev?: boolean; devOptional?: boolean; dependencies?: object }>;
}

const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as PackageJson;
const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as LockFile;
const builder = load(readFileSync(join(repo, 'electron-builder.yml'), 'utf8')) as {
  files: string[];
};

/** Package names in the asar's node_modules: lock entries npm installs with `--omit=dev`. */
function productionTree(): Set<string> {
  const names = Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.devOptional)
    .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
  return new Set(names);
}

/** Whether electron-builder's `files` take this path (relative to the app folder). */
function packaged(path: string): boolean {
  const included = builder.files.filter(f => !f.startsWith('!'));
  const excluded = builder.files.filter(f => f.startsWith('!')).map(f => f.slice(1));
  return (
    included.some(p => minimatch(path, p, { dot: true })) &&
    !excluded.some(p => minimatch(path, p, { dot: true }))
  );
}

/** The package a bare import names (`@scope/name/sub` → `@scope/name`), or null for node: and relative. */
function packageOf(spec: string): string | null {
  if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec))
    return null;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? null);
}

/** Every package the Electron main process imports, through its relative import graph. */
function mainProcessPackages(): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const queue = [join(repo, 'src-main/electron/main.ts')];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;
  for (let file = queue.pop(); file; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, spec = ''] of readFileSync(file, 'utf8').matchAll(pattern)) {
      const name = packageOf(spec);
      if (name) {
        packages.add(name);
        continue;
      }
      if (!spec.startsWith('.')) continue;
      const base = resolve(dirname(file), spec);
      const found = [`${base}.ts`, join(base, 'index.ts'), base].find(
        c => existsSync(c) && c.endsWith('.ts'),
      );
      if (found) queue.push(found);
    }
  }
  return packages;
}

describe('app.asar: node_modules', () => {
  const tree = productionTree();
  const dependencies = Object.keys(pkg.dependencies ?? {});

  it('package-lock.json matches package.json', () => {
    const root = lock.packages[''] as { dependencies?: object; devDependencies?: object };
    expect(root.dependencies).toEqual(pkg.dependencies);
    expect(root.devDependencies).toEqual(pkg.devDependencies);
  });

  it('ships the native addons and every production dependency', () => {
    for (const name of [...NATIVE_MODULES, ...dependencies]) expect(tree).toContain(name);
  });

  it('ships no renderer-only library, no build or test tool and no type package', () => {
    for (const name of [...RENDERER_ONLY, ...TOOLS]) expect(tree).not.toContain(name);
    expect([...tree].filter(name => name.startsWith('@types/'))).toEqual([]);
    expect(dependencies.filter(name => name.startsWith('@types/'))).toEqual([]);
  });

  it('every production dependency is one the main process imports (the rest is bundled)', () => {
    const imported = mainProcessPackages();
    // The walker really follows imports (a regex that matched nothing would pass everything).
    expect(imported).toContain('kysely');
    expect(imported).toContain('commander');
    expect(dependencies.filter(name => !imported.has(name))).toEqual([]);
    for (const name of NATIVE_MODULES) expect(imported).toContain(name);
  });
});

describe('app.asar: the app files', () => {
  const tracked = execFileSync('git', ['ls-files'], { cwd: repo, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  const contents = tracked.filter(packaged);

  it('takes package.json, the migrations and the report fonts from the checkout, nothing else', () => {
    expect(contents).toContain('package.json');
    expect(contents).toContain('migrations/0001_vault.sql');
    expect(contents.some(f => /^build\/fonts\/[^/]+\.ttf$/.test(f))).toBe(true);
    expect(contents.filter(f => !/^(package\.json|migrations\/|build\/fonts\/)/.test(f))).toEqual(
      [],
    );
  });

  it('takes no test, fixture or test-support file', () => {
    const testLike = /(\.test\.|\.spec\.|fixture|test-support|(^|\/)test\/)/;
    expect(contents.filter(f => testLike.test(f))).toEqual([]);
    // Even were one under a packaged folder, the patterns drop it.
    for (const path of [
      'migrations/0011_x.test.ts',
      'out/main/a.test.js',
      'out/main/index.js.map',
      'test/fixtures/contacts.csv',
    ]) {
      expect(packaged(path), path).toBe(false);
    }
  });

  it('builds the main process as one file, out/main/index.js (so ../../migrations resolves)', async () => {
    // Lazily imported code (the CLI of `Zamok --cli`) would otherwise be split into chunks, and a
    // chunk in a subfolder would look for the migrations and the report fonts one folder too deep.
    const config = (await import('../../electron.vite.config')).default as {
      main: { build: { rollupOptions: { output: { codeSplitting?: boolean } } } };
    };
    expect(config.main.build.rollupOptions.output.codeSplitting).toBe(false);
  });

  it('takes the main, preload and renderer builds, not the CLI build or the test host', () => {
    for (const path of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      expect(packaged(path), path).toBe(true);
    }
    // The packaged app runs its CLI from out/main (`Zamok --cli`); out/cli is the npm bin's.
    for (const path of ['out/cli/zamok.mjs', 'out/host/main.js', 'src-main/cli/run.ts']) {
      expect(packaged(path), path).toBe(false);
    }
  });
});
