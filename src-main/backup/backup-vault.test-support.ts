/**
 * Test-only: a real vault made through the app's setup channels (owner with 2FA), with the backup
 * recipient stored as vault creation does, a few more users, audit entries and attachments.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../../src-shared/ipc/contract';
import type { SetupResult, TotpEnrollment } from '../../src-shared/ipc/auth';
import { appendAudit } from '../audit';
import { createUser } from '../auth/accounts';
import { generateTotp } from '../auth/totp';
import { tables } from '../app/auth-service';
import { createZamokApp, type ZamokApp } from '../app/compose';
import { createNoKeychainStore, type OpenVault } from '../vault';
import { makeTempDir, TEST_KDF } from '../vault/temp-vault.test-support';

/** The owner every fixture vault has. */
export const FIXTURE_OWNER = {
  login: 'olena',
  displayName: 'Olena Koval',
  password: 'quiet river under old bridges',
} as const;

/** A low scrypt work factor for tests (age's default 18 takes ~1 s and 256 MiB). */
export const TEST_SCRYPT = 10;

/** A manual clock. */
export function testClock(start = Date.parse('2026-03-02T09:00:00Z')) {
  let now = start;
  return {
    now: () => now,
    advance(seconds: number) {
      now += seconds * 1000;
    },
  };
}

/** Opens an app on a vault folder with test KDF parameters and no keychain. */
export function openTestApp(vaultDir: string, clock: () => number): ZamokApp {
  return createZamokApp({
    vaultDir,
    host: 'preview',
    kdf: TEST_KDF,
    deviceStore: createNoKeychainStore(),
    clock,
  });
}

/** Calls a channel and returns its value, failing the test on an error result. */
export async function ok<T>(app: ZamokApp, channel: string, input: unknown): Promise<T> {
  const r: Result<unknown> = await app.router.call(`zamok:${channel}`, input, { host: 'preview' });
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** A signed-in vault with some data. Dispose `app` when done. */
export async function makeFixtureVault() {
  const clock = testClock();
  const dir = join(makeTempDir('zamok-backup-src-'), 'vault');
  const app = openTestApp(dir, clock.now);
  const enrollment = await ok<TotpEnrollment>(app, 'auth.beginTotpEnrollment', {
    login: FIXTURE_OWNER.login,
  });
  const setup = await ok<SetupResult>(app, 'auth.createVault', {
    vaultDir: dir,
    ...FIXTURE_OWNER,
    totpCode: generateTotp(enrollment.secret, clock.now()),
    deviceBinding: false,
  });
  // The backup recipient was stored by vault creation itself (../app/backup-hooks.ts).
  const vault = app.state.openVault() as OpenVault;
  for (const login of ['petro', 'maria', 'ivan']) {
    await createUser(
      tables(vault),
      { login, displayName: login, role: 'manager' },
      new Date(clock.now()),
    );
  }
  for (let i = 0; i < 5; i++) {
    appendAudit(
      vault,
      { action: 'test.event', outcome: 'ok', details: { i } },
      new Date(clock.now()),
    );
  }
  mkdirSync(join(dir, 'attachments', 'ab'), { recursive: true });
  writeFileSync(join(dir, 'attachments', 'ab', 'contract-1.bin'), Buffer.alloc(70_000, 7));
  writeFileSync(join(dir, 'attachments', 'scan.bin'), 'scan');
  clock.advance(30);
  return {
    app,
    dir,
    vault,
    clock,
    recoveryKey: setup.recoveryKey,
    vaultId: setup.vaultId,
    totp: () => generateTotp(enrollment.secret, clock.now()),
  };
}
