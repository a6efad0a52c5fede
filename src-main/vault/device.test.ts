import { afterEach, describe, expect, it } from 'vitest';
import {
  createMemoryDeviceStore,
  createNoKeychainStore,
  readKeyringInfo,
  setPasswordSlot,
  unlockWithPassword,
  unlockWithRecoveryKey,
  type OpenVault,
} from './index';
import { createTestVault, TEST_KDF, TEST_OWNER } from './temp-vault.test-support';

const opened: OpenVault[] = [];
afterEach(() => {
  for (const v of opened.splice(0)) v.close();
});

describe('device binding (in-memory keychain; the OS keychain is in device.keychain.test.ts)', () => {
  it('binds the owner slot to the device secret; another device cannot open it, the recovery key can', async () => {
    const thisDevice = createMemoryDeviceStore();
    const created = await createTestVault({ deviceStore: thisDevice, deviceBinding: true });
    opened.push(created.vault);
    expect(created.deviceBinding).toBe('bound');
    created.vault.close();
    const info = readKeyringInfo(created.dir);
    expect(info.slots.find(s => s.kind === 'password')?.deviceBound).toBe(true);
    expect(info.slots.find(s => s.kind === 'recovery')?.deviceBound).toBe(false);

    opened.push(
      await unlockWithPassword(created.dir, TEST_OWNER.login, TEST_OWNER.password, {
        deviceStore: thisDevice,
      }),
    );
    const otherDevice = createMemoryDeviceStore();
    otherDevice.secrets.set(created.vaultId, Buffer.alloc(32, 9));
    for (const deviceStore of [otherDevice, createMemoryDeviceStore(), createNoKeychainStore()]) {
      await expect(
        unlockWithPassword(created.dir, TEST_OWNER.login, TEST_OWNER.password, { deviceStore }),
      ).rejects.toMatchObject({ code: 'auth_failed' });
    }
    opened.push(await unlockWithRecoveryKey(created.dir, created.recoveryKey));
  });

  it('proceeds unbound and says so when no keychain is available', async () => {
    const created = await createTestVault({
      deviceStore: createNoKeychainStore(),
      deviceBinding: true,
    });
    opened.push(created.vault);
    expect(created.deviceBinding).toBe('unavailable');
    expect(readKeyringInfo(created.dir).slots.every(s => !s.deviceBound)).toBe(true);
    created.vault.close();
    opened.push(
      await unlockWithPassword(created.dir, TEST_OWNER.login, TEST_OWNER.password, {
        deviceStore: createNoKeychainStore(),
      }),
    );
  });

  it('reports "off" when binding is not asked for, and stores no secret', async () => {
    const store = createMemoryDeviceStore();
    const created = await createTestVault({ deviceStore: store, deviceBinding: false });
    opened.push(created.vault);
    expect(created.deviceBinding).toBe('off');
    expect(store.secrets.size).toBe(0);
  });

  it('new slots reuse the vault’s device secret, so earlier bound slots keep working', async () => {
    const store = createMemoryDeviceStore();
    const created = await createTestVault({ deviceStore: store, deviceBinding: true });
    opened.push(created.vault);
    await setPasswordSlot(created.vault, 'anna', 'anna-password', {
      kdf: TEST_KDF,
      deviceStore: store,
      deviceBinding: true,
    });
    created.vault.close();
    expect(store.secrets.size).toBe(1);
    opened.push(
      await unlockWithPassword(created.dir, 'anna', 'anna-password', { deviceStore: store }),
    );
    opened.push(
      await unlockWithPassword(created.dir, TEST_OWNER.login, TEST_OWNER.password, {
        deviceStore: store,
      }),
    );
  });

  it('forgets the device secret when creation fails', async () => {
    const store = createMemoryDeviceStore();
    await expect(
      createTestVault({
        deviceStore: store,
        deviceBinding: true,
        initialize: () => {
          throw new Error('setup failed');
        },
      }),
    ).rejects.toThrow('setup failed');
    expect(store.secrets.size).toBe(0);
  });
});
