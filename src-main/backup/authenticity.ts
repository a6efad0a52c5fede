/**
 * Backup authenticity: `manifest.mac`, the member after manifest.json, holds
 * HMAC-SHA256(key, the exact manifest.json bytes) with key = HKDF-SHA256(the vault's data key,
 * salt "zamok-backup-manifest-mac", info vaultId). The manifest lists every member's sha256, so the
 * MAC covers the whole backup (database, keyring, attachments, vault id, time, author).
 *
 * Why a MAC keyed from the data key and not a signature: whoever checks a backup needs the data key
 * anyway to open the database (recovery key → the backup's own keyring, or the open vault), so a
 * MAC adds no key to keep; a signature key would need a place of its own that is usable while the
 * vault is locked, and any such place on the same disk is the attacker's too. The age layer alone
 * proves nothing for recovery-key backups: their recipient is public (backup.json), so anyone can
 * encrypt a tar of the vault's plain files to it.
 *
 * The MAC key cannot decrypt anything (a one-way HKDF output), so the app may keep it in memory
 * while locked, for scheduled runs after a sign-in (service.ts).
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { BackupError } from './errors';
import type { Manifest } from './manifest';

/** The key that signs (MACs) a vault's backup manifests, derived from its data key. */
export function backupAuthKey(dataKey: Buffer, vaultId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, 'zamok-backup-manifest-mac', vaultId, 32));
}

/** The hex MAC of manifest.json's bytes. */
export function manifestMac(authKey: Buffer, manifestBytes: Buffer): string {
  return createHmac('sha256', authKey).update(manifestBytes).digest('hex');
}

/** What a backup's manifest.json and manifest.mac were, as read. */
export interface ManifestAuth {
  manifestBytes: Buffer;
  /** The hex MAC from manifest.mac; null when the backup has none (made before it existed, or forged). */
  mac: string | null;
}

/**
 * How a backup was found authentic: `mac` checked with the data key; `passphrase` when only the age
 * passphrase was at hand (the MAC is there but unchecked: whoever made the file knew the
 * passphrase); `unauthenticated` when the caller allowed a backup without a MAC.
 */
export type Authenticity = 'mac' | 'passphrase' | 'unauthenticated';

function notAuthentic(message: string): BackupError {
  return new BackupError('not_authentic', message);
}

/**
 * Checks a backup's MAC (see the file comment). `dataKey` null: only a passphrase was at hand.
 * Throws `not_authentic` for a wrong MAC, and for a missing one unless `allowUnauthenticated`.
 */
export function checkAuthenticity(
  manifest: Manifest,
  auth: ManifestAuth,
  dataKey: Buffer | null,
  allowUnauthenticated = false,
): Authenticity {
  if (auth.mac === null) {
    if (allowUnauthenticated) return 'unauthenticated';
    throw notAuthentic(
      'This backup is not signed by its vault (made by a Zamok before backups were signed, or put together by someone else). Nothing was changed.',
    );
  }
  if (dataKey === null) return 'passphrase';
  const key = backupAuthKey(dataKey, manifest.vaultId);
  const expected = Buffer.from(manifestMac(key, auth.manifestBytes), 'hex');
  key.fill(0);
  const given = Buffer.from(auth.mac, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw notAuthentic(
      'This backup’s signature does not match its vault: it was changed or put together by someone else. Nothing was changed.',
    );
  }
  return 'mac';
}
