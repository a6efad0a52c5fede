/**
 * Sign-in orchestration through the real router (host 'preview'), real vault files in a temp folder,
 * low Argon2id parameters and an injected clock: 2FA, the single "sign-in failed" answer, TOTP
 * replay, one-time recovery codes and lock (backoff and lockout: ./sign-in-lockout.test.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppStatus, TotpEnrollment } from '../../src-shared/ipc/auth';
import { verifyAuditChain } from '../audit';
import { createUser, findUserByLogin, setStatus } from '../auth/accounts';
import { setTotp } from '../auth/account-totp';
import { generateRecoveryCodes } from '../auth/recovery-codes';
import { generateTotp, newTotpSecret } from '../auth/totp';
import { createNoKeychainStore, setPasswordSlot, unlockWithPassword } from '../vault';
import { makeTempDir, TEST_KDF } from '../vault/temp-vault.test-support';
import { tables } from './auth-service';
import {
  OWNER,
  SIGN_IN_FAILED,
  call,
  ok,
  failure,
  setUp,
  signIn,
  readAudit,
  closeAfterTest,
} from './sign-in.test-support';

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
    closeAfterTest(vault);
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
