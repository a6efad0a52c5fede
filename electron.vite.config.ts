/**
 * `npm run build` / `npm start`: main (src-main/electron/main.ts → out/main/index.js), preload
 * (src-preload/index.ts → out/preload/index.cjs, CommonJS because sandboxed preloads cannot load ESM),
 * renderer (src-renderer → out/renderer, same as vite.renderer.config.ts for the browser test host).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

/** Native addons are loaded from node_modules at run time, never bundled. */
const NATIVE_MODULES = ['better-sqlite3-multiple-ciphers', '@node-rs/argon2', '@napi-rs/keyring'];

/** Copies the static recovery page next to the main bundle (served as app://zamok/recovery.html). */
function recoveryPage(): Plugin {
  return {
    name: 'zamok-recovery-page',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'recovery.html',
        source: readFileSync(resolve(root, 'src-main/electron/recovery.html'), 'utf8'),
      });
    },
  };
}

export default defineConfig({
  main: {
    plugins: [recoveryPage()],
    build: {
      outDir: resolve(root, 'out/main'),
      externalizeDeps: { include: NATIVE_MODULES },
      sourcemap: false,
      rollupOptions: {
        input: { index: resolve(root, 'src-main/electron/main.ts') },
        external: NATIVE_MODULES,
        // One file, lazily imported code (the CLI of `Zamok --cli`) included: the paths modules
        // find at run time (`../../migrations`, `../../build/fonts`) are relative to out/main.
        output: { codeSplitting: false },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload can require only `electron`: bundle everything else (zod, contracts).
      externalizeDeps: false,
      sourcemap: false,
      rollupOptions: {
        input: { index: resolve(root, 'src-preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      sourcemap: false,
      rollupOptions: { input: resolve(root, 'src-renderer/index.html') },
    },
  },
});
