/**
 * The tar → age → file chain of one backup run. Members are streamed into the tar (hashed on the
 * way), the age payload cipher (./age-stream.ts, Node's ChaCha20-Poly1305) encrypts the tar behind
 * the library-made header, and the result goes to the `.partial` file. A failure anywhere — the
 * destination full, gone or read-only, a vault file changing or vanishing — ends the run once, as a
 * rejected `add`/`finish`: the tar, its entries and the stream from it all have error listeners
 * (an ENOSPC on a tar entry used to be an uncaught exception that ended the process), every step
 * races the output's failure (nothing waits on a dead stream), and `abort` closes the file.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pack as tarPack, type Pack } from 'tar-stream';
import type { AgeHeader } from './age-header';
import { createAgeEncryptStream } from './age-stream';
import { BackupError, isBackupError } from './errors';
import type { ManifestMember } from './manifest';

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
  reads: Set<ReadStream>,
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
        let chunks: AsyncIterable<Buffer> | Buffer[] = [];
        if ('bytes' in source) chunks = [source.bytes];
        else {
          const read = createReadStream(source.path, { highWaterMark: 256 * 1024 });
          // Kept until closed, so a stopped run can wait for its file handle to be released.
          reads.add(read);
          read.once('close', () => reads.delete(read));
          chunks = read;
        }
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

/** The tar → age → file chain of one run, and the failure of its output once there is one. */
export interface Archive {
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

/** Starts the chain into `partial` (created new, 0600), encrypted under `age`'s file key. */
export function openArchive(age: AgeHeader, partial: string): Archive {
  const tar = tarPack();
  // A failed output destroys the tar (and its entries) with the output's error: it is reported
  // once, through `writing`, and must not also be thrown as an unhandled 'error' event.
  tar.on('error', () => undefined);
  const tarStream = Readable.from(tar).on('error', () => undefined);
  const out = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
  const writing = pipeline(
    tarStream,
    createAgeEncryptStream(age.header, age.fileKey),
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
  /** Open member reads (a vault file or the snapshot): closed by `abort`. */
  const reads = new Set<ReadStream>();
  const closeOf = (stream: { closed: boolean; once(e: 'close', f: () => void): unknown }) =>
    stream.closed ? Promise.resolve() : new Promise<void>(resolve => stream.once('close', resolve));
  return {
    add: (name, source, size, mtime, onBytes) =>
      Promise.race([addMember(reads, tar, name, source, size, mtime, onBytes), failed]),
    finish: async () => {
      tar.finalize();
      await writing;
    },
    abort: async () => {
      if (!tar.destroyed) tar.destroy(new Error('backup run stopped'));
      // Every file handle is released before the run's temp files are removed (a handle left on
      // a deleted snapshot keeps its disk space until the process ends).
      const handles = [out, ...reads].map(closeOf);
      out.destroy();
      for (const read of reads) read.destroy();
      await Promise.all(handles);
    },
  };
}
