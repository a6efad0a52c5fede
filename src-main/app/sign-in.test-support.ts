/**
 * Test-only: sign-in through the composed app on a real vault — an owner made through the setup
 * channels, a test clock, calls from the preview host, the audit log read back. Used by
 * sign-in.test.ts and sign-in-lockout.test.ts.
 */
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { CallError, Result } from '../../src-shared/ipc/contract';
import type { SetupResult, TotpEnrollment } from '../../src-shared/ipc/auth';
import { listAudit, type AuditEntry } from '../audit';
import { generateTotp } from '../auth/totp';
import { createNoKeychainStore, unlockWithPassword, type OpenVault } from '../vault';
import { makeTempDir, TEST_KDF } from '../vault/temp-vault.test-support';
import { createZamokApp, type ZamokApp } from './compose';

export const OWNER = {
  login: 'olena',
  displayName: 'Olena Koval',
  password: 'quiet river under old bridges',
};
export const START = Date.parse('2026-03-02T09:00:00Z');
export const SIGN_IN_FAILED: CallError = {
  code: 'auth_failed',
  message: 'Sign-in failed. Check the login, password and code, then try again.',
};

const apps: ZamokApp[] = [];
const vaults: OpenVault[] = [];
/** Disposes the apps and closes the vaults a test made (registered for every importing file). */
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
  for (const vault of vaults.splice(0)) vault.close();
});

/** Closes `vault` after the current test. */
export function closeAfterTest(vault: OpenVault): void {
  vaults.push(vault);
}

/** A test clock: starts at START, moved forward by hand. */
export function testClock() {
  let now = START;
  return {
    now: () => now,
    advance(seconds: number) {
      now += seconds * 1000;
    },
  };
}

export function openApp(vaultDir: string, clock: () => number): ZamokApp {
  const app = createZamokApp({
    vaultDir,
    host: 'preview',
    kdf: TEST_KDF,
    deviceStore: createNoKeychainStore(),
    clock,
  });
  apps.push(app);
  return app;
}

export function call(app: ZamokApp, channel: string, input: unknown): Promise<Result<unknown>> {
  return app.router.call(`zamok:${channel}`, input, { host: 'preview' });
}

export async function ok<T>(result: Promise<Result<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

export async function failure(result: Promise<Result<unknown>>): Promise<CallError> {
  const r = await result;
  if (r.ok) throw new Error('expected a failure, got ok');
  return r.error;
}

/** Creates a vault and its owner through the setup channels, then signs out. */
export async function setUp() {
  const clock = testClock();
  const dir = join(makeTempDir('zamok-sign-in-'), 'vault');
  const app = openApp(dir, clock.now);
  const enrollment = await ok<TotpEnrollment>(
    call(app, 'auth.beginTotpEnrollment', { login: OWNER.login }),
  );
  const setup = await ok<SetupResult>(
    call(app, 'auth.createVault', {
      vaultDir: dir,
      login: OWNER.login,
      displayName: OWNER.displayName,
      password: OWNER.password,
      totpCode: generateTotp(enrollment.secret, clock.now()),
      deviceBinding: false,
    }),
  );
  await ok(call(app, 'auth.signOut', {}));
  // The enrollment code's time step is spent; sign-ins below use the next steps.
  clock.advance(30);
  const totp = () => generateTotp(enrollment.secret, clock.now());
  return { clock, dir, app, secret: enrollment.secret, setup, totp };
}

export function signIn(
  app: ZamokApp,
  input: { login?: string; password?: string; totpCode?: string; recoveryCode?: string },
) {
  return call(app, 'auth.signIn', { login: OWNER.login, password: OWNER.password, ...input });
}

/** Opens the vault as the owner (a second connection) and reads the whole audit log. */
export async function readAudit(dir: string): Promise<{ vault: OpenVault; entries: AuditEntry[] }> {
  const vault = await unlockWithPassword(dir, OWNER.login, OWNER.password, {
    deviceStore: createNoKeychainStore(),
  });
  vaults.push(vault);
  return { vault, entries: (await listAudit(vault.db, { limit: 500 })).entries };
}
