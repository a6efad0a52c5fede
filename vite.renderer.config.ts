/**
 * Builds the renderer alone (src-renderer → out/renderer) for the browser test host.
 * Same root, plugins and output folder as the `renderer` section of electron.vite.config.ts, so the
 * preview host serves exactly what the Electron app loads from app://zamok/.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

export default defineConfig({
  root: resolve(root, 'src-renderer'),
  // Relative asset URLs work both under app://zamok/ and http://127.0.0.1:PORT/.
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(root, 'out/renderer'),
    emptyOutDir: true,
    // No source maps in what the host serves: they would expose the source tree, nothing else.
    sourcemap: false,
    rollupOptions: { input: resolve(root, 'src-renderer/index.html') },
  },
});
