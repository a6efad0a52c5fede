/**
 * Just enough ZIP to read an XLSX from disk without loading it: the central directory is read from
 * the end of the file, and one entry at a time is streamed through Node's raw inflate. Stored and
 * deflated entries only; ZIP64 (files over 4 GiB or 65,535 entries) is refused, as is an entry
 * whose inflated size passes `maxEntryBytes` (a zip bomb stops there, not at the end).
 */
import { open, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createInflateRaw } from 'node:zlib';
import { importError } from './errors';

/** One file inside the archive. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function invalid(): Error {
  return importError('xlsx_invalid', 'The spreadsheet file is damaged or not an XLSX file.');
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** The entries of the ZIP file at `path`, by name. */
export async function zipEntries(path: string): Promise<Map<string, ZipEntry>> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const tailLength = Math.min(size, 65_557);
    const tail = await readAt(file, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--)
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    if (eocd < 0) throw invalid();
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || dirOffset === 0xffffffff)
      throw importError('xlsx_zip64', 'This spreadsheet is too large to import (ZIP64).');
    if (dirOffset + dirSize > size) throw invalid();
    const dir = await readAt(file, dirOffset, dirSize);
    const entries = new Map<string, ZipEntry>();
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > dir.length || dir.readUInt32LE(at) !== CENTRAL) throw invalid();
      const nameLength = dir.readUInt16LE(at + 28);
      const extraLength = dir.readUInt16LE(at + 30);
      const commentLength = dir.readUInt16LE(at + 32);
      const entry: ZipEntry = {
        method: dir.readUInt16LE(at + 10),
        compressedSize: dir.readUInt32LE(at + 20),
        size: dir.readUInt32LE(at + 24),
        localHeaderOffset: dir.readUInt32LE(at + 42),
        name: dir.toString('utf8', at + 46, at + 46 + nameLength),
      };
      if (entry.compressedSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff)
        throw importError('xlsx_zip64', 'This spreadsheet is too large to import (ZIP64).');
      entries.set(entry.name, entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await file.close();
  }
}

/** The inflated bytes of one entry, streamed; refused past `maxEntryBytes`. */
export async function* zipEntryStream(
  path: string,
  entry: ZipEntry,
  maxEntryBytes: number,
): AsyncGenerator<Buffer> {
  const file = await open(path, 'r');
  let dataStart: number;
  try {
    const local = await readAt(file, entry.localHeaderOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) throw invalid();
    dataStart = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  } finally {
    await file.close();
  }
  if (entry.method !== 0 && entry.method !== 8) throw invalid();
  if (entry.compressedSize === 0) return;
  const raw = createReadStream(path, {
    start: dataStart,
    end: dataStart + entry.compressedSize - 1,
  });
  const source = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  raw.on('error', err => source.destroy(err));
  let total = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxEntryBytes)
        throw importError('xlsx_invalid', 'A part of the spreadsheet is too large to import.');
      yield chunk;
    }
  } catch (err) {
    if (err instanceof Error && 'code' in err && String(err.code).startsWith('Z_')) throw invalid();
    throw err;
  } finally {
    raw.destroy();
    source.destroy();
  }
}
