/**
 * Device secrets: one random 32-byte secret per vault, kept in the OS keychain (Secret Service on Linux,
 * Keychain on macOS, Credential Manager on Windows). A device-bound password slot mixes it into its
 * wrapping key, so a copy of the vault folder alone does not open on another machine.
 */
import { randomBytes } from 'node:crypto';
import { AsyncEntry } from '@napi-rs/keyring';

/** Where device secrets live. Every method resolves; failures of the OS store read as "absent". */
export interface DeviceSecretStore {
  /** Whether secrets can be stored and read back here. */
  isAvailable(): Promise<boolean>;
  /** The secret for a vault, or null when there is none or the store cannot be read. */
  get(vaultId: string): Promise<Buffer | null>;
  /** Stores (replaces) the secret for a vault; throws when the store refuses it. */
  set(vaultId: string, secret: Buffer): Promise<void>;
  /** Forgets the secret for a vault (no error when absent). */
  remove(vaultId: string): Promise<void>;
}

/** Length in bytes of a device secret. */
export const DEVICE_SECRET_BYTES = 32;

function account(vaultId: string): string {
  return `device-secret:${vaultId}`;
}

/**
 * The OS keychain through @napi-rs/keyring (service `zamok` by default). Without a keychain the library
 * either throws ("Couldn't access platform storage") or returns null; both read as unavailable/absent.
 */
export function createKeychainStore(service = 'zamok'): DeviceSecretStore {
  let available: Promise<boolean> | undefined;
  return {
    isAvailable() {
      available ??= (async () => {
        // A write/read/delete round trip: a store that accepts writes but returns null is not usable.
        try {
          const probe = new AsyncEntry(service, 'availability-probe');
          const value = randomBytes(16).toString('base64');
          await probe.setPassword(value);
          const back = await probe.getPassword();
          await probe.deletePassword();
          return back === value;
        } catch {
          return false;
        }
      })();
      return available;
    },
    async get(vaultId) {
      let stored: string | null;
      try {
        stored = await new AsyncEntry(service, account(vaultId)).getPassword();
      } catch {
        return null;
      }
      if (stored === null) return null;
      const secret = Buffer.from(stored, 'base64');
      return secret.length === DEVICE_SECRET_BYTES ? secret : null;
    },
    async set(vaultId, secret) {
      if (secret.length !== DEVICE_SECRET_BYTES) {
        throw new Error(`A device secret is ${DEVICE_SECRET_BYTES} bytes.`);
      }
      const entry = new AsyncEntry(service, account(vaultId));
      const encoded = secret.toString('base64');
      await entry.setPassword(encoded);
      if ((await entry.getPassword()) !== encoded) {
        throw new Error('The OS keychain did not keep the device secret.');
      }
    },
    async remove(vaultId) {
      try {
        await new AsyncEntry(service, account(vaultId)).deletePassword();
      } catch {
        // Absent or store unavailable: nothing to forget.
      }
    },
  };
}

/** A store that never holds anything: vaults are created unbound (`--no-device-binding`, tests). */
export function createNoKeychainStore(): DeviceSecretStore {
  return {
    isAvailable: async () => false,
    get: async () => null,
    set: async () => {
      throw new Error('No OS keychain: device binding is off.');
    },
    remove: async () => undefined,
  };
}

/** An in-memory store, for tests that need a working keychain without the OS one. */
export function createMemoryDeviceStore(): DeviceSecretStore & {
  readonly secrets: Map<string, Buffer>;
} {
  const secrets = new Map<string, Buffer>();
  return {
    secrets,
    isAvailable: async () => true,
    get: async vaultId => {
      const s = secrets.get(vaultId);
      return s ? Buffer.from(s) : null;
    },
    set: async (vaultId, secret) => {
      secrets.set(vaultId, Buffer.from(secret));
    },
    remove: async vaultId => {
      secrets.delete(vaultId);
    },
  };
}
