/**
 * Unlocking a vault with a password slot or the recovery slot. Every failed unlock is the same
 * `auth_failed` with the same message and about the same time (an unknown login still pays one
 * Argon2id derivation against a dummy slot), so a caller cannot probe which logins exist.
 */
import { createHmac } from 'node:crypto';
import { verifyCommitted } from './commit-check';
import { commitKey } from './commit-record';
import { makeOpenVault, openDatabase, type OpenVault } from './database';
import { DEVICE_SECRET_BYTES, type DeviceSecretStore } from './device';
import { AUTH_FAILED_MESSAGE, VaultError } from './errors';
import { loadVaultKeyring, vaultPaths } from './files';
import { findPasswordSlot, recoverySlot, type Keyring, type PasswordSlot } from './keyring';
import { decodeRecoveryKey } from './recovery-key';
import { deriveSlotKey, unwrapDataKey } from './slot-crypto';

function authFailed(): VaultError {
  return new VaultError('auth_failed', AUTH_FAILED_MESSAGE);
}

/**
 * Opens zamok.db with an unwrapped data key, after checking it still holds every write the commit
 * record vouches for (`vault_damaged` otherwise); the key is zeroed if opening fails.
 */
function openWithKey(dir: string, keyring: Keyring, dataKey: Buffer): OpenVault {
  try {
    const database = vaultPaths(dir).database;
    const key = commitKey(dataKey, keyring.vaultId);
    let committed;
    try {
      committed = verifyCommitted(dir, database, dataKey, key);
    } finally {
      key.fill(0);
    }
    const sqlite = openDatabase(database, dataKey, { create: false, vaultId: keyring.vaultId });
    return makeOpenVault(dir, keyring.vaultId, sqlite, dataKey, committed);
  } catch (err) {
    dataKey.fill(0);
    throw err;
  }
}

/** Spends one keychain read and one derivation like a real slot would, then fails: the unknown-login path. */
async function failLikeASlot(
  keyring: Keyring,
  login: string,
  password: string,
  deviceStore: DeviceSecretStore,
): Promise<never> {
  const model =
    keyring.slots.find((s): s is PasswordSlot => s.kind === 'password') ?? keyring.slots[0];
  if (model) {
    const salt = createHmac('sha256', Buffer.from(keyring.loginSalt, 'base64'))
      .update(`dummy-slot\n${login}`)
      .digest()
      .subarray(0, 16)
      .toString('base64');
    const deviceSecret = model.deviceBound
      ? ((await deviceStore.get(keyring.vaultId)) ?? Buffer.alloc(DEVICE_SECRET_BYTES))
      : null;
    const key = await deriveSlotKey(
      password,
      { ...model.kdf, salt },
      { kind: 'password', deviceBound: model.deviceBound },
      deviceSecret,
    );
    deviceSecret?.fill(0);
    key.fill(0);
  }
  throw authFailed();
}

/**
 * Unlocks with a login's password (and this device's secret when the slot is bound).
 * Errors: `auth_failed` (unknown login, wrong password, or a bound slot on another device), and the
 * file errors of `loadVaultKeyring` / zamok.db (`vault_missing`, `vault_corrupt`, `vault_newer`, …).
 */
export async function unlockWithPassword(
  dir: string,
  login: string,
  password: string,
  o: { deviceStore: DeviceSecretStore },
): Promise<OpenVault> {
  const keyring = loadVaultKeyring(dir);
  const slot = findPasswordSlot(keyring, login);
  if (!slot) return failLikeASlot(keyring, login, password, o.deviceStore);
  let deviceSecret: Buffer | null = null;
  if (slot.deviceBound) {
    // No secret here (another machine, keychain wiped): derive with a stand-in so timing stays the same.
    deviceSecret = (await o.deviceStore.get(keyring.vaultId)) ?? Buffer.alloc(DEVICE_SECRET_BYTES);
  }
  const slotKey = await deriveSlotKey(password, slot.kdf, slot, deviceSecret);
  deviceSecret?.fill(0);
  const dataKey = unwrapDataKey(slotKey, slot, { ...slot, vaultId: keyring.vaultId });
  slotKey.fill(0);
  if (!dataKey) throw authFailed();
  return openWithKey(dir, keyring, dataKey);
}

/**
 * Unlocks with the owner's recovery key (never device-bound). A mistyped key is `auth_failed` with a
 * message naming the typo; a well-formed but wrong key is `auth_failed` after the derivation.
 */
export async function unlockWithRecoveryKey(dir: string, recoveryKey: string): Promise<OpenVault> {
  const keyring = loadVaultKeyring(dir);
  const decoded = decodeRecoveryKey(recoveryKey);
  if (!decoded.ok) {
    const why = {
      length: 'it has the wrong number of characters',
      characters: 'it has characters that are not in a recovery key',
      checksum: 'its last group does not match (a typo somewhere)',
    }[decoded.problem];
    throw new VaultError('auth_failed', `This is not a valid recovery key: ${why}.`);
  }
  const slot = recoverySlot(keyring);
  const slotKey = await deriveSlotKey(decoded.bytes, slot.kdf, slot, null);
  decoded.bytes.fill(0);
  const dataKey = unwrapDataKey(slotKey, slot, { ...slot, vaultId: keyring.vaultId });
  slotKey.fill(0);
  if (!dataKey)
    throw new VaultError('auth_failed', 'This recovery key does not belong to this vault.');
  return openWithKey(dir, keyring, dataKey);
}
