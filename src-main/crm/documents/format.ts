/**
 * The `.zdoc` file format: one document encrypted with its own random 256-bit key, in fixed-size
 * chunks so it can be streamed both ways and every chunk is checked before its bytes are released.
 *
 * Why chunks: AES-GCM over a whole 200 MB file checks its tag only at the end, so a streaming reader
 * would hand out unverified plaintext. Here each chunk is its own AES-256-GCM message:
 *
 *   header (36 bytes) = "ZDOC" ‖ version u8 (1) ‖ 3 zero bytes ‖ chunk size u32 BE ‖
 *                       nonce prefix (8 random bytes) ‖ file id (16 bytes, the row's UUID)
 *   chunk i           = ciphertext ‖ tag (16 bytes),
 *                       nonce = nonce prefix ‖ i (u32 BE), AAD = header ‖ final flag (1 byte)
 *
 * Every chunk but the last holds exactly `chunk size` plaintext bytes; the last holds fewer (an empty
 * last chunk when the size is a multiple) and has the final flag set. So a file cut at a chunk
 * boundary ends on a non-final chunk (truncated), a file cut inside a chunk fails its tag, chunks
 * cannot be reordered (counter in the nonce), and the header (in every AAD) binds them to this file
 * id and format. See docs/VAULT_FORMAT.md.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { DocumentError } from './errors';

/** Format version written into new files. */
export const ZDOC_VERSION = 1;
/** Plaintext bytes per chunk (64 KiB). */
export const ZDOC_CHUNK_SIZE = 64 * 1024;
/** Header length in bytes. */
export const ZDOC_HEADER_LENGTH = 36;
const MAGIC = Buffer.from('ZDOC', 'latin1');
const TAG_LENGTH = 16;
/** Counter limit: u32 chunks of 64 KiB = 256 TiB, far above the 200 MB cap. */
const MAX_CHUNKS = 0xffffffff;

/** A UUID (with dashes) as its 16 bytes. */
export function uuidBytes(id: string): Buffer {
  const hex = id.replace(/-/gu, '');
  if (!/^[0-9a-f]{32}$/iu.test(hex)) throw new DocumentError('not_found');
  return Buffer.from(hex, 'hex');
}

/** Builds a header for a new file. */
export function buildHeader(fileId: string, chunkSize: number = ZDOC_CHUNK_SIZE): Buffer {
  const header = Buffer.alloc(ZDOC_HEADER_LENGTH);
  MAGIC.copy(header, 0);
  header.writeUInt8(ZDOC_VERSION, 4);
  header.writeUInt32BE(chunkSize, 8);
  randomBytes(8).copy(header, 12);
  uuidBytes(fileId).copy(header, 20);
  return header;
}

/** Reads and checks a header: magic, version, chunk size, and that it belongs to `fileId`. */
export function parseHeader(header: Buffer, fileId: string): { chunkSize: number } {
  if (header.length < ZDOC_HEADER_LENGTH) throw new DocumentError('truncated');
  if (!header.subarray(0, 4).equals(MAGIC)) throw new DocumentError('tampered');
  const version = header.readUInt8(4);
  if (version > ZDOC_VERSION) throw new DocumentError('unsupported_format');
  if (version !== ZDOC_VERSION || header.readUIntBE(5, 3) !== 0)
    throw new DocumentError('tampered');
  const chunkSize = header.readUInt32BE(8);
  if (chunkSize < 1024 || chunkSize > 16 * 1024 * 1024) throw new DocumentError('tampered');
  if (!header.subarray(20, 36).equals(uuidBytes(fileId))) throw new DocumentError('tampered');
  return { chunkSize };
}

function nonceOf(header: Buffer, index: number): Buffer {
  const nonce = Buffer.alloc(12);
  header.copy(nonce, 0, 12, 20);
  nonce.writeUInt32BE(index, 8);
  return nonce;
}

function aadOf(header: Buffer, final: boolean): Buffer {
  return Buffer.concat([header, Buffer.from([final ? 1 : 0])]);
}

/** What the encrypting stream learned about the plaintext, known once it has finished. */
export interface EncryptSummary {
  size: number;
  sha256: string;
}

/**
 * A Transform: plaintext in, `.zdoc` bytes out (header first). `onFirstBytes` sees the first bytes
 * (up to one chunk) before anything is written, to sniff the type; throwing there stops the stream.
 * `maxBytes` stops a stream that grows past the limit (`too_large`). Summary via `summary()`.
 */
export class EncryptStream extends Transform {
  private readonly header: Buffer;
  private readonly key: Buffer;
  private pending: Buffer[] = [];
  private pendingLength = 0;
  private index = 0;
  private size = 0;
  private readonly hash = createHash('sha256');
  private started = false;
  private done: EncryptSummary | null = null;

  constructor(
    key: Buffer,
    fileId: string,
    private readonly options: {
      maxBytes: number;
      onFirstBytes?: (first: Buffer) => void;
      chunkSize?: number;
    },
  ) {
    super();
    if (key.length !== 32) throw new Error('A document key is 32 bytes.');
    // Own copy, wiped when the stream ends: the caller may wipe theirs at once.
    this.key = Buffer.from(key);
    this.header = buildHeader(fileId, options.chunkSize ?? ZDOC_CHUNK_SIZE);
  }

  private get chunkSize(): number {
    return this.header.readUInt32BE(8);
  }

  /** Size and SHA-256 (hex) of the plaintext; available after 'finish'. */
  summary(): EncryptSummary {
    if (!this.done) throw new Error('The stream has not finished.');
    return this.done;
  }

  private start(first: Buffer): void {
    if (this.started) return;
    this.started = true;
    this.options.onFirstBytes?.(first);
    this.push(this.header);
  }

  private sealChunk(plain: Buffer, final: boolean): void {
    if (this.index >= MAX_CHUNKS) throw new DocumentError('too_large');
    const cipher = createCipheriv('aes-256-gcm', this.key, nonceOf(this.header, this.index));
    cipher.setAAD(aadOf(this.header, final));
    const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    this.index += 1;
    this.push(body);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.size += chunk.length;
      if (this.size > this.options.maxBytes) throw new DocumentError('too_large');
      this.hash.update(chunk);
      this.pending.push(chunk);
      this.pendingLength += chunk.length;
      // Keep at least one byte back: the last chunk must be sealed with the final flag.
      while (this.pendingLength > this.chunkSize) {
        const all = Buffer.concat(this.pending);
        this.start(all.subarray(0, this.chunkSize));
        this.sealChunk(all.subarray(0, this.chunkSize), false);
        const rest = all.subarray(this.chunkSize);
        this.pending = [rest];
        this.pendingLength = rest.length;
      }
      callback();
    } catch (err) {
      callback(err as Error);
    }
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.key.fill(0);
    callback(error);
  }

  override _flush(callback: TransformCallback): void {
    try {
      const rest = Buffer.concat(this.pending);
      this.pending = [];
      this.start(rest);
      if (rest.length === this.chunkSize) {
        this.sealChunk(rest, false);
        this.sealChunk(Buffer.alloc(0), true);
      } else {
        this.sealChunk(rest, true);
      }
      this.done = { size: this.size, sha256: this.hash.digest('hex') };
      callback();
    } catch (err) {
      callback(err as Error);
    }
  }
}

/**
 * A Transform: `.zdoc` bytes in, verified plaintext out. Fails with `tampered` (a changed byte,
 * swapped or reordered chunks, a header of another file), `truncated` (file cut short) or
 * `unsupported_format`. When `expected` is given, the size and SHA-256 are checked at the end too.
 */
export class DecryptStream extends Transform {
  private readonly key: Buffer;
  private header: Buffer | null = null;
  private chunkSize = 0;
  private buffered: Buffer[] = [];
  private bufferedLength = 0;
  private index = 0;
  private finalSeen = false;
  private size = 0;
  private readonly hash = createHash('sha256');

  constructor(
    key: Buffer,
    private readonly fileId: string,
    private readonly expected?: { size: number; sha256: string },
  ) {
    super();
    if (key.length !== 32) throw new Error('A document key is 32 bytes.');
    // Own copy, wiped when the stream ends: the caller may wipe theirs at once.
    this.key = Buffer.from(key);
  }

  private openChunk(body: Buffer, final: boolean): void {
    const header = this.header;
    if (!header) throw new DocumentError('truncated');
    if (this.finalSeen) throw new DocumentError('tampered');
    if (body.length < TAG_LENGTH) throw new DocumentError('truncated');
    const decipher = createDecipheriv('aes-256-gcm', this.key, nonceOf(header, this.index));
    decipher.setAAD(aadOf(header, final));
    decipher.setAuthTag(body.subarray(body.length - TAG_LENGTH));
    let plain: Buffer;
    try {
      plain = Buffer.concat([
        decipher.update(body.subarray(0, body.length - TAG_LENGTH)),
        decipher.final(),
      ]);
    } catch (err) {
      throw new DocumentError('tampered', { cause: err });
    }
    this.index += 1;
    this.finalSeen = final;
    this.size += plain.length;
    if (this.expected && this.size > this.expected.size) throw new DocumentError('tampered');
    this.hash.update(plain);
    if (plain.length > 0) this.push(plain);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.buffered.push(chunk);
      this.bufferedLength += chunk.length;
      if (!this.header) {
        if (this.bufferedLength < ZDOC_HEADER_LENGTH) return callback();
        const all = Buffer.concat(this.buffered);
        this.header = Buffer.from(all.subarray(0, ZDOC_HEADER_LENGTH));
        this.chunkSize = parseHeader(this.header, this.fileId).chunkSize;
        const rest = all.subarray(ZDOC_HEADER_LENGTH);
        this.buffered = [rest];
        this.bufferedLength = rest.length;
      }
      const stored = this.chunkSize + TAG_LENGTH;
      // A full stored chunk is non-final only if more bytes follow: keep one back until then.
      while (this.bufferedLength > stored) {
        const all = Buffer.concat(this.buffered);
        this.openChunk(all.subarray(0, stored), false);
        const rest = all.subarray(stored);
        this.buffered = [rest];
        this.bufferedLength = rest.length;
      }
      callback();
    } catch (err) {
      callback(err as Error);
    }
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.key.fill(0);
    callback(error);
  }

  override _flush(callback: TransformCallback): void {
    try {
      if (!this.header) throw new DocumentError('truncated');
      const rest = Buffer.concat(this.buffered);
      this.buffered = [];
      const stored = this.chunkSize + TAG_LENGTH;
      if (rest.length === stored) {
        // A full chunk at the end: a correct file never ends like this (cut at a boundary).
        this.openChunk(rest, false);
        throw new DocumentError('truncated');
      }
      if (rest.length === 0) throw new DocumentError('truncated');
      this.openChunk(rest, true);
      if (this.expected) {
        const digest = this.hash.digest('hex');
        if (this.size !== this.expected.size || digest !== this.expected.sha256)
          throw new DocumentError('tampered');
      }
      callback();
    } catch (err) {
      callback(err as Error);
    }
  }
}
