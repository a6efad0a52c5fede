/**
 * The age v1 payload (the STREAM construction) with Node's own ChaCha20-Poly1305 (OpenSSL), about
 * ten times the speed of the pure-JS cipher inside the age library (issue 19). The header stays the
 * library's: it wraps the file key for the recipient (or the passphrase) and MACs the header; this
 * module only needs the file key, and the files it writes are plain age files (`age -d` opens them).
 *
 *   payload key = HKDF-SHA256(ikm = file key, salt = 16-byte nonce, info = "payload", 32 bytes)
 *   chunk i     = ChaCha20-Poly1305(payload key, nonce = 11-byte big-endian i ‖ last ? 0x01 : 0x00,
 *                                   plaintext of 64 KiB; the last chunk is shorter or full, and
 *                                   empty only when the whole payload is)
 *
 * Both directions are Transform streams holding at most one chunk (plus the readable side's
 * buffer), so memory stays bounded whatever the backup's size.
 */
import { hkdfSync, randomBytes } from 'node:crypto';
import { chacha } from '../crypto/chacha';
import { Transform, type TransformCallback } from 'node:stream';

/** Plaintext bytes per STREAM chunk (age v1). */
export const AGE_CHUNK_SIZE = 64 * 1024;
/** Poly1305 tag bytes after each chunk. */
export const AGE_TAG_SIZE = 16;
/** Bytes of the payload nonce that follows the header. */
export const AGE_NONCE_SIZE = 16;

/** A failure to open the payload: `damaged` (a tag did not verify) or `truncated` (cut short). */
export class AgePayloadError extends Error {
  constructor(
    readonly reason: 'damaged' | 'truncated',
    message: string,
  ) {
    super(message);
    this.name = 'AgePayloadError';
  }
}

function payloadKey(fileKey: Uint8Array, nonce: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', fileKey, nonce, 'payload', 32));
}

function chunkNonce(counter: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  // 11-byte counter; 2^53 chunks is far beyond any file (the top bytes stay zero).
  nonce.writeUIntBE(counter, 5, 6);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

function open(key: Buffer, counter: number, last: boolean, sealed: Buffer): Buffer | null {
  const end = sealed.length - AGE_TAG_SIZE;
  return chacha().open(
    key,
    chunkNonce(counter, last),
    sealed.subarray(0, end),
    sealed.subarray(end),
  );
}

/** Collects incoming buffers and hands out exact-size pieces without copying more than needed. */
class ByteQueue {
  private parts: Buffer[] = [];
  length = 0;

  push(chunk: Buffer): void {
    this.parts.push(chunk);
    this.length += chunk.length;
  }

  /** Removes and returns the first `n` bytes (n ≤ length). */
  take(n: number): Buffer {
    const first = this.parts[0];
    if (first && first.length >= n) {
      const piece = first.subarray(0, n);
      if (first.length === n) this.parts.shift();
      else this.parts[0] = first.subarray(n);
      this.length -= n;
      return piece;
    }
    const all = Buffer.concat(this.parts);
    this.parts = all.length > n ? [all.subarray(n)] : [];
    this.length -= n;
    return all.subarray(0, n);
  }
}

/** The payload side of a new age file: its nonce, and the sealing of each chunk in order. */
export interface AgePayloadSealer {
  /** The 16-byte payload nonce, written right after the header. */
  readonly nonce: Buffer;
  /**
   * Seals the next chunk (64 KiB; only the last may be shorter, and empty only when the whole
   * payload is): its ciphertext and its tag, to be written one after the other.
   */
  seal(plain: Uint8Array, last: boolean): [Buffer, Buffer];
  /** Wipes the payload key (after the last chunk, or when the run stops). */
  wipe(): void;
}

/** A fresh payload nonce and the payload key it gives under `fileKey` (wipe the key after use). */
export function newPayloadKey(fileKey: Uint8Array): { nonce: Buffer; key: Buffer } {
  const nonce = randomBytes(AGE_NONCE_SIZE);
  return { nonce, key: payloadKey(fileKey, nonce) };
}

/** A sealer for a new payload under `fileKey` (a fresh random nonce). */
export function createAgePayloadSealer(fileKey: Uint8Array): AgePayloadSealer {
  const { nonce, key } = newPayloadKey(fileKey);
  let counter = 0;
  return {
    nonce,
    seal(plain, last) {
      return chacha().seal(key, chunkNonce(counter++, last), plain);
    },
    wipe: () => key.fill(0),
  };
}

/**
 * Encrypts plaintext into the age payload: the 16-byte nonce, then the sealed chunks. `header` (the
 * age header for `fileKey`, from the library) is written first, so the output is a whole age file.
 */
export function createAgeEncryptStream(header: Uint8Array, fileKey: Uint8Array): Transform {
  const sealer = createAgePayloadSealer(fileKey);
  const queue = new ByteQueue();
  let started = false;
  const start = (stream: Transform): void => {
    if (started) return;
    started = true;
    stream.push(Buffer.from(header));
    stream.push(sealer.nonce);
  };
  const push = (stream: Transform, sealed: [Buffer, Buffer]): void => {
    stream.push(Buffer.concat(sealed));
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      start(this);
      queue.push(chunk);
      // A full chunk is sealed only once more bytes follow it: the last one carries the last flag.
      while (queue.length > AGE_CHUNK_SIZE) {
        push(this, sealer.seal(queue.take(AGE_CHUNK_SIZE), false));
      }
      done();
    },
    flush(done: TransformCallback) {
      start(this);
      push(this, sealer.seal(queue.take(queue.length), true));
      sealer.wipe();
      done();
    },
  });
}

/**
 * Decrypts an age payload (the bytes after the header: nonce, then sealed chunks) with the file key
 * the header gave. Fails with {@link AgePayloadError}: `damaged` when a chunk does not verify,
 * `truncated` when the stream ends where no last chunk can be.
 */
export function createAgeDecryptStream(fileKey: Uint8Array): Transform {
  const queue = new ByteQueue();
  const sealedSize = AGE_CHUNK_SIZE + AGE_TAG_SIZE;
  // A copy: the caller may wipe its file key at once; this one is wiped once the key is derived.
  const master = Buffer.from(fileKey);
  let key: Buffer | null = null;
  let counter = 0;
  const damaged = (): AgePayloadError =>
    new AgePayloadError('damaged', `age payload chunk ${counter} does not verify`);
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      queue.push(chunk);
      if (key === null) {
        if (queue.length < AGE_NONCE_SIZE) return done();
        key = payloadKey(master, queue.take(AGE_NONCE_SIZE));
        master.fill(0);
      }
      // A whole sealed chunk followed by more bytes cannot be the last one.
      while (queue.length > sealedSize) {
        const plain = open(key, counter, false, queue.take(sealedSize));
        if (plain === null) return done(damaged());
        counter++;
        this.push(plain);
      }
      done();
    },
    flush(done: TransformCallback) {
      if (key === null || queue.length < AGE_TAG_SIZE) {
        return done(new AgePayloadError('truncated', 'the age payload ends before its last chunk'));
      }
      // An empty last chunk is allowed only when the whole payload is empty.
      if (queue.length === AGE_TAG_SIZE && counter > 0) {
        return done(new AgePayloadError('truncated', 'the age payload ends with an empty chunk'));
      }
      const last = queue.take(queue.length);
      const plain = open(key, counter, true, last);
      if (plain === null) {
        // A full chunk sealed as "not last" is a file cut at a chunk boundary, not a damaged one.
        const cut = last.length === sealedSize && open(key, counter, false, last) !== null;
        key.fill(0);
        return done(
          cut
            ? new AgePayloadError('truncated', 'the age payload ends after a middle chunk')
            : damaged(),
        );
      }
      key.fill(0);
      this.push(plain);
      done();
    },
  });
}
