/**
 * Documents on disk: `attachments/<first 2 hex of id>/<id>.zdoc`. New files are written to a temp
 * name beside the target, fsynced, and renamed only when the database row is written; reading
 * streams through the chunk check; deleting shreds (random overwrite, fsync, unlink). Never a whole
 * file in memory: everything is a Node stream pipeline.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DocumentError } from './errors';
import { DecryptStream, EncryptStream } from './format';
import { sniffMimeType, type DocumentMimeType } from './sniff';

/** Largest document: 200 MB (MiB). */
export const MAX_DOCUMENT_BYTES = 200 * 1024 * 1024;

/** The final path of a document file. */
export function documentPath(attachmentsDir: string, id: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u.test(id))
    throw new DocumentError('not_found');
  return join(attachmentsDir, id.slice(0, 2), `${id}.zdoc`);
}

/** A document encrypted to a temp file, waiting for its database row. */
export interface StagedDocument {
  id: string;
  /** Temp file beside the final path (removed by `discardStaged`). */
  tempPath: string;
  finalPath: string;
  mimeType: DocumentMimeType;
  size: number;
  sha256: string;
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Encrypts `source` with `key` into a temp file for document `id`: sniffs the type from the first
 * bytes (refusing types off the allow-list before anything is written), stops past `maxBytes`,
 * checks `expectedSize` when given, fsyncs. On any failure the temp file is removed.
 */
export async function stageDocument(options: {
  attachmentsDir: string;
  id: string;
  key: Buffer;
  fileName: string;
  source: Readable;
  maxBytes?: number;
  expectedSize?: number;
}): Promise<StagedDocument> {
  const finalPath = documentPath(options.attachmentsDir, options.id);
  await mkdir(dirname(finalPath), { recursive: true, mode: 0o700 });
  const tempPath = `${finalPath}.${randomBytes(8).toString('hex')}.tmp`;
  let mimeType: DocumentMimeType | null = null;
  const encrypt = new EncryptStream(options.key, options.id, {
    maxBytes: Math.min(options.maxBytes ?? MAX_DOCUMENT_BYTES, MAX_DOCUMENT_BYTES),
    onFirstBytes: first => {
      mimeType = sniffMimeType(first, options.fileName);
    },
  });
  try {
    await pipeline(
      options.source,
      encrypt,
      createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }),
    );
    await fsyncPath(tempPath);
    const { size, sha256 } = encrypt.summary();
    if (options.expectedSize !== undefined && size !== options.expectedSize)
      throw new DocumentError('size_mismatch');
    if (mimeType === null) throw new DocumentError('empty');
    return { id: options.id, tempPath, finalPath, mimeType, size, sha256 };
  } catch (err) {
    await rm(tempPath, { force: true });
    // More bytes than announced (but under the cap) means the file changed while being sent.
    if (
      err instanceof DocumentError &&
      err.reason === 'too_large' &&
      options.expectedSize !== undefined &&
      options.expectedSize < MAX_DOCUMENT_BYTES
    )
      throw new DocumentError('size_mismatch');
    if (err instanceof DocumentError) throw err;
    throw new DocumentError('size_mismatch', { cause: err });
  }
}

/** Moves a staged file to its final name and makes the rename durable. */
export async function commitStaged(staged: StagedDocument): Promise<void> {
  await rename(staged.tempPath, staged.finalPath);
  await fsyncPath(dirname(staged.finalPath));
}

/** Removes a staged file that will not get a row (upload cancelled, refused, or expired). */
export async function discardStaged(staged: StagedDocument): Promise<void> {
  await rm(staged.tempPath, { force: true });
}

/**
 * A stream of the verified plaintext of a stored document. Errors (as stream errors):
 * `not_found` (no file), `tampered`, `truncated`, `unsupported_format`.
 */
export async function openDocumentStream(options: {
  attachmentsDir: string;
  id: string;
  key: Buffer;
  size: number;
  sha256: string;
}): Promise<Readable> {
  const path = documentPath(options.attachmentsDir, options.id);
  try {
    await stat(path);
  } catch (err) {
    throw new DocumentError('not_found', { cause: err });
  }
  const input: ReadStream = createReadStream(path);
  const output = new DecryptStream(options.key, options.id, {
    size: options.size,
    sha256: options.sha256,
  });
  input.on('error', err => output.destroy(err));
  output.on('close', () => input.destroy());
  return input.pipe(output);
}

/**
 * Shreds a document file: overwrites every byte with random data, fsyncs, unlinks, fsyncs the
 * folder. On SSDs and copy-on-write file systems old blocks may survive the overwrite; what makes
 * the content unreadable for sure is that its key is wiped from the database (docs/THREAT_MODEL.md).
 * A missing file is fine (already gone).
 */
export async function shredFile(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r+');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  try {
    const { size } = await handle.stat();
    const block = 64 * 1024;
    for (let at = 0; at < size; at += block) {
      const length = Math.min(block, size - at);
      await handle.write(randomBytes(length), 0, length, at);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rm(path, { force: true });
  await fsyncPath(dirname(path));
}

/**
 * Removes temp files of uploads that never finished (the app stopped between staging and the row)
 * when they are older than `olderThanMs`. Returns how many were removed. Finished documents
 * (`<id>.zdoc`) are never touched.
 */
export async function removeStaleStaged(
  attachmentsDir: string,
  olderThanMs: number,
  now: number = Date.now(),
): Promise<number> {
  let removed = 0;
  let folders: string[];
  try {
    folders = await readdir(attachmentsDir);
  } catch {
    return 0; // no attachments folder yet
  }
  for (const folder of folders) {
    if (!/^[0-9a-f]{2}$/u.test(folder)) continue;
    const dir = join(attachmentsDir, folder);
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (!/^[0-9a-f-]{36}\.zdoc\.[0-9a-f]{16}\.tmp$/u.test(name)) continue;
      const path = join(dir, name);
      const info = await stat(path).catch(() => null);
      if (!info || now - info.mtimeMs < olderThanMs) continue;
      await rm(path, { force: true });
      removed += 1;
    }
  }
  return removed;
}
