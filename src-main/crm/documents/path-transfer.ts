/**
 * Tickets served from and to file paths: how a host without an HTTP route (Electron, with paths the
 * user chose in a native dialog in main; the CLI) moves document bytes. A saved copy appears under
 * its name only when complete and verified: it is written to a temp name beside it, fsynced, and
 * renamed; a failed check leaves nothing at the target.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { DocumentError } from './errors';
import type { TransferRegistry } from './transfers';

/** Streams the file at `path` into the upload of `ticket`. */
export async function uploadFromPath(
  transfers: TransferRegistry,
  ticket: string,
  path: string,
): Promise<{ size: number }> {
  const upload = transfers.take(ticket, 'upload');
  if (!upload) throw new DocumentError('ticket_unknown');
  // Open first: a read stream opened lazily could fail (the file was removed since it was picked)
  // before `receive` attaches its error handler, and that error would crash the process.
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw new DocumentError('size_mismatch', { cause: err });
  }
  const source = handle.createReadStream();
  try {
    return await upload.receive(source);
  } finally {
    source.destroy();
  }
}

/** Writes the verified bytes of the download `ticket` to `path` (temp + fsync + rename). */
export async function downloadToPath(
  transfers: TransferRegistry,
  ticket: string,
  path: string,
): Promise<{ size: number }> {
  const download = transfers.take(ticket, 'download');
  if (!download) throw new DocumentError('ticket_unknown');
  const temp = `${path}.${randomBytes(8).toString('hex')}.tmp`;
  try {
    await pipeline(await download.open(), createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
    const handle = await open(temp, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    return { size: download.size };
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
