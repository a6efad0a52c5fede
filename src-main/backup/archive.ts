/**
 * The tar → age → file chain of one backup run, in one pass over each member: its bytes are read
 * straight into the payload's buffers (./payload-writer.ts), hashed while the next read runs,
 * framed as tar (./tar-frame.ts) and sealed with Node's ChaCha20-Poly1305 (age STREAM) on a worker
 * thread. A failure
 * anywhere — the destination full, gone or read-only, a vault file changing or vanishing — ends
 * the run once, as a rejected `add`/`finish`; later calls fail at once with the same error, and
 * `abort` releases every file handle before the caller removes the temp files.
 */
import { createHash, type Hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import type { AgeHeader } from './age-header';
import { BackupError, isBackupError } from './errors';
import type { ManifestMember } from './manifest';
import { PayloadWriter } from './payload-writer';
import { TAR_END, tarHeader, tarPadding } from './tar-frame';

/** Reads `path` (exactly `size` bytes) into the payload, hashing and counting on the way. */
async function addFile(
  writer: PayloadWriter,
  reads: Set<FileHandle>,
  name: string,
  path: string,
  size: number,
  hash: Hash,
  onBytes: (n: number) => void,
): Promise<void> {
  const changed = (): BackupError =>
    new BackupError('vault_busy', `${name} changed size during the backup; it will retry.`);
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch (err) {
    throw sourceError(err, name, path);
  }
  reads.add(file);
  const source = file;
  let done = 0;
  const readNext = async () => {
    const at = done;
    const room = await writer.room();
    return source.read(room, 0, Math.min(room.length, size - at), at);
  };
  let pending = size > 0 ? readNext() : null;
  try {
    while (pending) {
      const { bytesRead, buffer } = await pending;
      pending = null;
      // The tar header already says `size`: a file that shrank (or grew) cannot be stored.
      if (bytesRead === 0) throw changed();
      const region = buffer.subarray(0, bytesRead);
      writer.advance(bytesRead);
      done += bytesRead;
      // The next read runs on the thread pool while these bytes are hashed (and sealed by the
      // writer's worker thread).
      if (done < size) pending = readNext();
      hash.update(region);
      onBytes(bytesRead);
      await writer.drain();
    }
    if ((await source.stat()).size !== size) throw changed();
  } catch (err) {
    throw sourceError(err, name, path);
  } finally {
    await pending?.catch(() => undefined);
    reads.delete(source);
    await source.close().catch(() => undefined);
  }
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

/** The tar → age → file chain of one run. */
export interface Archive {
  /** Adds a member; rejects at once when the run has already failed. */
  add(
    name: string,
    source: { path: string } | { bytes: Buffer },
    size: number,
    mtime: Date,
    onBytes: (n: number) => void,
  ): Promise<ManifestMember>;
  /** Ends the tar and waits until the last byte is in the file and synced. */
  finish(): Promise<void>;
  /** Stops a failed run and resolves once every file handle is closed. */
  abort(): Promise<void>;
}

/** Starts the chain into `partial` (created new, 0600), encrypted under `age`'s file key. */
export function openArchive(age: AgeHeader, partial: string): Archive {
  const opening = open(partial, 'wx', 0o600);
  opening.catch(() => undefined); // reported by the first add or finish
  let writer: PayloadWriter | null = null;
  let failure: { error: unknown } | null = null;
  /** Open member reads (vault files): closed before `abort` resolves. */
  const reads = new Set<FileHandle>();
  const run = async <T>(step: (w: PayloadWriter) => Promise<T>): Promise<T> => {
    if (failure) throw failure.error;
    try {
      writer ??= new PayloadWriter(await opening, age);
      return await step(writer);
    } catch (error) {
      failure ??= { error };
      throw error;
    }
  };
  return {
    add: (name, source, size, mtime, onBytes) =>
      run(async w => {
        const hash = createHash('sha256');
        await w.put(tarHeader({ name, size, mode: 0o600, mtime }));
        if ('bytes' in source) {
          if (source.bytes.length !== size) throw new Error(`${name}: size mismatch`);
          hash.update(source.bytes);
          await w.put(source.bytes);
          onBytes(size);
        } else {
          await addFile(w, reads, name, source.path, size, hash, onBytes);
        }
        await w.put(Buffer.alloc(tarPadding(size)));
        return { name, size, sha256: hash.digest('hex') };
      }),
    finish: () =>
      run(async w => {
        await w.put(TAR_END);
        await w.finish();
        await (await opening).close();
      }),
    abort: async () => {
      failure ??= { error: new Error('backup run stopped') };
      await writer?.stop();
      await Promise.all([...reads].map(r => r.close().catch(() => undefined)));
      const out = await opening.catch(() => null);
      await out?.close().catch(() => undefined);
    },
  };
}
