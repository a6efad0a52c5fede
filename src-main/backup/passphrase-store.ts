/**
 * Where the backup passphrase for scheduled runs lives: the OS keychain (service 'zamok', account
 * `backup-passphrase:<vaultId>`), never a file. Without a keychain, passphrase backups run only when
 * someone types the passphrase (runNow/CLI); scheduled runs then report `no_key`.
 */
import { AsyncEntry } from '@napi-rs/keyring';

/** The backup passphrase store. `get` resolves null when absent or unavailable. */
export interface BackupPassphraseStore {
  get(vaultId: string): Promise<string | null>;
  set(vaultId: string, passphrase: string): Promise<void>;
  remove(vaultId: string): Promise<void>;
}

function account(vaultId: string): string {
  return `backup-passphrase:${vaultId}`;
}

/** The OS keychain store (Secret Service, Keychain, Credential Manager). */
export function createKeychainPassphraseStore(service = 'zamok'): BackupPassphraseStore {
  return {
    async get(vaultId) {
      try {
        return await new AsyncEntry(service, account(vaultId)).getPassword();
      } catch {
        return null;
      }
    },
    async set(vaultId, passphrase) {
      const entry = new AsyncEntry(service, account(vaultId));
      await entry.setPassword(passphrase);
      if ((await entry.getPassword()) !== passphrase) {
        throw new Error('The OS keychain did not keep the backup passphrase.');
      }
    },
    async remove(vaultId) {
      try {
        await new AsyncEntry(service, account(vaultId)).deletePassword();
      } catch {
        // Absent or unavailable: nothing to forget.
      }
    },
  };
}

/** An in-memory store (tests, and hosts without a keychain). */
export function createMemoryPassphraseStore(): BackupPassphraseStore {
  const map = new Map<string, string>();
  return {
    get: async id => map.get(id) ?? null,
    set: async (id, p) => void map.set(id, p),
    remove: async id => void map.delete(id),
  };
}
