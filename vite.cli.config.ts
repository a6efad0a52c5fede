/**
 * `npm run build:cli`: the `zamok` command (src-main/cli/main.ts → out/cli/zamok.mjs) for plain Node,
 * so bin/zamok.mjs starts without compiling TypeScript. Bundled the way electron-vite bundles the
 * main process: production dependencies (and the native addons) stay in node_modules, everything
 * else (our sources, dev-only helpers) is inlined. Paths the code finds at run time
 * (`../../migrations`, `../../build/fonts`, `../../package.json`) sit two folders up from out/cli
 * as from src-main/<module>, so they resolve the same.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
};
/** Native addons are loaded from node_modules at run time, never bundled. */
const NATIVE_MODULES = ['better-sqlite3-multiple-ciphers', '@node-rs/argon2', '@napi-rs/keyring'];
const external = [...new Set([...Object.keys(pkg.dependencies ?? {}), ...NATIVE_MODULES])];

export default defineConfig({
  root,
  // No .env files, no public folder: this is a Node program.
  envDir: false,
  publicDir: false,
  logLevel: 'warn',
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: resolve(root, 'src-main/cli/main.ts'),
    outDir: resolve(root, 'out/cli'),
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    minify: false,
    rollupOptions: {
      external: [
        ...builtinModules,
        /^node:/,
        ...external,
        new RegExp(`^(${external.map(d => d.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})/`),
      ],
      // What --help does not need (the app, backups, PDFs) is split off and loaded on first use;
      // chunks sit next to zamok.mjs so their `../../…` paths resolve the same.
      output: {
        format: 'es',
        entryFileNames: 'zamok.mjs',
        chunkFileNames: '[name]-[hash].mjs',
      },
    },
  },
});
