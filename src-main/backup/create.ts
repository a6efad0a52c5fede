/**
 * Writing a backup: snapshot → tar (members streamed, hashed on the way, manifest last) → age
 * (passphrase/scrypt or an X25519 recipient) → `.zamok-backup-<hex>.partial` in the destination →
 * fsync → rename to `zamok-<vaultId>-<time>.zamokbackup` → fsync the folder. Nothing is ever held
 * whole in memory; a crash leaves only the temp names, removed by the next run. A destination that
 * fills up, disappears or turns read-only mid-run fails the run with one typed `BackupError`
 * (`destination_full` / `destination_missing` / `destination_not_writable`) and its temp files
 * removed: every stream of the run has an error listener, so no stream error escapes the run.
 * The manifest is followed by `manifest.mac`, its MAC keyed from the vault's data key
 * (authenticity.ts).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readKeyringInfo, vaultPaths, type OpenVault } from '../vault';
import { isAgeRecipient } from './age-identity';
import { newAgeHeader, type AgeTarget } from './age-header';
import { backupAuthKey, manifestMac } from './authenticity';
import { openArchive, type Archive } from './archive';
import { BackupError } from './errors';
import { appVersion, checkDestination, fsyncPath, removeStaleTemps, tempPath } from './files';
import { bestEffort, writeFailure } from './storage-errors';
import {
  BACKUP_FORMAT_VERSION,
  backupFileName,
  MEMBERS,
  type Manifest,
  type ManifestMember,
} from './manifest';
import {
  closedDatabase,
  snapshotOpenVault,
  type ClosedDatabase,
  type SnapshotFacts,
} from './snapshot';

/** How the backup is encrypted: age allows a passphrase OR recipients in one file, not both. */
export type BackupEncryption =
  | {
      kind: 'passphrase';
      passphrase: string;
      /** scrypt log2(N); age's default 18 unless given (tests pass a low one). */
      scryptWorkFactor?: number;
    }
  | { kind: 'recipient'; recipient: string };

/** Progress of a long run, for a bar or JSON lines. */
export interface BackupProgress {
  phase: 'snapshot' | 'write' | 'done';
  bytesDone: number;
  bytesTotal: number;
}

/** What `createBackup` needs. */
export interface CreateBackupOptions {
  vaultDir: string;
  /** The open vault when signed in (VACUUM INTO); absent or closed → the closed files are copied. */
  vault?: OpenVault | null;
  destination: string;
  encryption: BackupEncryption;
  /** Login of the user who asked, or 'scheduler'. */
  createdBy: string;
  /**
   * The key that signs the manifest (authenticity.ts) when the vault is not open: kept by the app
   * since the last sign-in, or derived from the recovery key (CLI). Without it and without an open
   * vault the run is refused (`needs_key`): an unsigned backup could not be told from a forged one.
   */
  authKey?: Buffer | null;
  now?: Date;
  onProgress?: (p: BackupProgress) => void;
}

/** A finished (not yet verified) backup. */
export interface CreatedBackup {
  file: string;
  manifest: Manifest;
  /** Size of the encrypted file in bytes. */
  size: number;
}

function listAttachments(root: string): { name: string; path: string; size: number }[] {
  const out: { name: string; path: string; size: number }[] = [];
  const walk = (rel: string): void => {
    let names: string[];
    try {
      names = readdirSync(join(root, rel)).sort();
    } catch {
      return; // no attachments folder
    }
    for (const name of names) {
      const relPath = rel ? `${rel}/${name}` : name;
      const path = join(root, relPath);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(relPath);
      else if (stat.isFile())
        out.push({ name: `${MEMBERS.attachmentsPrefix}${relPath}`, path, size: stat.size });
    }
  };
  walk('');
  return out;
}

/** Who opens the backup, checked before any work (the header itself is made per file). */
function ageTarget(e: BackupEncryption): AgeTarget {
  if (e.kind === 'passphrase') {
    if (e.passphrase.length === 0)
      throw new BackupError('no_recipient', 'The backup passphrase is empty.');
    return { passphrase: e.passphrase, scryptWorkFactor: e.scryptWorkFactor };
  }
  if (!isAgeRecipient(e.recipient)) {
    throw new BackupError('no_recipient', 'The backup recipient is not an age X25519 key (age1…).');
  }
  return { recipient: e.recipient };
}

/** The manifest's signing key: from the open vault's data key, else the one given; a copy. */
function signingKey(o: CreateBackupOptions, vaultId: string): Buffer {
  if (o.vault && !o.vault.closed && o.vault.vaultId === vaultId) {
    const dataKey = o.vault.dataKey();
    try {
      return backupAuthKey(dataKey, vaultId);
    } finally {
      dataKey.fill(0);
    }
  }
  if (o.authKey) return Buffer.from(o.authKey);
  throw new BackupError(
    'needs_key',
    'Sign in to Zamok once (or give the recovery key) so that the backup can be signed; nothing was written.',
  );
}

/**
 * Writes one backup of `vaultDir` into `destination` and returns its path and manifest. Errors:
 * `destination_missing`, `destination_not_writable`, `destination_full` (also when the folder fills
 * up, disappears or turns read-only mid-run), `no_recipient`, `vault_busy`. The temp files are
 * removed (or, on a disk gone read-only, left under temp names for the next run); the vault is
 * only read.
 */
export async function createBackup(o: CreateBackupOptions): Promise<CreatedBackup> {
  checkDestination(o.destination);
  removeStaleTemps(o.destination);
  const target = ageTarget(o.encryption);
  const now = o.now ?? new Date();
  const { vaultId } = readKeyringInfo(o.vaultDir);
  const authKey = signingKey(o, vaultId);
  const paths = vaultPaths(o.vaultDir);
  const work = tempPath(o.destination, 'tmp');
  const partial = tempPath(o.destination, 'partial');
  const progress = o.onProgress ?? (() => undefined);
  let archive: Archive | null = null;
  try {
    mkdirSync(work, { mode: 0o700 });
    progress({ phase: 'snapshot', bytesDone: 0, bytesTotal: 0 });
    // Open vault: a consistent VACUUM INTO copy. Closed vault: zamok.db is read in place.
    let closed: ClosedDatabase | null = null;
    let snapshot = join(work, MEMBERS.database);
    let facts: SnapshotFacts;
    if (o.vault && !o.vault.closed) facts = snapshotOpenVault(o.vault, snapshot);
    else {
      closed = closedDatabase(o.vaultDir);
      snapshot = closed.path;
      facts = closed.facts;
    }
    const keyring = readFileSync(paths.keyring);
    const attachments = listAttachments(paths.attachments);
    const dbSize = closed ? closed.size : statSync(snapshot).size;
    const total = dbSize + keyring.length + attachments.reduce((n, a) => n + a.size, 0);
    let done = 0;
    const onBytes = (n: number): void => {
      done += n;
      progress({ phase: 'write', bytesDone: done, bytesTotal: total });
    };

    archive = openArchive(await newAgeHeader(target), partial);
    const members: ManifestMember[] = [];
    members.push(await archive.add(MEMBERS.database, { path: snapshot }, dbSize, now, onBytes));
    closed?.confirmUnchanged();
    members.push(
      await archive.add(MEMBERS.keyring, { bytes: keyring }, keyring.length, now, onBytes),
    );
    for (const a of attachments) {
      members.push(await archive.add(a.name, { path: a.path }, a.size, now, onBytes));
    }
    const manifest: Manifest = {
      format: 'zamok-backup',
      formatVersion: BACKUP_FORMAT_VERSION,
      vaultId,
      schemaVersion: facts.schemaVersion,
      appVersion: appVersion(),
      createdAt: now.toISOString(),
      createdBy: o.createdBy,
      counts: facts.counts,
      auditHead: facts.auditHead,
      members,
    };
    const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
    await archive.add(
      MEMBERS.manifest,
      { bytes: manifestBytes },
      manifestBytes.length,
      now,
      () => undefined,
    );
    const mac = Buffer.from(`${manifestMac(authKey, manifestBytes)}\n`, 'latin1');
    await archive.add(MEMBERS.mac, { bytes: mac }, mac.length, now, () => undefined);
    await archive.finish();

    fsyncPath(partial);
    const file = join(o.destination, backupFileName(vaultId, now));
    renameSync(partial, file);
    fsyncPath(o.destination);
    progress({ phase: 'done', bytesDone: total, bytesTotal: total });
    return { file, manifest, size: statSync(file).size };
  } catch (err) {
    await archive?.abort();
    throw writeFailure(err, o.destination, 'destination') ?? err;
  } finally {
    authKey.fill(0);
    bestEffort(() => rmSync(work, { recursive: true, force: true }));
    bestEffort(() => rmSync(partial, { force: true }));
  }
}
