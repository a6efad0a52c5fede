/**
 * This computer's device id, as sessions, the audit log, the new_device rule and the allowed-devices
 * check all see it. For a device-bound vault it is derived from the device secret in the OS keychain
 * (HMAC-SHA256 keyed by the secret, over the host and OS user names): renaming a machine after a
 * colleague's does not forge it, and two machines that were given the same secret still differ.
 * For an unbound vault it is a hash of host and OS user names, which anyone who can rename a
 * computer can copy (docs/THREAT_MODEL.md says so).
 */
import { createHash, createHmac } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { readKeyringInfo, type DeviceSecretStore } from '../vault';

/** What the id mixes in: the host and the OS account (no personal data leaves: only a digest). */
function machineName(): string {
  let user = '';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): the host name alone.
  }
  return `${hostname()}\u0000${user}`;
}

/** The id of this machine for unbound vaults: `dev-` + 16 hex of SHA-256(host ‖ user). */
export function hostDeviceId(name = machineName()): string {
  return `dev-${createHash('sha256').update(name).digest('hex').slice(0, 16)}`;
}

/** The id of this machine for a device-bound vault: `dev-` + 16 hex of HMAC(secret, label ‖ host ‖ user). */
export function boundDeviceId(secret: Buffer, name = machineName()): string {
  const mac = createHmac('sha256', secret).update(`zamok-device-id\u0000${name}`).digest('hex');
  return `dev-${mac.slice(0, 16)}`;
}

/** The app's view of its device id. */
export interface DeviceIdentity {
  /** The id for the vault last resolved (the host id until one is). Synchronous: wrappers read it. */
  current(): string;
  /** Works out (and remembers) the id for the vault in `dir`: keychain-bound when the vault is. */
  resolve(dir: string): Promise<string>;
}

/**
 * Creates the identity. `fixedId` replaces the computed id: only the browser test host passes it,
 * to act as a second computer on one test machine (compose.ts refuses it for other hosts).
 */
export function createDeviceIdentity(o: {
  deviceStore: DeviceSecretStore;
  fixedId?: string;
}): DeviceIdentity {
  if (o.fixedId !== undefined && !/^dev-[0-9a-z-]{4,60}$/.test(o.fixedId)) {
    // The devices channels accept only this shape: another id could never be approved.
    throw new Error('A fixed device id looks like dev-<4 to 60 of a-z, 0-9, ->.');
  }
  const host = o.fixedId ?? hostDeviceId();
  let current = host;
  const byVault = new Map<string, string>();
  return {
    current: () => current,
    async resolve(dir) {
      if (o.fixedId) return o.fixedId;
      let info: ReturnType<typeof readKeyringInfo>;
      try {
        info = readKeyringInfo(dir);
      } catch {
        // No vault (yet) or an unreadable keyring: the unlock that follows reports that.
        return (current = host);
      }
      const known = byVault.get(info.vaultId);
      if (known) return (current = known);
      const bound = info.slots.some(s => s.kind === 'password' && s.deviceBound);
      const secret = bound ? await o.deviceStore.get(info.vaultId) : null;
      const id = secret ? boundDeviceId(secret) : host;
      secret?.fill(0);
      // Only a keychain-derived id is remembered: a keychain that answers later is asked again.
      if (secret) byVault.set(info.vaultId, id);
      return (current = id);
    },
  };
}
