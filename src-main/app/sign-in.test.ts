/**
 * Sign-in orchestration through the real router (host 'preview'), real vault files in a temp folder,
 * low Argon2id parameters and an injected clock: 2FA, the single "sign-in failed" answer, TOTP
 * replay, one-time recovery codes, backoff and lockout that survive a restart and reach the audit
 * log, and lock.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallError, Result } from '../../src-shared/ipc/contract';
import type { AppStatus, SetupResult, TotpEnrollment } from '../../src-shared/ipc/auth';
import { listAudit, verifyAuditChain } from '../audit';
import type { AuditEntry } from '../audit';
import { createUser, findUserByLogin, setStatus } from '../auth/accounts';
import { setTotp } from '../auth/account-totp';
import { generateRecoveryCodes } from '../auth/recovery-codes';
import { generateTotp, newTotpSecret } from '../auth/totp';
import {
  createNoKeychainStore,
  setPasswordSlot,
  unlockWithPassword,
  type OpenVault,
} from '../vault';
import { makeTempDir, TEST_KDF } from '../vault/temp-vault.test-support';
import { tables } from './auth-service';
import { createZamokApp, type ZamokApp } from './compose';

const OWNER = {
  login: 'olena',
  displayName: 'Olena Koval',
  password: 'quiet river under old bridges',
};
const START = Date.parse('2026-03-02T09:00:00Z');
const SIGN_IN_FAILED: CallError = {
  code: 'auth_failed',
  message: 'Sign-in failed. Check the login, password and code, then try again.',
};

const apps: ZamokApp[] = [];
const vaults: OpenVault[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
  for (const vault of vaults.splice(0)) vault.close();
});

/** A test clock: starts at START, moved forward by hand. */
function testClock() {
  let now = START;
  return {
    now: () => now,
    advance(seconds: number) {
      now += seconds * 1000;
    },
  };
}

function openApp(vaultDir: string, clock: () => number): ZamokApp {
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

function call(app: ZamokApp, channel: string, input: unknown): Promise<Result<unknown>> {
  return app.router.call(`zamok:${channel}`, input, { host: 'preview' });
}

async function ok<T>(result: Promise<Result<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function failure(result: Promise<Result<unknown>>): Promise<CallError> {
  const r = await result;
  if (r.ok) throw new Error('expected a failure, got ok');
  return r.error;
}

/** Creates a vault and its owner through the setup channels, then signs out. */
async function setUp() {
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

function signIn(
  app: ZamokApp,
  input: { login?: string; password?: string; totpCode?: string; recoveryCode?: string },
) {
  return call(app, 'auth.signIn', { login: OWNER.login, password: OWNER.password, ...input });
}

/** Opens the vault as the owner (a second connection) and reads the whole audit log. */
async function readAudit(dir: string): Promise<{ vault: OpenVault; entries: AuditEntry[] }> {
  const vault = await unlockWithPassword(dir, OWNER.login, OWNER.password, {
    deviceStore: createNoKeychainStore(),
  });
  vaults.push(vault);
  return { vault, entries: (await listAudit(vault.db, { limit: 500 })).entries };
}

describe('a damaged key slot', () => {
  it('answers key_slot_damaged, never auth_failed, and does not count towards the lockout', async () => {
    const { app, dir, totp } = await setUp();
    const path = join(dir, 'keyring.json');
    const intact = readFileSync(path, 'utf8');
    const file = JSON.parse(intact) as { slots: Record<string, unknown>[] };
    const owner = file.slots.find(s => s.kind === 'password');
    if (!owner) throw new Error('no password slot');
    const key = String(owner.wrappedKey);
    owner.wrappedKey = (key[0] === 'A' ? 'B' : 'A') + key.slice(1);
    writeFileSync(path, JSON.stringify(file));
    for (let i = 0; i < 10; i++) {
      const refused = await failure(signIn(app, { totpCode: totp() }));
      expect(refused.code).toBe('key_slot_damaged');
    }
    // keyring.json put back from a backup: the owner signs in at once, nothing was counted.
    writeFileSync(path, intact);
    await ok(signIn(app, { totpCode: totp() }));
  });
});

describe('setup and a normal sign-in', () => {
  it('refuses a second setup on an app that has a vault, and stays on its folder', async () => {
    const { app, dir, clock } = await setUp();
    const elsewhere = join(makeTempDir('zamok-second-setup-'), 'vault');
    const enrollment = await ok<TotpEnrollment>(
      call(app, 'auth.beginTotpEnrollment', { login: 'intruder' }),
    );
    const refused = await failure(
      call(app, 'auth.createVault', {
        vaultDir: elsewhere,
        login: 'intruder',
        displayName: 'Intruder',
        password: 'a long enough passphrase for setup',
        totpCode: generateTotp(enrollment.secret, clock.now()),
        deviceBinding: false,
      }),
    );
    expect(refused.code).toBe('vault_exists');
    const status = await ok<AppStatus>(call(app, 'auth.status', {}));
    expect(status).toMatchObject({ state: 'locked', vaultDir: dir });
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('enrolls TOTP with ten distinct recovery codes and signs the owner in with a fresh code', async () => {
    const { app, setup, totp } = await setUp();
    expect(setup.user).toMatchObject({ login: OWNER.login, role: 'owner' });
    expect(setup.recoveryCodes).toHaveLength(10);
    expect(new Set(setup.recoveryCodes).size).toBe(10);
    expect(setup.deviceBinding).toBe('off');
    expect((await ok<AppStatus>(call(app, 'auth.status', {}))).state).toBe('locked');

    const user = await ok(signIn(app, { totpCode: totp() }));
    expect(user).toMatchObject({ login: OWNER.login, displayName: OWNER.displayName });
    const status = await ok<AppStatus>(call(app, 'auth.status', {}));
    expect(status.state).toBe('signed_in');
    expect(status.user?.login).toBe(OWNER.login);
  });

  it('requires a second factor once enrolled: password alone fails like any failure', async () => {
    const { app, totp } = await setUp();
    expect(await failure(signIn(app, {}))).toEqual(SIGN_IN_FAILED);
    const both = await failure(signIn(app, { totpCode: totp(), recoveryCode: 'AAAA-BBBB-CCCC' }));
    expect(both.code).toBe('invalid_input');
    expect((await ok<AppStatus>(call(app, 'auth.status', {}))).state).toBe('locked');
  });

  it('stores recovery codes hashed, never in clear', async () => {
    const { dir, setup } = await setUp();
    const vault = await unlockWithPassword(dir, OWNER.login, OWNER.password, {
      deviceStore: createNoKeychainStore(),
    });
    vaults.push(vault);
    const dump = JSON.stringify(
      vault.sqlite.prepare('SELECT * FROM recovery_codes').all(),
    ).toUpperCase();
    for (const code of setup.recoveryCodes) {
      expect(dump).not.toContain(code.replace(/-/g, ''));
      expect(dump).not.toContain(code);
    }
  });
});

describe('one answer for every failure', () => {
  it('gives the same code and message for wrong password, unknown login and wrong code', async () => {
    const { app, totp } = await setUp();
    const wrongPassword = await failure(
      signIn(app, { password: 'not my password', totpCode: totp() }),
    );
    const unknownLogin = await failure(signIn(app, { login: 'mykola', totpCode: totp() }));
    const good = totp();
    const wrongCode = await failure(
      signIn(app, { totpCode: good === '000000' ? '111111' : '000000' }),
    );
    const wrongRecoveryCode = await failure(signIn(app, { recoveryCode: 'AAAA-BBBB-CCCC' }));
    for (const error of [wrongPassword, unknownLogin, wrongCode, wrongRecoveryCode]) {
      expect(error).toEqual(SIGN_IN_FAILED);
    }
    expect((await ok<AppStatus>(call(app, 'auth.status', {}))).state).toBe('locked');
  });

  it('gives the same answer for a dismissed user and a slot without an account', async () => {
    const { app, clock, totp } = await setUp();
    await ok(signIn(app, { totpCode: totp() }));
    const vault = app.state.vault;
    if (!vault) throw new Error('signed in without an open vault');
    const db = tables(vault);
    const now = new Date(clock.now());
    const password = 'amber fields of late summer';
    const slot = { kdf: TEST_KDF, deviceStore: createNoKeychainStore(), deviceBinding: false };

    // Dismissed, with a working password slot and TOTP.
    const dismissed = await createUser(
      db,
      { login: 'taras', displayName: 'Taras', role: 'manager' },
      now,
    );
    const dismissedSecret = newTotpSecret();
    await setTotp(db, dismissed.id, dismissedSecret, generateRecoveryCodes(), now);
    await setPasswordSlot(vault, 'taras', password, slot);
    await setStatus(db, dismissed.id, 'dismissed');
    // A password slot whose account row does not exist.
    await setPasswordSlot(vault, 'ghost', password, slot);
    await ok(call(app, 'auth.signOut', {}));
    clock.advance(30);

    const answers = [
      await failure(
        signIn(app, {
          login: 'taras',
          password,
          totpCode: generateTotp(dismissedSecret, clock.now()),
        }),
      ),
      await failure(signIn(app, { login: 'ghost', password, totpCode: totp() })),
    ];
    for (const error of answers) expect(error).toEqual(SIGN_IN_FAILED);
    expect((await ok<AppStatus>(call(app, 'auth.status', {}))).state).toBe('locked');
  });
});

describe('second factor reuse', () => {
  it('refuses a TOTP code that was already used, even within its time window', async () => {
    const { app, totp } = await setUp();
    const code = totp();
    await ok(signIn(app, { totpCode: code }));
    await ok(call(app, 'auth.signOut', {}));
    expect(await failure(signIn(app, { totpCode: code }))).toEqual(SIGN_IN_FAILED);
  });

  it('accepts each recovery code once, never twice, and in any typing', async () => {
    const { app, setup } = await setUp();
    const [first, second] = setup.recoveryCodes;
    if (!first || !second) throw new Error('no recovery codes');
    await ok(signIn(app, { recoveryCode: first }));
    await ok(call(app, 'auth.signOut', {}));
    expect(await failure(signIn(app, { recoveryCode: first }))).toEqual(SIGN_IN_FAILED);
    // Another code still works, typed in lower case without dashes.
    await ok(signIn(app, { recoveryCode: second.replace(/-/g, '').toLowerCase() }));
    await ok(call(app, 'auth.signOut', {}));
    expect(await failure(signIn(app, { recoveryCode: second }))).toEqual(SIGN_IN_FAILED);
  });
});

describe('backoff and lockout', () => {
  it('backs off after 5 failures, locks for 15 minutes, survives a restart and is audited', async () => {
    const { app, clock, dir, totp } = await setUp();
    const wrong = () => signIn(app, { password: 'guessing again', totpCode: totp() });

    for (let i = 1; i <= 4; i++) expect(await failure(wrong())).toEqual(SIGN_IN_FAILED);
    const waits: number[] = [];
    const fifth = await failure(wrong());
    expect(fifth.code).toBe('locked_out');
    waits.push(Number(fifth.details?.retryAfterSeconds));
    expect(waits[0]).toBeGreaterThan(0);

    // While waiting, even the right password and code are refused without being tried.
    const meanwhile = await failure(signIn(app, { totpCode: totp() }));
    expect(meanwhile.code).toBe('locked_out');
    expect(Number(meanwhile.details?.retryAfterSeconds)).toBeLessThanOrEqual(waits[0] ?? 0);

    // Each further failure after the wait makes the next wait longer, up to 15 minutes.
    for (let failures = 6; failures <= 9; failures++) {
      clock.advance((waits.at(-1) ?? 0) + 1);
      const error = await failure(wrong());
      expect(error.code).toBe('locked_out');
      waits.push(Number(error.details?.retryAfterSeconds));
    }
    expect(waits).toEqual([30, 60, 120, 900, 900]);

    // A new app instance on the same folder (a restart) still refuses the right credentials.
    app.dispose();
    const restarted = openApp(dir, clock.now);
    clock.advance(60);
    const afterRestart = await failure(signIn(restarted, { totpCode: totp() }));
    expect(afterRestart.code).toBe('locked_out');
    expect(Number(afterRestart.details?.retryAfterSeconds)).toBe(900 - 60);

    // After the wait the owner signs in, and the failures reach the audit log with their count.
    clock.advance(900);
    await ok(signIn(restarted, { totpCode: totp() }));
    await ok(call(restarted, 'auth.signOut', {}));
    const { vault, entries } = await readAudit(dir);
    const failed = entries.filter(e => e.action === 'auth.sign_in' && e.outcome === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.details).toMatchObject({ count: 9 });
    expect(typeof failed[0]?.details?.firstAt).toBe('string');
    // The failures are recorded under an opaque id, not the login that was tried.
    expect(JSON.stringify(failed[0])).not.toContain(OWNER.login);
    const succeeded = entries.filter(e => e.action === 'auth.sign_in' && e.outcome === 'ok');
    expect(succeeded.at(0)?.userLogin).toBe(OWNER.login);
    expect(verifyAuditChain(vault)).toMatchObject({ ok: true, count: entries.length });
  });

  it('locks an unknown login out the same way, so lockout does not reveal who exists', async () => {
    const { app, totp } = await setUp();
    const answers: CallError[] = [];
    for (let i = 1; i <= 5; i++) {
      answers.push(await failure(signIn(app, { login: 'nobody', totpCode: totp() })));
    }
    expect(answers.slice(0, 4)).toEqual(Array(4).fill(SIGN_IN_FAILED));
    expect(answers[4]).toMatchObject({ code: 'locked_out', details: { retryAfterSeconds: 30 } });
    // Another login is not affected.
    await ok(signIn(app, { totpCode: totp() }));
  });
});

describe('a lockout file changed behind the app', () => {
  it('an edited counter locks every login for 15 minutes and is audited at the next sign-in', async () => {
    const { app, clock, dir, totp } = await setUp();
    for (let i = 0; i < 3; i++) await failure(signIn(app, { password: 'guess', totpCode: totp() }));
    // An attacker resets the counters by hand; the MAC no longer matches.
    const file = join(dir, 'lockout.json');
    const body = JSON.parse(readFileSync(file, 'utf8')) as { state: { logins: object } };
    body.state.logins = {};
    writeFileSync(file, JSON.stringify(body));

    for (const login of [OWNER.login, 'mykola']) {
      const refused = await failure(signIn(app, { login, totpCode: totp() }));
      expect(refused).toMatchObject({ code: 'locked_out', details: { retryAfterSeconds: 900 } });
    }
    clock.advance(15 * 60 + 1);
    await ok(signIn(app, { totpCode: totp() }));
    await ok(call(app, 'auth.signOut', {}));
    const { vault, entries } = await readAudit(dir);
    expect(entries.filter(e => e.action === 'auth.lockout_file_tampered')).toHaveLength(1);
    expect(verifyAuditChain(vault)).toMatchObject({ ok: true });
  });

  it('a deleted lockout file (failures hidden) is audited as a rollback at the next sign-in', async () => {
    const { app, clock, dir, totp } = await setUp();
    // A first sign-in stores the file's sequence number inside the encrypted database.
    await ok(signIn(app, { totpCode: totp() }));
    await ok(call(app, 'auth.signOut', {}));
    clock.advance(30);
    for (let i = 0; i < 4; i++) await failure(signIn(app, { password: 'guess', totpCode: totp() }));
    // The attacker deletes the file to hide the four failures from the audit log.
    rmSync(join(dir, 'lockout.json'));
    await ok(signIn(app, { totpCode: totp() }));
    await ok(call(app, 'auth.signOut', {}));
    const { entries } = await readAudit(dir);
    expect(entries.filter(e => e.action === 'auth.lockout_file_rolled_back')).toHaveLength(1);
    expect(entries.filter(e => e.action === 'auth.sign_in' && e.outcome === 'failed')).toEqual([]);
  });
});

describe('lock', () => {
  it('closes the database, remembers the login, refuses session calls, and the chain verifies', async () => {
    const { app, dir, clock, totp } = await setUp();
    await ok(signIn(app, { totpCode: totp() }));
    const vault = app.state.vault;
    if (!vault) throw new Error('signed in without an open vault');
    expect(vault.closed).toBe(false);

    await ok(call(app, 'auth.lock', {}));
    expect(vault.closed).toBe(true);
    expect(() => vault.dataKey()).toThrow();
    const status = await ok<AppStatus>(call(app, 'auth.status', {}));
    expect(status).toMatchObject({ state: 'locked', lockedLogin: OWNER.login });
    expect(status.user).toBeUndefined();
    const refused = await failure(
      call(app, 'auth.changePassword', {
        currentPassword: OWNER.password,
        newPassword: 'another long passphrase here',
      }),
    );
    expect(refused.code).toBe('unauthenticated');

    // Unlock from the lock screen, then check what the log recorded.
    clock.advance(30);
    await ok(signIn(app, { totpCode: totp() }));
    await ok(call(app, 'auth.signOut', {}));
    const { vault: reopened, entries } = await readAudit(dir);
    const actions = entries.map(e => `${e.action}:${e.outcome}`).reverse();
    expect(actions).toEqual([
      'auth.create_vault:ok',
      'auth.sign_out:ok',
      'auth.sign_in:ok',
      'auth.lock:ok',
      'auth.sign_in:ok',
      'auth.sign_out:ok',
    ]);
    expect(verifyAuditChain(reopened)).toMatchObject({ ok: true, count: entries.length });
    const user = await findUserByLogin(tables(reopened), OWNER.login);
    expect(user?.lastSignInAt).toBeTruthy();
  });
});
