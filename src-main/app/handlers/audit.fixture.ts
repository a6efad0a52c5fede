/**
 * Shared set-up of the audit view tests (test-only): an app on a real vault in a temp folder with
 * low Argon2id parameters and an injected TOTP clock, the owner signed in, staff accounts made the
 * way the users screen makes them, and small call helpers.
 */
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { AuditEntryPage } from '../../../src-shared/ipc/audit';
import type { SetupResult, TotpEnrollment } from '../../../src-shared/ipc/auth';
import type { CallError, Result } from '../../../src-shared/ipc/contract';
import { createUser } from '../../auth/accounts';
import { setTotp } from '../../auth/account-totp';
import { generateRecoveryCodes } from '../../auth/recovery-codes';
import { generateTotp, newTotpSecret } from '../../auth/totp';
import { createNoKeychainStore, setPasswordSlot, type OpenVault } from '../../vault';
import { makeTempDir, TEST_KDF } from '../../vault/temp-vault.test-support';
import { tables } from '../auth-service';
import { createZamokApp, type ZamokApp } from '../compose';

/** The owner made by ownerSignedIn (Cyrillic display name on purpose). */
export const OWNER = {
  login: 'olena',
  displayName: 'Олена Коваль',
  password: 'quiet river under old bridges',
};
/** Password of every account addStaff makes. */
export const STAFF_PASSWORD = 'amber fields of late summer';
/** Start of the injected TOTP clock (audit entries themselves carry real time). */
export const START = Date.parse('2026-03-02T09:00:00Z');
/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

const apps: ZamokApp[] = [];
/** Extra vaults a test opened; closed after each test. */
export const vaults: OpenVault[] = [];
// Every app and vault a test opened is closed after it, whatever the outcome.
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
  for (const vault of vaults.splice(0)) vault.close();
});

/** An app on a vault folder with test KDF parameters and no keychain; disposed after the test. */
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

/** Calls a channel as the preview host would (`feature.call`). */
export function call(app: ZamokApp, channel: string, input: unknown): Promise<Result<unknown>> {
  return app.router.call(`zamok:${channel}`, input, { host: 'preview' });
}

/** The value of an ok result; throws with the error code otherwise. */
export async function ok<T>(result: Promise<Result<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** The error of a failed result; throws if the call succeeded. */
export async function failure(result: Promise<Result<unknown>>): Promise<CallError> {
  const r = await result;
  if (r.ok) throw new Error('expected a failure, got ok');
  return r.error;
}

/** audit.list with a 500-entry page unless the filter says otherwise. */
export function list(app: ZamokApp, filter: Record<string, unknown>): Promise<AuditEntryPage> {
  return ok<AuditEntryPage>(call(app, 'audit.list', { limit: 500, ...filter }));
}

/** Yesterday 00:00 UTC to tomorrow 00:00 UTC: surrounds the entries the calls just made. */
export function today() {
  const start = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  return {
    from: new Date(start - DAY_MS).toISOString(),
    to: new Date(start + DAY_MS).toISOString(),
  };
}

/** A vault with its owner signed in (after sign-out and a fresh sign-in, so the log has entries). */
export async function ownerSignedIn() {
  let now = START;
  const clock = { now: () => now, advance: (s: number) => (now += s * 1000) };
  const dir = join(makeTempDir('zamok-audit-views-'), 'vault');
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
  clock.advance(30);
  await ok(
    call(app, 'auth.signIn', {
      login: OWNER.login,
      password: OWNER.password,
      totpCode: generateTotp(enrollment.secret, clock.now()),
    }),
  );
  const vault = app.state.vault;
  if (!vault) throw new Error('signed in without an open vault');
  /** Signs the owner in again: after a long `clock.advance` the idle lock has locked the session. */
  const signInAgain = async () => {
    clock.advance(30);
    await ok(
      call(app, 'auth.signIn', {
        login: OWNER.login,
        password: OWNER.password,
        totpCode: generateTotp(enrollment.secret, clock.now()),
      }),
    );
  };
  return { app, dir, clock, setup, vault, signInAgain };
}

/** Adds a staff account with a password slot and TOTP, as the users screen will. */
export async function addStaff(vault: OpenVault, login: string, role: string, now: number) {
  const user = await createUser(tables(vault), { login, displayName: login, role }, new Date(now));
  const secret = newTotpSecret();
  await setTotp(tables(vault), user.id, secret, generateRecoveryCodes(), new Date(now));
  await setPasswordSlot(vault, login, STAFF_PASSWORD, {
    kdf: TEST_KDF,
    deviceStore: createNoKeychainStore(),
    deviceBinding: false,
  });
  return { login, secret };
}
