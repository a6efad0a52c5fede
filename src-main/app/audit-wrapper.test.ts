/**
 * The audit wrapper through the real router: what the owner's calls leave in the hash-chained log
 * (outcome, who, error code), what they must not leave (passwords), and which calls are not audited.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallError, Result } from '../../src-shared/ipc/contract';
import type { SetupResult, TotpEnrollment } from '../../src-shared/ipc/auth';
import { listAudit, verifyAuditChain, type AuditEntry } from '../audit';
import { generateTotp } from '../auth/totp';
import { createNoKeychainStore, unlockWithPassword, type OpenVault } from '../vault';
import { makeTempDir, TEST_KDF } from '../vault/temp-vault.test-support';
import { createZamokApp, type ZamokApp } from './compose';

const OWNER = {
  login: 'olena',
  displayName: 'Olena Koval',
  password: 'quiet river under old bridges',
};
const WRONG_CURRENT = 'a guess at the current one';
const NEW_PASSWORD = 'seven lanterns over the harbour';

const apps: ZamokApp[] = [];
const vaults: OpenVault[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
  for (const vault of vaults.splice(0)) vault.close();
});

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

/** A vault whose owner is signed in (setup signs them in). */
async function signedInOwner() {
  const now = Date.parse('2026-03-02T09:00:00Z');
  const dir = join(makeTempDir('zamok-audit-wrapper-'), 'vault');
  const app = createZamokApp({
    vaultDir: dir,
    host: 'preview',
    kdf: TEST_KDF,
    deviceStore: createNoKeychainStore(),
    clock: () => now,
  });
  apps.push(app);
  const { secret } = await ok<TotpEnrollment>(
    call(app, 'auth.beginTotpEnrollment', { login: OWNER.login }),
  );
  const setup = await ok<SetupResult>(
    call(app, 'auth.createVault', {
      vaultDir: dir,
      login: OWNER.login,
      displayName: OWNER.displayName,
      password: OWNER.password,
      totpCode: generateTotp(secret, now),
      deviceBinding: false,
    }),
  );
  return { app, dir, setup };
}

/** The whole log, newest first, read through the app's open vault. */
async function entries(app: ZamokApp): Promise<AuditEntry[]> {
  const vault = app.state.vault;
  if (!vault) throw new Error('nobody is signed in');
  return (await listAudit(vault.db, { limit: 500 })).entries;
}

describe('audit wrapper', () => {
  it('records a refused password change as failed, under the owner, without the passwords', async () => {
    const { app, setup } = await signedInOwner();
    const error = await failure(
      call(app, 'auth.changePassword', {
        currentPassword: WRONG_CURRENT,
        newPassword: NEW_PASSWORD,
      }),
    );
    expect(error.code).toBe('auth_failed');

    const [newest] = await entries(app);
    expect(newest).toMatchObject({
      action: 'auth.change_password',
      outcome: 'failed',
      userId: setup.user.id,
      userLogin: OWNER.login,
      details: { error: 'auth_failed' },
    });
    // Still signed in, and nothing changed: the old password opens the vault, the new one does not.
    expect(app.state.session?.login).toBe(OWNER.login);
    const opened = await unlockWithPassword(app.state.vaultDir, OWNER.login, OWNER.password, {
      deviceStore: createNoKeychainStore(),
    });
    vaults.push(opened);
    await expect(
      unlockWithPassword(app.state.vaultDir, OWNER.login, NEW_PASSWORD, {
        deviceStore: createNoKeychainStore(),
      }),
    ).rejects.toMatchObject({ code: 'auth_failed' });
  });

  it('records a weak new password and a refused recovery-key call as failed with their codes', async () => {
    const { app, setup } = await signedInOwner();
    expect(
      (
        await failure(
          call(app, 'auth.changePassword', {
            currentPassword: OWNER.password,
            newPassword: 'password1',
          }),
        )
      ).code,
    ).toBe('weak_password');
    // While signed in the recovery key is refused (sign out first).
    expect(
      (
        await failure(
          call(app, 'auth.resetPasswordWithRecoveryKey', {
            recoveryKey: setup.recoveryKey,
            login: OWNER.login,
            newPassword: NEW_PASSWORD,
          }),
        )
      ).code,
    ).toBe('conflict');

    const [reset, change] = await entries(app);
    expect(change).toMatchObject({
      action: 'auth.change_password',
      outcome: 'failed',
      userLogin: OWNER.login,
      details: { error: 'weak_password' },
    });
    expect(reset).toMatchObject({
      action: 'auth.reset_password_with_recovery_key',
      outcome: 'failed',
      userLogin: OWNER.login,
      details: { error: 'conflict' },
    });
    expect(JSON.stringify(reset)).not.toContain(setup.recoveryKey);
  });

  it('records a successful password change as ok, and no password in any entry', async () => {
    const { app } = await signedInOwner();
    await failure(
      call(app, 'auth.changePassword', {
        currentPassword: WRONG_CURRENT,
        newPassword: NEW_PASSWORD,
      }),
    );
    await ok(
      call(app, 'auth.changePassword', {
        currentPassword: OWNER.password,
        newPassword: NEW_PASSWORD,
      }),
    );
    const log = await entries(app);
    expect(log[0]).toMatchObject({
      action: 'auth.change_password',
      outcome: 'ok',
      userLogin: OWNER.login,
    });
    const text = JSON.stringify(log);
    for (const secret of [OWNER.password, WRONG_CURRENT, NEW_PASSWORD]) {
      expect(text).not.toContain(secret);
    }
    const vault = app.state.vault;
    if (!vault) throw new Error('signed out unexpectedly');
    expect(verifyAuditChain(vault)).toMatchObject({ ok: true, count: log.length });
  });

  it('does not audit status or TOTP enrollment reads', async () => {
    const { app } = await signedInOwner();
    const before = await entries(app);
    for (let i = 0; i < 3; i++) await ok(call(app, 'auth.status', {}));
    await ok(call(app, 'auth.beginTotpEnrollment', { login: 'mykola' }));
    expect(await entries(app)).toEqual(before);
  });

  it('records sign-out under the user whose session it ended', async () => {
    const { app, dir, setup } = await signedInOwner();
    await ok(call(app, 'auth.signOut', {}));
    expect(app.state.vault).toBeNull();
    const vault = await unlockWithPassword(dir, OWNER.login, OWNER.password, {
      deviceStore: createNoKeychainStore(),
    });
    vaults.push(vault);
    const [newest] = (await listAudit(vault.db, { limit: 1 })).entries;
    expect(newest).toMatchObject({
      action: 'auth.sign_out',
      outcome: 'ok',
      userId: setup.user.id,
      userLogin: OWNER.login,
    });
  });
});
