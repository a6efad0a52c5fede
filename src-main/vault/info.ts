/**
 * What can be learned from keyring.json without any secret: for the sign-in screen and the security check.
 */
import { loadVaultKeyring } from './files';
import { findPasswordSlot } from './keyring';
import type { KdfParams } from './kdf';

/** Public facts about a vault's slots. */
export interface KeyringInfo {
  vaultId: string;
  slots: { id: string; kind: 'password' | 'recovery'; kdf: KdfParams; deviceBound: boolean }[];
}

/** True when `login` has a password slot. Throws the `loadVaultKeyring` errors for a bad vault. */
export function hasPasswordSlot(dir: string, login: string): boolean {
  return findPasswordSlot(loadVaultKeyring(dir), login) !== undefined;
}

/** Slot ids, kinds, KDF parameters and binding; no salts, hashes or wrapped keys. */
export function readKeyringInfo(dir: string): KeyringInfo {
  const keyring = loadVaultKeyring(dir);
  return {
    vaultId: keyring.vaultId,
    slots: keyring.slots.map(s => ({
      id: s.id,
      kind: s.kind,
      kdf: {
        memoryKiB: s.kdf.memoryKiB,
        iterations: s.kdf.iterations,
        parallelism: s.kdf.parallelism,
      },
      deviceBound: s.deviceBound,
    })),
  };
}
