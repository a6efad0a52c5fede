/**
 * `npm run preview`: the browser test host. Builds nothing itself (the npm script builds the
 * renderer first); serves out/renderer and the app's router on 127.0.0.1 and prints the URL to open.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createZamokApp } from '../app/compose';
import { startIdleTimer } from '../app/idle-lock';
import { setBackgroundCheckpoints } from '../vault/database';
import { UsageError, parseHostArgs } from './args';
import { createPreviewServer } from './server';

const repoRoot = resolve(import.meta.dirname, '..', '..');

async function main(): Promise<void> {
  const args = parseHostArgs(process.argv.slice(2), repoRoot);
  mkdirSync(args.vaultDir, { recursive: true, mode: 0o700 });
  // End-to-end tests of allowed devices run a second host as "another computer" (dev-only).
  const testDeviceId = process.env.ZAMOK_TEST_DEVICE_ID;
  // As in Electron main: WAL checkpoints run on a worker thread (src-main/vault/checkpointer.ts).
  setBackgroundCheckpoints(true);
  const app = createZamokApp({
    vaultDir: args.vaultDir,
    host: 'preview',
    ...(testDeviceId ? { testDeviceId } : {}),
  });
  startIdleTimer(app.idle);
  // As in Electron: office sync runs while a session is open on a joined vault.
  app.officeSync.enable();
  const server = await createPreviewServer({
    router: app.router,
    staticDir: args.staticDir,
    port: args.port,
  });
  // The token is printed on purpose: it is the per-launch secret the tester's browser needs.
  console.log(`Zamok preview: ${server.url}`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void server.close().finally(() => {
      app.dispose();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exit(2);
  }
  // Class only: a message could carry a path with personal data.
  console.error(
    `Zamok preview failed to start (${error instanceof Error ? error.name : 'error'}).`,
  );
  process.exit(1);
});
