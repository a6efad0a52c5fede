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
import { AUTH_FAILED_MESSAGE, DeviceSecretMissingError, VaultError } from './errors';
import { processCpuMs, type CpuMeter, type KdfParams } from './kdf';
import { loadVaultKeyring, vaultPaths } from './files';
import {
  findPasswordSlot,
  findPendingSlot,
  isSlotDamaged,
  recoverySlot,
  type Keyring,
  type PasswordSlot,
} from './keyring';
import { settleKeyring } from './keyring-changes';
import { slotDamaged } from './slot-check';
import { decodeRecoveryKey } from './recovery-key';
import { deriveSlotKey, unwrapDataKey } from './slot-crypto';

function authFailed(): VaultError {
  return new VaultError('auth_failed', AUTH_FAILED_MESSAGE);
}

/**
 * Opens zamok.db with an unwrapped data key (zeroed if opening fails), after checking it still holds
 * every write the commit record vouches for (`vault_damaged` otherwise), and settles the keyring's
 * pending slot changes. With `usedSlot`, the vault stays open only if that slot is still the login's
 * slot once settled: a password whose change never committed (or was replaced) opens nothing.
 */
function openWithKey(
  dir: string,
  keyring: Keyring,
  dataKey: Buffer,
  usedSlot?: PasswordSlot,
): OpenVault {
  let vault: OpenVault;
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
    vault = makeOpenVault(dir, keyring.vaultId, sqlite, dataKey, committed);
  } catch (err) {
    dataKey.fill(0);
    throw err;
  }
  try {
    const settled = settleKeyring(vault);
    if (usedSlot && !settled.slots.some(s => sameSlot(s, usedSlot))) throw authFailed();
    return vault;
  } catch (err) {
    vault.close();
    throw err;
  }
}

function sameSlot(a: { id: string; wrappedKey: string }, b: { id: string; wrappedKey: string }) {
  return a.id === b.id && a.wrappedKey === b.wrappedKey;
}

/**
 * Unwraps the data key from `slot` with `password` (and the device secret when bound): the key, or
 * null, and whether a bound slot found no device secret in this computer's keychain.
 */
async function tryPasswordSlot(
  keyring: Keyring,
  slot: PasswordSlot,
  password: string,
  deviceStore: DeviceSecretStore,
): Promise<{ dataKey: Buffer | null; secretMissing: boolean }> {
  let deviceSecret: Buffer | null = null;
  let secretMissing = false;
  if (slot.deviceBound) {
    // No secret here (another machine, keychain wiped): derive with a stand-in so timing stays the same.
    deviceSecret = await deviceStore.get(keyring.vaultId);
    secretMissing = deviceSecret === null;
    deviceSecret ??= Buffer.alloc(DEVICE_SECRET_BYTES);
  }
  const slotKey = await deriveSlotKey(password, slot.kdf, slot, deviceSecret);
  deviceSecret?.fill(0);
  const dataKey = unwrapDataKey(slotKey, slot, { ...slot, vaultId: keyring.vaultId });
  slotKey.fill(0);
  return { dataKey, secretMissing };
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
    const stored = model.deviceBound ? await deviceStore.get(keyring.vaultId) : null;
    const deviceSecret = model.deviceBound ? (stored ?? Buffer.alloc(DEVICE_SECRET_BYTES)) : null;
    const key = await deriveSlotKey(
      password,
      { ...model.kdf, salt },
      { kind: 'password', deviceBound: model.deviceBound },
      deviceSecret,
    );
    deviceSecret?.fill(0);
    key.fill(0);
    // Answer as a known login with a bound slot would, so the answer tells nothing about the login.
    if (model.deviceBound && stored === null) throw new DeviceSecretMissingError();
  }
  throw authFailed();
}

/** What opening a password slot cost: its stored parameters and the derivation's CPU time. */
export interface SlotCost {
  kdf: KdfParams;
  cpuMs: number;
  deviceBound: boolean;
}

/**
 * Unlocks with a login's password (and this device's secret when the slot is bound).
 * Errors: `auth_failed` (unknown login, wrong password; `DeviceSecretMissingError` for a bound slot
 * with no device secret in this computer's keychain), `key_slot_damaged` (the login's slot entry is
 * damaged: ./slot-check.ts), and the
 * file errors of `loadVaultKeyring` / zamok.db (`vault_missing`, `vault_corrupt`, `vault_newer`, …).
 */
export async function unlockWithPassword(
  dir: string,
  login: string,
  password: string,
  o: { deviceStore: DeviceSecretStore },
): Promise<OpenVault> {
  return (await unlockMeasured(dir, login, password, o)).vault;
}

/**
 * `unlockWithPassword`, also telling what the slot's derivation cost in CPU time on `o.cpu`
 * (default: this process), so a sign-in can re-calibrate a slot that is cheaper than designed.
 */
export async function unlockMeasured(
  dir: string,
  login: string,
  password: string,
  o: { deviceStore: DeviceSecretStore; cpu?: CpuMeter },
): Promise<{ vault: OpenVault; cost: SlotCost }> {
  const keyring = loadVaultKeyring(dir);
  // A change staged but not yet settled (./keyring-changes.ts) leaves two slots for one login: the
  // committed one is tried first, the staged one only if that fails; opening decides which holds.
  const candidates = [findPasswordSlot(keyring, login), findPendingSlot(keyring, login)].filter(
    (slot): slot is PasswordSlot => slot !== undefined,
  );
  if (candidates.length === 0) {
    // A damaged slot is not a wrong password: say so (and the caller does not count it).
    if (isSlotDamaged(keyring, login)) throw slotDamaged('password');
    return failLikeASlot(keyring, login, password, o.deviceStore);
  }
  const cpu = o.cpu ?? processCpuMs;
  let secretMissing = false;
  for (const slot of candidates) {
    const before = cpu();
    const tried = await tryPasswordSlot(keyring, slot, password, o.deviceStore);
    const cpuMs = cpu() - before;
    secretMissing ||= tried.secretMissing;
    if (tried.dataKey) {
      const { memoryKiB, iterations, parallelism } = slot.kdf;
      const vault = openWithKey(dir, keyring, tried.dataKey, slot);
      const kdf = { memoryKiB, iterations, parallelism };
      return { vault, cost: { kdf, cpuMs, deviceBound: slot.deviceBound } };
    }
  }
  throw secretMissing ? new DeviceSecretMissingError() : authFailed();
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
