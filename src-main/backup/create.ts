/**
 * Writing a backup: snapshot → tar (members streamed, hashed on the way, manifest last) → age
 * (passphrase/scrypt or an X25519 recipient) → `.zamok-backup-<hex>.partial` in the destination →
 * fsync → rename to `zamok-<vaultId>-<time>.zamokbackup` → fsync the folder. Nothing is ever held
 * whole in memory; a crash leaves only the temp names, removed by the next run. A destination that
 * fills up, disappears or turns read-only mid-run fails the run with one typed `BackupError`
 * (`destination_full` / `destination_missing` / `destination_not_writable`) and its temp files
 * removed: every stream of the run has an error listener, so no stream error escapes the run.
 */
import { createHash } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import { Encrypter } from 'age-encryption';
import { pack as tarPack, type Pack } from 'tar-stream';
import { readKeyringInfo, vaultPaths, type OpenVault } from '../vault';
import { isAgeRecipient } from './age-identity';
import { BackupError, isBackupError } from './errors';
import { appVersion, checkDestination, fsyncPath, removeStaleTemps, tempPath } from './files';
import { bestEffort, writeFailure } from './storage-errors';
import {
  BACKUP_FORMAT_VERSION,
  backupFileName,
  MEMBERS,
  type Manifest,
  type ManifestMember,
} from './manifest';
import { snapshotClosedVault, snapshotOpenVault } from './snapshot';

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

/** Waits for a tar entry to accept more, or to be destroyed (the run failed meanwhile). */
function drained(entry: Writable): Promise<void> {
  return new Promise(resolve => {
    const done = (): void => {
      entry.off('drain', done);
      entry.off('close', done);
      resolve();
    };
    entry.on('drain', done);
    entry.on('close', done);
  });
}

/** Adds one member whose size is known, hashing while streaming. */
async function addMember(
  tar: Pack,
  name: string,
  source: { path: string } | { bytes: Buffer },
  size: number,
  mtime: Date,
  onBytes: (n: number) => void,
): Promise<ManifestMember> {
  const hash = createHash('sha256');
  let written = 0;
  const changed = (): BackupError =>
    new BackupError('vault_busy', `${name} changed size during the backup; it will retry.`);
  await new Promise<void>((resolve, reject) => {
    const entry = tar.entry({ name, size, mode: 0o600, mtime, type: 'file' }, err =>
      err ? reject(err) : resolve(),
    ) as unknown as Writable;
    // A failed output destroys the entry; its error reaches the caller through the callback above.
    entry.on('error', () => undefined);
    void (async () => {
      try {
        const chunks: AsyncIterable<Buffer> | Buffer[] =
          'bytes' in source
            ? [source.bytes]
            : createReadStream(source.path, { highWaterMark: 256 * 1024 });
        for await (const chunk of chunks) {
          if (entry.destroyed) break; // closes the read stream too
          // The tar header already says `size`: a file that grew (or shrank) cannot be stored.
          if (written + chunk.length > size) throw changed();
          hash.update(chunk);
          written += chunk.length;
          onBytes(chunk.length);
          if (!entry.write(chunk)) await drained(entry);
        }
        if (written !== size) throw changed();
        if (!entry.destroyed) entry.end(() => undefined);
      } catch (caught) {
        const err = sourceError(caught, name, 'path' in source ? source.path : null);
        entry.destroy(err);
        reject(err);
      }
    })();
  });
  return { name, size, sha256: hash.digest('hex') };
}

/**
 * A member's source (a vault file) failed to read: a file deleted meanwhile is `vault_busy` (the
 * next run takes the vault as it is then); any other error keeps the source's path, so it is never
 * taken for a failure of the destination.
 */
function sourceError(err: unknown, name: string, path: string | null): Error {
  if (isBackupError(err)) return err;
  if ((err as { code?: unknown } | null)?.code === 'ENOENT') {
    return new BackupError('vault_busy', `${name} was removed during the backup; it will retry.`, {
      cause: err,
    });
  }
  const error = err instanceof Error ? err : new Error(String(err));
  if (path !== null && (error as { path?: unknown }).path === undefined) {
    Object.assign(error, { path });
  }
  return error;
}

function encrypter(e: BackupEncryption): Encrypter {
  const enc = new Encrypter();
  if (e.kind === 'passphrase') {
    if (e.passphrase.length === 0)
      throw new BackupError('no_recipient', 'The backup passphrase is empty.');
    if (e.scryptWorkFactor !== undefined) enc.setScryptWorkFactor(e.scryptWorkFactor);
    enc.setPassphrase(e.passphrase);
  } else {
    if (!isAgeRecipient(e.recipient)) {
      throw new BackupError(
        'no_recipient',
        'The backup recipient is not an age X25519 key (age1…).',
      );
    }
    enc.addRecipient(e.recipient);
  }
  return enc;
}

/** The tar → age → file chain of one run, and the failure of its output once there is one. */
interface Archive {
  /** Adds a member; rejects at once when the output has failed. */
  add(
    name: string,
    source: { path: string } | { bytes: Buffer },
    size: number,
    mtime: Date,
    onBytes: (n: number) => void,
  ): Promise<ManifestMember>;
  /** Ends the tar and waits until the last byte is in the file. */
  finish(): Promise<void>;
  /** Stops a failed run: tears the chain down and resolves once the file is closed. */
  abort(): Promise<void>;
}

async function openArchive(enc: Encrypter, partial: string): Promise<Archive> {
  const tar = tarPack();
  // A failed output destroys the tar (and its entries) with the output's error: it is reported
  // once, through `writing`, and must not also be thrown as an unhandled 'error' event.
  tar.on('error', () => undefined);
  const tarStream = Readable.from(tar).on('error', () => undefined);
  const encrypted = await enc.encrypt(Readable.toWeb(tarStream) as ReadableStream<Uint8Array>);
  const out = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
  // The DOM and node:stream/web ReadableStream types differ only in typings; same object at runtime.
  const writing = pipeline(
    Readable.fromWeb(encrypted as unknown as NodeReadableStream<Uint8Array>),
    out as Writable,
  );
  // Settles only on failure: every step of the run races it, so nothing waits on a dead stream.
  const failed = writing.then(
    () => new Promise<never>(() => undefined),
    (err: unknown) => {
      tar.destroy(err as Error);
      throw err;
    },
  );
  failed.catch(() => undefined); // raced below; never an unhandled rejection
  return {
    add: (name, source, size, mtime, onBytes) =>
      Promise.race([addMember(tar, name, source, size, mtime, onBytes), failed]),
    finish: async () => {
      tar.finalize();
      await writing;
    },
    abort: () => {
      if (!tar.destroyed) tar.destroy(new Error('backup run stopped'));
      if (out.closed) return Promise.resolve();
      const closed = new Promise<void>(resolve => out.once('close', () => resolve()));
      out.destroy();
      return closed;
    },
  };
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
  const enc = encrypter(o.encryption);
  const now = o.now ?? new Date();
  const { vaultId } = readKeyringInfo(o.vaultDir);
  const paths = vaultPaths(o.vaultDir);
  const work = tempPath(o.destination, 'tmp');
  const partial = tempPath(o.destination, 'partial');
  const progress = o.onProgress ?? (() => undefined);
  let archive: Archive | null = null;
  try {
    mkdirSync(work, { mode: 0o700 });
    const snapshot = join(work, MEMBERS.database);
    progress({ phase: 'snapshot', bytesDone: 0, bytesTotal: 0 });
    const facts =
      o.vault && !o.vault.closed
        ? snapshotOpenVault(o.vault, snapshot)
        : snapshotClosedVault(o.vaultDir, snapshot);
    const keyring = readFileSync(paths.keyring);
    const attachments = listAttachments(paths.attachments);
    const dbSize = statSync(snapshot).size;
    const total = dbSize + keyring.length + attachments.reduce((n, a) => n + a.size, 0);
    let done = 0;
    const onBytes = (n: number): void => {
      done += n;
      progress({ phase: 'write', bytesDone: done, bytesTotal: total });
    };

    archive = await openArchive(enc, partial);
    const members: ManifestMember[] = [];
    members.push(await archive.add(MEMBERS.database, { path: snapshot }, dbSize, now, onBytes));
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
    bestEffort(() => rmSync(work, { recursive: true, force: true }));
    bestEffort(() => rmSync(partial, { force: true }));
  }
}
