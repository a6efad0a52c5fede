/**
 * Device binding against the real OS keychain (Secret Service on Linux). `npm run test:unit` provides
 * a throwaway one; to run this file alone:
 *   bash scripts/with-test-keychain.sh npx vitest run src-main/vault
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createKeychainStore,
  readKeyringInfo,
  unlockWithPassword,
  unlockWithRecoveryKey,
  type DeviceSecretStore,
} from './index';
import { createTestVault, TEST_OWNER } from './temp-vault.test-support';

const HOW_TO_RUN =
  'No OS keychain (Secret Service) is reachable. `npm run test:unit` provides a throwaway one; for this file run: ' +
  'bash scripts/with-test-keychain.sh npx vitest run src-main/vault';

// A service name of its own, so the test never touches a real Zamok entry on a developer's machine.
const service = `zamok-test-${randomBytes(4).toString('hex')}`;
let keychain: DeviceSecretStore;

beforeAll(async () => {
  if (!(await createKeychainStore().isAvailable())) expect.fail(HOW_TO_RUN);
  keychain = createKeychainStore(service);
});

describe('OS keychain device secrets', () => {
  it('stores, reads back and forgets a device secret', async () => {
    const vaultId = randomBytes(16).toString('hex');
    const secret = randomBytes(32);
    expect(await keychain.get(vaultId)).toBeNull();
    await keychain.set(vaultId, secret);
    expect(await keychain.get(vaultId)).toEqual(secret);
    await keychain.remove(vaultId);
    expect(await keychain.get(vaultId)).toBeNull();
  });

  it('a bound slot opens only with this device’s secret; the recovery key opens regardless', async () => {
    const created = await createTestVault({ deviceStore: keychain, deviceBinding: true });
    try {
      expect(created.deviceBinding).toBe('bound');
      created.vault.close();
      expect(readKeyringInfo(created.dir).slots.find(s => s.kind === 'password')?.deviceBound).toBe(
        true,
      );

      const sameDevice = await unlockWithPassword(
        created.dir,
        TEST_OWNER.login,
        TEST_OWNER.password,
        {
          deviceStore: keychain,
        },
      );
      sameDevice.close();

      // Another machine: its keychain has no secret for this vault.
      const otherMachine = createKeychainStore(`${service}-other`);
      await expect(
        unlockWithPassword(created.dir, TEST_OWNER.login, TEST_OWNER.password, {
          deviceStore: otherMachine,
        }),
      ).rejects.toMatchObject({ code: 'auth_failed' });

      // This machine, but the keychain entry replaced by a different secret.
      const original = await keychain.get(created.vaultId);
      await keychain.set(created.vaultId, randomBytes(32));
      await expect(
        unlockWithPassword(created.dir, TEST_OWNER.login, TEST_OWNER.password, {
          deviceStore: keychain,
        }),
      ).rejects.toMatchObject({ code: 'auth_failed' });

      // And with no secret at all.
      await keychain.remove(created.vaultId);
      await expect(
        unlockWithPassword(created.dir, TEST_OWNER.login, TEST_OWNER.password, {
          deviceStore: keychain,
        }),
      ).rejects.toMatchObject({ code: 'auth_failed' });
      const recovered = await unlockWithRecoveryKey(created.dir, created.recoveryKey);
      expect(recovered.vaultId).toBe(created.vaultId);
      recovered.close();

      // Putting the original secret back restores the password slot.
      if (original) await keychain.set(created.vaultId, original);
      const restored = await unlockWithPassword(
        created.dir,
        TEST_OWNER.login,
        TEST_OWNER.password,
        {
          deviceStore: keychain,
        },
      );
      restored.close();
    } finally {
      created.vault.close();
      await keychain.remove(created.vaultId);
    }
  });
});
