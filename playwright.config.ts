/**
 * End-to-end tests against the browser test host (see test/e2e/fixtures.ts), in Debian's Chromium:
 * never `npx playwright install` (it downloads browsers; these machines have no internet).
 * `npm run test:e2e` builds the renderer first.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  use: {
    browserName: 'chromium',
    headless: true,
    // A failed test keeps its trace (test-results/…/trace.zip: npx playwright show-trace <file>).
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
});
