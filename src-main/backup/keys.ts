/**
 * Turning what a person types into keys for a backup: the passphrase goes to age as is; the recovery
 * key becomes the vault's age identity (the vault id comes from the file name, or is given) and,
 * after decryption, unwraps the data key from the backup's own keyring.json.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeRecoveryKey, vaultPaths } from '../vault';
import { backupAuthKey } from './authenticity';
import { parseKeyring, recoverySlot } from '../vault/keyring';
import { deriveSlotKey, unwrapDataKey } from '../vault/slot-crypto';
import { backupIdentity } from './age-identity';
import { BackupError } from './errors';
import type { AgeKey } from './extract';
import { parseBackupFileName } from './manifest';

/** What opens a backup: a person's passphrase or recovery key, or the identity kept in the open vault. */
export type BackupSecret = { passphrase: string } | { recoveryKey: string } | { identity: string };

/** How a backup file is locked, read from its plain age header (no key needed). */
export function lockKind(file: string): 'passphrase' | 'recipient' | 'unknown' {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(256);
    const text = head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('latin1');
    if (text.includes('\n-> scrypt ')) return 'passphrase';
    if (text.includes('\n-> X25519 ')) return 'recipient';
    return 'unknown';
  } finally {
    closeSync(fd);
  }
}

/** The age key for `secret`; a recovery key needs the vault id (file name or `vaultId`). */
export function ageKeyFor(file: string, secret: BackupSecret, vaultId?: string): AgeKey {
  if ('passphrase' in secret) return { passphrase: secret.passphrase };
  if ('identity' in secret) return { identity: secret.identity };
  const id = vaultId ?? parseBackupFileName(basename(file))?.vaultId;
  if (id === undefined) {
    throw new BackupError(
      'wrong_key',
      'The vault id is not in this file name (renamed?); give it with the vault id option.',
    );
  }
  return { identity: backupIdentity(secret.recoveryKey, id) };
}

/** A clearer message when the person gave the other kind of secret. */
export function explainWrongKey(file: string, secret: BackupSecret): BackupError {
  const kind = lockKind(file);
  if (kind === 'passphrase' && 'recoveryKey' in secret) {
    return new BackupError(
      'wrong_key',
      'This backup is locked with the backup passphrase, not the recovery key.',
    );
  }
  if (kind === 'recipient' && !('recoveryKey' in secret)) {
    return new BackupError(
      'wrong_key',
      'This backup is locked with the recovery key, not a passphrase.',
    );
  }
  return new BackupError(
    'wrong_key',
    'This backup does not open with that passphrase or recovery key.',
  );
}

/**
 * The data key from a backup's keyring.json and the recovery key (one Argon2id derivation with the
 * slot's stored parameters). `wrong_key` when it does not unwrap.
 */
export async function dataKeyFromRecoveryKey(
  keyringText: string,
  recoveryKey: string,
): Promise<Buffer> {
  let keyring;
  try {
    keyring = parseKeyring(keyringText);
  } catch (err) {
    throw new BackupError('corrupt', 'The backup’s keyring.json does not read.', { cause: err });
  }
  const decoded = decodeRecoveryKey(recoveryKey);
  if (!decoded.ok)
    throw new BackupError('wrong_key', 'This is not a valid recovery key (check it for typos).');
  const slot = recoverySlot(keyring);
  const slotKey = await deriveSlotKey(decoded.bytes, slot.kdf, slot, null);
  decoded.bytes.fill(0);
  const dataKey = unwrapDataKey(slotKey, slot, { ...slot, vaultId: keyring.vaultId });
  slotKey.fill(0);
  if (!dataKey)
    throw new BackupError('wrong_key', 'This recovery key does not belong to this backup’s vault.');
  return dataKey;
}

/**
 * The manifest-signing key of the vault in `vaultDir`, from the recovery key (for a backup made
 * while nobody is signed in, e.g. the CLI). `wrong_key` when the key does not belong to the vault.
 */
export async function authKeyFromRecoveryKey(
  vaultDir: string,
  recoveryKey: string,
): Promise<Buffer> {
  const keyringText = readFileSync(vaultPaths(vaultDir).keyring, 'utf8');
  const dataKey = await dataKeyFromRecoveryKey(keyringText, recoveryKey);
  try {
    return backupAuthKey(dataKey, parseKeyring(keyringText).vaultId);
  } finally {
    dataKey.fill(0);
  }
}
