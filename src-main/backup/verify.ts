/**
 * Verifying a backup: decrypt and unpack into a private temp folder, every member against its hash,
 * then — when a data key is at hand (the open vault of the same id, or the recovery key) — open the
 * snapshot: `PRAGMA cipher_integrity_check`, `quick_check`, vault id, counts, schema and audit head
 * equal to the manifest. With only a passphrase and no open vault the database is not opened, and
 * the result says so (`databaseChecked: false`). The manifest's MAC is checked with the data key
 * (authenticity.ts): a backup without one, or with one that does not match, is `not_authentic`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundledMigrationIds } from '../vault';
import { checkAuthenticity, type Authenticity } from './authenticity';
import { BackupError, isBackupError } from './errors';
import { intoFolder, readBackup, type ReadBackupResult } from './extract';
import { ageKeyFor, dataKeyFromRecoveryKey, explainWrongKey, type BackupSecret } from './keys';
import { MEMBERS, type Manifest } from './manifest';
import { openKeyed, readFacts } from './snapshot';
import { bestEffort, writeFailure, type WritePlace } from './storage-errors';

/** The outcome of a verification that passed (a failure throws `BackupError`). */
export interface VerifyResult {
  file: string;
  manifest: Manifest;
  /** True when the snapshot was opened and checked; false with only a passphrase. */
  databaseChecked: boolean;
  /** True when the backup has migrations this build does not know (restore would refuse). */
  schemaNewer: boolean;
  /** How the backup was found authentic (authenticity.ts). */
  authenticity: Authenticity;
  verifiedAt: string;
}

/** What `verifyBackup` and `unpackBackup` need. */
export interface OpenBackupOptions {
  file: string;
  secret: BackupSecret;
  /** The vault id, when the file name lacks it (renamed file) and the recovery key is used. */
  vaultId?: string;
  /** The data key of an open vault; used only when the backup is of that vault. */
  openVault?: { vaultId: string; dataKey(): Buffer } | null;
  /**
   * Accept a backup without manifest.mac (made before backups were signed); the result says
   * `authenticity: 'unauthenticated'`. A MAC that does not match is refused all the same.
   */
  allowUnauthenticated?: boolean;
  now?: Date;
  /** Plaintext bytes read so far and in all (for a progress bar); called as the file is read. */
  onBytes?: (done: number, total: number) => void;
}

/** Throws `newer_schema` unless the backup's migrations are a prefix of this build's. */
export function schemaIsNewer(manifest: Manifest): boolean {
  if (manifest.schemaVersion === null) return false;
  const bundled = bundledMigrationIds();
  return manifest.schemaVersion.some((id, i) => bundled[i] !== id);
}

/**
 * Unpacks a backup into `dir` (attachments too when `withAttachments`) and finds its data key.
 * Returns the manifest and the key (null with only a passphrase and no open vault of that id).
 */
export async function unpackBackup(
  o: OpenBackupOptions,
  dir: string,
  withAttachments: boolean,
  place: WritePlace = 'temporary',
): Promise<{ manifest: Manifest; dataKey: Buffer | null; authenticity: Authenticity }> {
  const into = intoFolder(dir);
  let read: ReadBackupResult;
  try {
    read = await readBackup(
      o.file,
      ageKeyFor(o.file, o.secret, o.vaultId),
      name => (withAttachments || !name.startsWith(MEMBERS.attachmentsPrefix) ? into(name) : null),
      place,
      o.onBytes,
    );
  } catch (err) {
    if (isBackupError(err, 'wrong_key')) throw explainWrongKey(o.file, o.secret);
    throw err;
  }
  const { manifest } = read;
  let dataKey: Buffer | null = null;
  if ('recoveryKey' in o.secret) {
    const keyringText = readFileSync(join(dir, MEMBERS.keyring), 'utf8');
    dataKey = await dataKeyFromRecoveryKey(keyringText, o.secret.recoveryKey);
  } else if (o.openVault && o.openVault.vaultId === manifest.vaultId) {
    dataKey = o.openVault.dataKey();
  }
  try {
    const authenticity = checkAuthenticity(manifest, read.auth, dataKey, o.allowUnauthenticated);
    return { manifest, dataKey, authenticity };
  } catch (err) {
    dataKey?.fill(0);
    throw err;
  }
}

/**
 * Opens the unpacked snapshot with its key and checks it against the manifest. A database that
 * does not open because its disk (in `place`) has no room for SQLite's shared-memory file is that
 * disk's failure, not a damaged backup.
 */
export function checkSnapshot(
  dbPath: string,
  dataKey: Buffer,
  manifest: Manifest,
  place: WritePlace = 'temporary',
): void {
  let sqlite;
  try {
    sqlite = openKeyed(dbPath, dataKey);
  } catch (err) {
    throw (
      writeFailure(err, dirname(dbPath), place) ??
      new BackupError('corrupt', 'The database in the backup does not open with its key.', {
        cause: err,
      })
    );
  }
  try {
    const cipherErrors = sqlite.pragma('cipher_integrity_check') as unknown[];
    const quick = sqlite.pragma('quick_check', { simple: true });
    if (cipherErrors.length > 0 || quick !== 'ok') {
      throw new BackupError('corrupt', 'The database in the backup fails its integrity check.');
    }
    const vaultId = sqlite
      .prepare("SELECT value FROM vault_meta WHERE key = 'vault_id'")
      .pluck()
      .get();
    if (vaultId !== manifest.vaultId) {
      throw new BackupError('corrupt', 'The database in the backup belongs to another vault.');
    }
    const facts = readFacts(sqlite);
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    if (
      (manifest.counts !== null && !same(facts.counts, manifest.counts)) ||
      (manifest.schemaVersion !== null && !same(facts.schemaVersion, manifest.schemaVersion)) ||
      (manifest.auditHead !== null && !same(facts.auditHead, manifest.auditHead))
    ) {
      throw new BackupError('corrupt', 'The database in the backup does not match its manifest.');
    }
  } finally {
    sqlite.close();
  }
}

/** Verifies a backup file end to end (see the file comment). Throws `BackupError` on any problem. */
export async function verifyBackup(o: OpenBackupOptions): Promise<VerifyResult> {
  let dir: string;
  try {
    dir = mkdtempSync(join(tmpdir(), 'zamok-verify-'));
  } catch (err) {
    throw writeFailure(err, tmpdir(), 'temporary') ?? err;
  }
  try {
    const { manifest, dataKey, authenticity } = await unpackBackup(o, dir, false);
    try {
      if (dataKey) checkSnapshot(join(dir, MEMBERS.database), dataKey, manifest);
    } catch (err) {
      throw writeFailure(err, dir, 'temporary') ?? err;
    } finally {
      dataKey?.fill(0);
    }
    return {
      file: o.file,
      manifest,
      databaseChecked: dataKey !== null,
      schemaNewer: schemaIsNewer(manifest),
      authenticity,
      verifiedAt: (o.now ?? new Date()).toISOString(),
    };
  } finally {
    bestEffort(() => rmSync(dir, { recursive: true, force: true }));
  }
}
