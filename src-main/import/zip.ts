/**
 * The XLSX reader's ZIP layer, on yauzl 3.4: the central directory is read from the end of the
 * file (`lazyEntries`, one entry at a time, ZIP64 included) and each part is inflated on demand
 * through its own `openReadStream`, so parts are read in any order and never held whole. Limits
 * against zip bombs: at most `MAX_ZIP_ENTRIES` entries; a part whose declared inflated size
 * passes the caller's cap is refused before inflating, and yauzl's `validateEntrySizes` stops a
 * part whose data inflates past its declared size. Whatever yauzl or zlib cannot read (a cut
 * directory, a bad signature, a broken deflate stream) is `xlsx_invalid`.
 */
import type { Readable } from 'node:stream';
import { openPromise, type Entry, type ZipFile } from 'yauzl';
import { RecordError } from '../crm/record/errors';
import { importError } from './errors';

/** Most entries an archive may list (an XLSX has tens; a directory of millions is a bomb). */
export const MAX_ZIP_ENTRIES = 10_000;

/** An open ZIP file: its entries by name, a stream of each, and `close` when done. */
export interface ZipArchive {
  /** The inflated bytes of part `name` (refused past `maxBytes`), or null when absent. */
  read(name: string, maxBytes: number): AsyncGenerator<Buffer> | null;
  close(): void;
}

/** An error from yauzl, zlib or the file → the importer's typed error (its own pass through). */
function typed(err: unknown): unknown {
  if (err instanceof RecordError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/u.test(code))
    return importError('file_unreadable', 'The file cannot be opened.');
  return importError('xlsx_invalid', 'The spreadsheet file is damaged or not an XLSX file.');
}

async function* inflated(zip: ZipFile, entry: Entry, maxBytes: number): AsyncGenerator<Buffer> {
  if (entry.uncompressedSize > maxBytes)
    throw importError('xlsx_invalid', 'A part of the spreadsheet is too large to import.');
  let stream: Readable | null = null;
  try {
    stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk;
  } catch (err) {
    throw typed(err);
  } finally {
    stream?.destroy();
  }
}

/** Opens the ZIP file at `path` and reads its central directory. */
export async function openZip(path: string): Promise<ZipArchive> {
  let zip: ZipFile;
  try {
    zip = await openPromise(path, {
      autoClose: false,
      lazyEntries: true,
      validateEntrySizes: true,
    });
  } catch (err) {
    throw typed(err);
  }
  const entries = new Map<string, Entry>();
  try {
    if (zip.entryCount > MAX_ZIP_ENTRIES)
      throw importError('xlsx_invalid', 'The spreadsheet file has too many parts.');
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
  } catch (err) {
    zip.close();
    throw typed(err);
  }
  return {
    read(name, maxBytes) {
      const entry = entries.get(name);
      return entry ? inflated(zip, entry, maxBytes) : null;
    },
    close: () => zip.close(),
  };
}
