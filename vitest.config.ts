import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src-*/**/*.test.{ts,tsx}',
      'test/unit/**/*.test.ts',
      'migrations/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The compiled CLI is built once before the tests that run it as a child process.
    globalSetup: ['test/cli-build.global-setup.ts'],
    // jsdom tests wait up to 5 s for what they expect to see (see the file).
    setupFiles: ['test/renderer-waits.setup.ts'],
  },
});
