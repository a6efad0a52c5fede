/**
 * Where a vault's sign-in secrets live, read from its key slots: a vault whose password slots are
 * device-bound keeps them in the OS keychain, an unbound one beside its files. The auth service
 * opens the vault's lockout counter and writes new slots by this, never by whether this process
 * happens to reach a keychain, so the app and the CLI always agree.
 */
import { openLockoutStore, type LockoutStore } from '../auth/lockout';
import { keychainLockoutCounter } from '../auth/lockout-counter';
import { createNoKeychainStore, readKeyringInfo, type DeviceSecretStore } from '../vault';

/** True when the vault's password slots are bound to this computer (keychain). */
export function vaultIsBound(vaultDir: string): boolean {
  return readKeyringInfo(vaultDir).slots.some(s => s.kind === 'password' && s.deviceBound);
}

/**
 * The vault's lockout store. Its MAC key lives where the vault's own secrets live; bound vaults
 * also keep the file's high-water mark in the keychain, so a rolled-back or deleted lockout.json is
 * refused at once, not only noticed after the next sign-in.
 */
export function openVaultLockout(
  vaultDir: string,
  deviceStore: DeviceSecretStore,
  clock: () => number,
): Promise<LockoutStore> {
  const { vaultId } = readKeyringInfo(vaultDir);
  const bound = vaultIsBound(vaultDir);
  return openLockoutStore({
    dir: vaultDir,
    vaultId,
    deviceStore: bound ? deviceStore : createNoKeychainStore(),
    clock,
    ...(bound ? { counter: keychainLockoutCounter(vaultDir, vaultId, deviceStore) } : {}),
  });
}
