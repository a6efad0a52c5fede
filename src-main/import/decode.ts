/**
 * Bytes → text for import files, streaming. The encoding is decided from the bytes, not the OS:
 * a byte-order mark names UTF-8 / UTF-16LE / UTF-16BE; a file starting with `X\0` or `\0X` is
 * UTF-16 without a mark; otherwise the first 64 KiB after the first non-ASCII byte decide: valid
 * UTF-8 → UTF-8, else Windows-1251 (what Ukrainian Excel writes for "CSV"). Pure ASCII needs no
 * decision. A UTF-8 file that turns invalid later is refused (`encoding_mixed`) rather than
 * half-decoded. Node's own TextDecoder (full ICU) does the decoding; no detector library is needed
 * for the three candidates.
 */
import { importError } from './errors';

/** The encodings the readers tell apart. */
export type TextEncodingName = 'ascii' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

/** How many bytes after the first non-ASCII byte decide between UTF-8 and Windows-1251. */
const WINDOW = 64 * 1024;

/** What the decoder found, filled in as the text streams (read it after the first chunk). */
export interface DecodeInfo {
  encoding: TextEncodingName;
  bom: boolean;
}

function bomOf(head: Buffer): { encoding: TextEncodingName; length: number } | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function utf16Without(head: Buffer): TextEncodingName | null {
  if (head.length < 4) return null;
  if (head[0] !== 0 && head[1] === 0 && head[2] !== 0 && head[3] === 0) return 'utf-16le';
  if (head[0] === 0 && head[1] !== 0 && head[2] === 0 && head[3] !== 0) return 'utf-16be';
  return null;
}

/** True when `bytes` is valid UTF-8 (an unfinished sequence at the end counts unless `atEnd`). */
export function isUtf8(bytes: Buffer, atEnd: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !atEnd });
    return true;
  } catch {
    return false;
  }
}

function firstNonAscii(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] ?? 0) > 0x7f) return i;
  return -1;
}

async function* chunked(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  for await (const chunk of source) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}

/** Reads from `it` until `bytes` holds at least `min` bytes or the source ends. */
async function fill(
  it: AsyncIterator<Buffer>,
  bytes: Buffer,
  min: number,
): Promise<{ bytes: Buffer; done: boolean }> {
  const parts = [bytes];
  let length = bytes.length;
  while (length < min) {
    const next = await it.next();
    if (next.done === true) return { bytes: Buffer.concat(parts), done: true };
    parts.push(next.value);
    length += next.value.length;
  }
  return { bytes: Buffer.concat(parts), done: false };
}

function decoding(
  encoding: Exclude<TextEncodingName, 'ascii'>,
): (b: Buffer, end: boolean) => string {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  return (bytes, end) => {
    try {
      return decoder.decode(bytes, { stream: !end });
    } catch {
      throw importError('encoding_mixed', 'The file is not valid UTF-8 after its start.');
    }
  };
}

/**
 * Decodes a byte stream to text chunks, detecting the encoding as above; `info` is updated as soon
 * as the encoding is known (it stays `ascii` for a pure-ASCII file).
 */
export async function* decodeText(
  source: AsyncIterable<Buffer | string>,
  info: DecodeInfo = { encoding: 'ascii', bom: false },
): AsyncGenerator<string> {
  const it = chunked(source)[Symbol.asyncIterator]();
  let { bytes, done } = await fill(it, Buffer.alloc(0), 4);
  const bom = bomOf(bytes);
  const fixed = bom?.encoding ?? utf16Without(bytes);
  if (fixed !== null && fixed !== 'ascii') {
    info.encoding = fixed;
    info.bom = bom !== null;
    const decode = decoding(fixed);
    yield decode(bytes.subarray(bom?.length ?? 0), done);
    while (!done) {
      const next = await it.next();
      done = next.done === true;
      yield decode(done ? Buffer.alloc(0) : next.value, done);
    }
    return;
  }
  for (;;) {
    const at = firstNonAscii(bytes);
    if (at < 0) {
      if (bytes.length > 0) yield bytes.toString('latin1');
      if (done) return;
      const next = await it.next();
      done = next.done === true;
      bytes = done ? Buffer.alloc(0) : next.value;
      continue;
    }
    if (at > 0) yield bytes.subarray(0, at).toString('latin1');
    const window = await fill(it, bytes.subarray(at), WINDOW);
    done = window.done;
    const encoding = isUtf8(window.bytes, done) ? 'utf-8' : 'windows-1251';
    info.encoding = encoding;
    const decode = decoding(encoding);
    yield decode(window.bytes, done);
    while (!done) {
      const next = await it.next();
      done = next.done === true;
      yield decode(done ? Buffer.alloc(0) : next.value, done);
    }
    return;
  }
}
