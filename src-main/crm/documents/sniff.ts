/**
 * What kind of file a document is, decided from its first bytes (magic numbers), never from the
 * name the user's computer gave it. The name's extension only chooses between formats that share a
 * container (OLE: .doc/.xls; text: .txt/.csv). Anything not on the allow-list is refused.
 */
import { stripBidiControl } from '../../../src-shared/ipc/documents';
import { DocumentError } from './errors';

/** The allowed document types, by their MIME type. */
export const DOCUMENT_MIME_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/msword',
  'application/vnd.ms-excel',
  'text/plain',
  'text/csv',
] as const;
export type DocumentMimeType = (typeof DOCUMENT_MIME_TYPES)[number];

/** Types shown inside the app (images and PDF); the rest can only be saved as a copy. */
export const PREVIEWABLE_MIME_TYPES: readonly DocumentMimeType[] = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
];

function startsWith(bytes: Buffer, magic: readonly number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Buffer, at: number, length: number): string {
  return bytes.subarray(at, at + length).toString('latin1');
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** A zip-based office file: ODF names itself in its first entry; OOXML has word/ or xl/ parts. */
function sniffZip(first: Buffer, ext: string): DocumentMimeType | null {
  // ODF: the first entry is "mimetype", stored uncompressed; its contents follow the 30-byte header.
  if (ascii(first, 30, 8) === 'mimetype') {
    const nameLength = first.readUInt16LE(26);
    const extraLength = first.readUInt16LE(28);
    const value = ascii(first, 30 + nameLength + extraLength, 60);
    if (value.startsWith('application/vnd.oasis.opendocument.text'))
      return 'application/vnd.oasis.opendocument.text';
    if (value.startsWith('application/vnd.oasis.opendocument.spreadsheet'))
      return 'application/vnd.oasis.opendocument.spreadsheet';
    return null;
  }
  const names = first.toString('latin1');
  const isOoxml = names.includes('[Content_Types].xml');
  if ((isOoxml && names.includes('word/')) || (isOoxml && ext === 'docx'))
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if ((isOoxml && names.includes('xl/')) || (isOoxml && ext === 'xlsx'))
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return null;
}

/** Plain text: no NUL and no control bytes other than tab, line feed, form feed, carriage return. */
function looksLikeText(first: Buffer): boolean {
  for (const b of first) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1a)
      return false;
    if (b === 0x7f) return false;
  }
  return true;
}

/**
 * The MIME type of a document from its first bytes (up to 64 KiB) and the extension of its name.
 * Throws `empty` for no bytes and `type_not_allowed` for anything off the allow-list.
 */
export function sniffMimeType(first: Buffer, fileName: string): DocumentMimeType {
  if (first.length === 0) throw new DocumentError('empty');
  const ext = extensionOf(fileName);
  if (ascii(first, 0, 5) === '%PDF-') return 'application/pdf';
  if (startsWith(first, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(first, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(first, 0, 4) === 'RIFF' && ascii(first, 8, 4) === 'WEBP') return 'image/webp';
  if (ascii(first, 0, 6) === 'GIF87a' || ascii(first, 0, 6) === 'GIF89a') return 'image/gif';
  if (startsWith(first, [0x50, 0x4b, 0x03, 0x04]) && first.length >= 30) {
    const zip = sniffZip(first, ext);
    if (zip) return zip;
    throw new DocumentError('type_not_allowed');
  }
  if (startsWith(first, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (ext === 'doc') return 'application/msword';
    if (ext === 'xls') return 'application/vnd.ms-excel';
    throw new DocumentError('type_not_allowed');
  }
  if ((ext === 'txt' || ext === 'csv') && looksLikeText(first))
    return ext === 'csv' ? 'text/csv' : 'text/plain';
  throw new DocumentError('type_not_allowed');
}

/** The extensions each allowed type goes by; the first is the one given to a renamed file. */
export const DOCUMENT_EXTENSIONS: Readonly<Record<DocumentMimeType, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/msword': ['doc'],
  'application/vnd.ms-excel': ['xls'],
  'text/plain': ['txt'],
  'text/csv': ['csv'],
};

/** Longest file name kept (as the contract's schema). */
const MAX_NAME_LENGTH = 255;
/** What counts as an extension to replace: a short run of letters and digits after the last dot. */
const EXTENSION = /\.([A-Za-z0-9]{1,10})$/u;

function isDocumentMimeType(mimeType: string): mimeType is DocumentMimeType {
  return (DOCUMENT_MIME_TYPES as readonly string[]).includes(mimeType);
}

/**
 * `fileName` with the extension of the type its bytes were sniffed as: kept when it already is one
 * of the type's extensions, else the last extension is replaced (`scan.exe` holding a PNG →
 * `scan.png`), or one is added when the name has none (`Dr. Smith` → `Dr. Smith.pdf`). So a stored,
 * listed or offered name never ends in `.exe`, `.bat` or `.html`. Without a known type (`null`), only
 * extensions of allowed document types are kept, others removed (`scan.exe` → `scan`). Bidi
 * formatting characters are dropped.
 */
export function nameForType(rawName: string, mimeType: string | null): string {
  // Names stored before bidi controls were refused lose them here.
  const fileName = stripBidiControl(rawName);
  const match = EXTENSION.exec(fileName);
  const ext = match?.[1]?.toLowerCase() ?? '';
  const base = match ? fileName.slice(0, match.index) : fileName;
  if (mimeType === null || !isDocumentMimeType(mimeType)) {
    const known = Object.values(DOCUMENT_EXTENSIONS).some(list => list.includes(ext));
    return known ? fileName : base || 'document';
  }
  const allowed = DOCUMENT_EXTENSIONS[mimeType];
  if (allowed.includes(ext)) return fileName;
  const suffix = `.${allowed[0] ?? 'bin'}`;
  let kept = (base || 'document').slice(0, MAX_NAME_LENGTH - suffix.length);
  // Never end on half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/u.test(kept)) kept = kept.slice(0, -1);
  return `${kept}${suffix}`;
}
