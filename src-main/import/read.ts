/**
 * Opens an import file as a table: the format from the first bytes (ZIP → XLSX; `BEGIN:VCARD` →
 * vCard; anything else CSV/TSV), the encoding and delimiter detected (./decode.ts, ./csv.ts), the
 * header row (the first non-empty one) and the header set's origin (Google, Outlook) recognised.
 * Data rows stream from the file; `rows()` may be called again to read the file again (the dry
 * run and the commit each make one pass).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parseCsv, type CsvDelimiter } from './csv';
import { decodeText, type DecodeInfo, type TextEncodingName } from './decode';
import { importError } from './errors';
import { recogniseProfile, type HeaderProfile } from './profiles';
import { VCARD_HEADERS, parseVCards } from './vcard';
import { readXlsxRows } from './xlsx';

/** The file formats the importer reads. */
export type ImportFormat = 'csv' | 'xlsx' | 'vcard';

/** What the file turned out to be, and its header row. */
export interface ImportTableInfo {
  format: ImportFormat;
  /**
   * The text encoding (CSV and vCard); null for XLSX. `ascii` until a pass over the rows meets the
   * first non-ASCII byte (the header pass usually does).
   */
  encoding: TextEncodingName | null;
  /** The CSV delimiter; null for XLSX and vCard. */
  delimiter: CsvDelimiter | null;
  headers: string[];
  profile: HeaderProfile;
}

/** An opened import file: its description and a fresh pass over its data rows. */
export interface ImportTable extends ImportTableInfo {
  /** The data rows (header excluded), each exactly `headers.length` cells. */
  rows(): AsyncGenerator<string[]>;
}

/** Options of {@link openImportFile}. */
export interface OpenOptions {
  /** Use this delimiter instead of sniffing one. */
  delimiter?: CsvDelimiter;
}

async function formatOf(path: string): Promise<ImportFormat> {
  const file = await open(path, 'r').catch(() => {
    throw importError('file_unreadable', 'The file cannot be opened.');
  });
  try {
    const head = Buffer.alloc(1024);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    if (bytesRead === 0) throw importError('file_empty', 'The file is empty.');
    if (head.readUInt32LE(0) === 0x04034b50) return 'xlsx';
    const text = head.subarray(0, bytesRead);
    // vCards are ASCII-compatible or UTF-16; look for the marker in both.
    const ascii = text.toString('latin1').replace(/\0/gu, '').replace(/^\W+/u, '');
    return /^BEGIN:VCARD/iu.test(ascii) ? 'vcard' : 'csv';
  } finally {
    await file.close();
  }
}

function textOf(path: string, info: DecodeInfo): AsyncGenerator<string> {
  return decodeText(createReadStream(path, { highWaterMark: 64 * 1024 }), info);
}

function fit(row: string[], width: number): string[] {
  const out = row.slice(0, width).map(c => c ?? '');
  while (out.length < width) out.push('');
  return out;
}

function isBlank(row: string[]): boolean {
  return row.every(c => c.trim().length === 0);
}

function cleanHeader(header: string): string {
  return header.replace(/^\uFEFF/u, '').trim();
}

/** Opens `path` for import: detects format, encoding, delimiter and reads the header row. */
export async function openImportFile(
  path: string,
  options: OpenOptions = {},
): Promise<ImportTable> {
  const format = await formatOf(path);
  const info: DecodeInfo = { encoding: 'ascii', bom: false };
  let delimiter: CsvDelimiter | null = null;
  const records = (): AsyncGenerator<string[]> => {
    if (format === 'xlsx') return readXlsxRows(path);
    if (format === 'vcard') return parseVCards(textOf(path, info));
    return parseCsv(textOf(path, info), options.delimiter, d => {
      delimiter = d;
    });
  };
  let headers: string[];
  if (format === 'vcard') {
    headers = [...VCARD_HEADERS];
    // Read the first card so the encoding is known before the caller asks.
    const first = records();
    await first.next();
    await first.return(undefined);
  } else {
    headers = [];
    const pass = records();
    for await (const record of pass) {
      if (isBlank(record)) continue;
      headers = record.map(cleanHeader);
      break;
    }
    await pass.return(undefined);
    if (headers.length === 0) throw importError('file_empty', 'The file has no rows.');
  }
  const width = headers.length;
  return {
    format,
    get encoding() {
      return format === 'xlsx' ? null : info.encoding;
    },
    get delimiter() {
      return delimiter;
    },
    headers,
    profile: format === 'vcard' ? 'vcard' : recogniseProfile(headers),
    async *rows() {
      let seenHeader = format === 'vcard';
      for await (const record of records()) {
        if (isBlank(record)) continue;
        if (!seenHeader) {
          seenHeader = true;
          continue;
        }
        yield fit(record, width);
      }
    },
  };
}
