/**
 * A device-bound vault restored onto a new computer (its keychain has no device secret for it): a
 * sign-in does not read "wrong password" but names the way in (the recovery key), for an unknown
 * login too, does not count toward the lockout, and the password reset with the recovery key then
 * lets the owner in. On the old computer a wrong password is still the one generic answer.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEVICE_SECRET_MISSING,
  type SetupResult,
  type TotpEnrollment,
} from '../../src-shared/ipc/auth';
import type { CallError } from '../../src-shared/ipc/contract';
import { generateTotp } from '../auth/totp';
import { createBackup } from '../backup/create';
import { authKeyFromRecoveryKey } from '../backup/keys';
import { readPlainRecipient } from '../backup/recipient';
import { restoreBackup } from '../backup/restore';
import { createMemoryDeviceStore, readKeyringInfo, type DeviceSecretStore } from '../vault';
import { makeTempDir, TEST_KDF } from '../vault/temp-vault.test-support';
import { ok } from '../backup/backup-vault.test-support';
import { createZamokApp, type ZamokApp } from './compose';

const OWNER = {
  login: 'olena',
  displayName: 'Olena Koval',
  password: 'quiet river under old bridges',
};
const NEW_PASSWORD = 'amber lantern over quiet fields';

const apps: ZamokApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
});

function openApp(vaultDir: string, deviceStore: DeviceSecretStore): ZamokApp {
  const app = createZamokApp({ vaultDir, host: 'preview', kdf: TEST_KDF, deviceStore });
  apps.push(app);
  return app;
}

/** A call's error (the test fails if it succeeded). */
async function failure(app: ZamokApp, channel: string, input: unknown): Promise<CallError> {
  const r = await app.router.call(`zamok:${channel}`, input, { host: 'preview' });
  if (r.ok) throw new Error('expected a failure, got ok');
  return r.error;
}

/** The old computer: a bound vault, a recovery-key backup of it, restored into a new folder. */
async function restoredOnNewComputer() {
  const root = makeTempDir('zamok-bound-restore-');
  const oldDir = join(root, 'old');
  const oldStore = createMemoryDeviceStore();
  const oldApp = openApp(oldDir, oldStore);
  const { secret } = await ok<TotpEnrollment>(oldApp, 'auth.beginTotpEnrollment', {
    login: OWNER.login,
  });
  const setup = await ok<SetupResult>(oldApp, 'auth.createVault', {
    vaultDir: oldDir,
    ...OWNER,
    totpCode: generateTotp(secret, Date.now()),
    deviceBinding: true,
  });
  expect(setup.deviceBinding).toBe('bound');
  await ok(oldApp, 'auth.signOut', {});
  const { vaultId } = readKeyringInfo(oldDir);
  const recipient = readPlainRecipient(oldDir, vaultId) ?? '';
  const backup = await createBackup({
    vaultDir: oldDir,
    destination: root,
    encryption: { kind: 'recipient', recipient },
    createdBy: 'cli',
    authKey: await authKeyFromRecoveryKey(oldDir, setup.recoveryKey),
  });
  const newDir = join(root, 'new');
  await restoreBackup({
    file: backup.file,
    secret: { recoveryKey: setup.recoveryKey },
    targetDir: newDir,
  });
  return { oldApp, newApp: openApp(newDir, createMemoryDeviceStore()), setup, secret };
}

describe('a device-bound vault restored onto another computer', () => {
  it('says to use the recovery key instead of "wrong password", and the reset lets the owner in', async () => {
    const { oldApp, newApp, setup, secret } = await restoredOnNewComputer();

    // The old computer: a wrong password is still the one generic answer.
    const wrong = await failure(oldApp, 'auth.signIn', {
      login: OWNER.login,
      password: 'not my password',
    });
    expect(wrong.details?.['reason']).toBeUndefined();

    // The new computer: the right password, a wrong one and an unknown login all get the same
    // answer naming the recovery key; none counts toward the lockout (ten tries, no lockout).
    for (let i = 0; i < 10; i++) {
      for (const attempt of [
        { login: OWNER.login, password: OWNER.password },
        { login: OWNER.login, password: 'not my password' },
        { login: 'nobody', password: OWNER.password },
      ]) {
        const error = await failure(newApp, 'auth.signIn', attempt);
        expect(error.code).toBe('auth_failed');
        expect(error.details).toEqual({ reason: DEVICE_SECRET_MISSING });
        expect(error.message).toMatch(/recovery key/);
      }
    }

    await ok(newApp, 'auth.resetPasswordWithRecoveryKey', {
      recoveryKey: setup.recoveryKey,
      login: OWNER.login,
      newPassword: NEW_PASSWORD,
    });
    const user = await ok<{ login: string }>(newApp, 'auth.signIn', {
      login: OWNER.login,
      password: NEW_PASSWORD,
      totpCode: generateTotp(secret, Date.now() + 30_000),
    });
    expect(user.login).toBe(OWNER.login);
  });
});
