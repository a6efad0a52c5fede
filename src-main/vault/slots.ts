/**
 * Adding, rewrapping and removing password slots of an unlocked vault. Each change touches only the
 * one slot (zamok.db is never re-encrypted) and commits with the caller's database transaction
 * (./keyring-changes.ts): a slot change and its audit entry are kept or lost together.
 */
import { randomBytes } from 'node:crypto';
import type { OpenVault } from './database';
import { DEVICE_SECRET_BYTES, type DeviceSecretStore } from './device';
import { assertKdfParams, type KdfParams } from './kdf';
import {
  findPasswordSlot,
  isSlotDamaged,
  loginHash,
  normalizeLogin,
  type PasswordSlot,
} from './keyring';
import { currentKeyring, stageSlotChange } from './keyring-changes';
import { deriveSlotKey, newSalt, wrapDataKey } from './slot-crypto';

/**
 * The device secret to bind a new slot with: the vault's existing one, or a new one stored now.
 * Null when the keychain is unavailable (the slot is then unbound).
 */
async function deviceSecretFor(vaultId: string, store: DeviceSecretStore): Promise<Buffer | null> {
  if (!(await store.isAvailable())) return null;
  const existing = await store.get(vaultId);
  if (existing) return existing;
  const secret = randomBytes(DEVICE_SECRET_BYTES);
  try {
    await store.set(vaultId, secret);
  } catch {
    secret.fill(0);
    return null;
  }
  return secret;
}

/**
 * Adds a password slot for `login`, or rewraps its existing slot under a new password (new salt and
 * KDF parameters, same slot id). With `deviceBinding` and no keychain the slot is written unbound.
 */
export async function setPasswordSlot(
  vault: OpenVault,
  login: string,
  password: string,
  o: { kdf: KdfParams; deviceStore: DeviceSecretStore; deviceBinding: boolean },
): Promise<void> {
  if (normalizeLogin(login).length === 0) throw new RangeError('login is empty.');
  if (password.length === 0) throw new RangeError('password is empty.');
  assertKdfParams(o.kdf);
  const before = currentKeyring(vault);
  const deviceSecret = o.deviceBinding ? await deviceSecretFor(vault.vaultId, o.deviceStore) : null;
  const existing = findPasswordSlot(before, login);
  const identity = {
    id: existing?.id ?? randomBytes(16).toString('hex'),
    kind: 'password' as const,
    deviceBound: deviceSecret !== null,
    loginHash: loginHash(before, login),
  };
  const kdf = {
    algorithm: 'argon2id' as const,
    memoryKiB: o.kdf.memoryKiB,
    iterations: o.kdf.iterations,
    parallelism: o.kdf.parallelism,
    salt: newSalt(),
  };
  const slotKey = await deriveSlotKey(password, kdf, identity, deviceSecret);
  deviceSecret?.fill(0);
  const dataKey = vault.dataKey();
  const slot: PasswordSlot = {
    ...identity,
    kdf,
    ...wrapDataKey(slotKey, dataKey, { ...identity, vaultId: vault.vaultId }),
  };
  dataKey.fill(0);
  slotKey.fill(0);
  // Staging re-reads the file after the slow derivation, so a slot another process changed survives.
  stageSlotChange(vault, identity.loginHash, slot);
}

/** Deletes the password slot of `login` (a dismissed user). Returns false when there was none. */
export async function removePasswordSlot(vault: OpenVault, login: string): Promise<boolean> {
  const keyring = currentKeyring(vault);
  const slot = findPasswordSlot(keyring, login);
  if (slot) stageSlotChange(vault, slot.loginHash, null);
  // A damaged entry of that login goes too (staging a removal supersedes it).
  else if (isSlotDamaged(keyring, login)) stageSlotChange(vault, loginHash(keyring, login), null);
  else return false;
  return true;
}
