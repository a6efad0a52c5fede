/**
 * Vitest config for the bench's own tests (the root config's `include` does not list bench/):
 * `npx vitest run --config bench/vitest.config.ts`. They check the runner's arithmetic and that the
 * fixture builds what the product would, not speed.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
