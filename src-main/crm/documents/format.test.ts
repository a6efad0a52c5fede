/**
 * The `.zdoc` format as an attacker with the files (but not the keys) would test it: a changed
 * byte, swapped or dropped chunks, a cut-off file, a file renamed to another document's id, or a
 * wrong key all fail with a typed error and hand out no unchecked plaintext; a correct file comes
 * back byte for byte.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isDocumentError, type DocumentErrorReason } from './errors';
import { DecryptStream, EncryptStream, ZDOC_HEADER_LENGTH } from './format';

const CHUNK = 1024; // small chunks keep the tests fast; the format allows 1 KiB … 16 MiB

async function encrypt(plain: Buffer, key: Buffer, id: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  const enc = new EncryptStream(key, id, { maxBytes: 1 << 30, chunkSize: CHUNK });
  await pipeline(
    Readable.from([plain]),
    enc,
    new Writable({
      write(chunk: Buffer, _e, cb) {
        parts.push(chunk);
        cb();
      },
    }),
  );
  return Buffer.concat(parts);
}

async function decrypt(
  file: Buffer,
  key: Buffer,
  id: string,
  expected?: { size: number; sha256: string },
): Promise<{ plain: Buffer; released: number }> {
  const parts: Buffer[] = [];
  let released = 0;
  // Feed in odd-sized pieces so chunk boundaries never line up with reads.
  const pieces: Buffer[] = [];
  for (let at = 0; at < file.length; at += 777) pieces.push(file.subarray(at, at + 777));
  await pipeline(
    Readable.from(pieces),
    new DecryptStream(key, id, expected),
    new Writable({
      write(chunk: Buffer, _e, cb) {
        parts.push(chunk);
        released += chunk.length;
        cb();
      },
    }),
  );
  return { plain: Buffer.concat(parts), released };
}

async function failure(promise: Promise<unknown>): Promise<DocumentErrorReason> {
  try {
    await promise;
  } catch (err) {
    if (isDocumentError(err)) return err.reason;
    throw err;
  }
  throw new Error('expected a failure');
}

const stored = CHUNK + 16;

describe('zdoc format', () => {
  const key = randomBytes(32);
  const id = randomUUID();
  const plain = randomBytes(CHUNK * 3 + 100);
  const sha256 = createHash('sha256').update(plain).digest('hex');

  it('round-trips any size, including exact multiples of the chunk size and one byte', async () => {
    for (const size of [1, CHUNK - 1, CHUNK, CHUNK + 1, CHUNK * 4]) {
      const data = randomBytes(size);
      const file = await encrypt(data, key, id);
      // No plaintext on disk (checked on 16+ bytes: a 1-byte needle is found by chance).
      if (size >= 16) expect(file.includes(data.subarray(0, 16))).toBe(false);
      expect((await decrypt(file, key, id)).plain.equals(data)).toBe(true);
    }
    const file = await encrypt(plain, key, id);
    const back = await decrypt(file, key, id, { size: plain.length, sha256 });
    expect(back.plain.equals(plain)).toBe(true);
  });

  it('one changed byte anywhere → tampered', async () => {
    const file = await encrypt(plain, key, id);
    for (const at of [
      ZDOC_HEADER_LENGTH + 5,
      ZDOC_HEADER_LENGTH + stored + 3,
      file.length - 1,
      13,
    ]) {
      const bad = Buffer.from(file);
      bad[at] = (bad[at] ?? 0) ^ 0x01;
      expect(await failure(decrypt(bad, key, id))).toBe('tampered');
    }
  });

  it('swapped chunks or chunks taken from another document → tampered', async () => {
    const file = await encrypt(plain, key, id);
    const h = ZDOC_HEADER_LENGTH;
    const swapped = Buffer.concat([
      file.subarray(0, h),
      file.subarray(h + stored, h + 2 * stored),
      file.subarray(h, h + stored),
      file.subarray(h + 2 * stored),
    ]);
    expect(await failure(decrypt(swapped, key, id))).toBe('tampered');
    // Same key, another file id: the header binds chunks to their file.
    const otherId = randomUUID();
    const other = await encrypt(plain, key, otherId);
    const mixed = Buffer.concat([file.subarray(0, h + stored), other.subarray(h + stored)]);
    expect(await failure(decrypt(mixed, key, id))).toBe('tampered');
    // A whole file renamed to another document's id.
    expect(await failure(decrypt(other, key, id))).toBe('tampered');
  });

  it('a file cut short (at a chunk boundary, inside a chunk, in the header) → truncated/tampered', async () => {
    const file = await encrypt(plain, key, id);
    const h = ZDOC_HEADER_LENGTH;
    expect(await failure(decrypt(file.subarray(0, h + 2 * stored), key, id))).toBe('truncated');
    expect(await failure(decrypt(file.subarray(0, h), key, id))).toBe('truncated');
    expect(await failure(decrypt(file.subarray(0, 20), key, id))).toBe('truncated');
    expect(await failure(decrypt(file.subarray(0, file.length - 5), key, id))).toBe('tampered');
    // Dropping a whole middle chunk shifts the counters.
    const dropped = Buffer.concat([file.subarray(0, h + stored), file.subarray(h + 2 * stored)]);
    expect(await failure(decrypt(dropped, key, id))).toBe('tampered');
  });

  it('a wrong key, a newer version, or a wrong expected hash → typed errors', async () => {
    const file = await encrypt(plain, key, id);
    expect(await failure(decrypt(file, randomBytes(32), id))).toBe('tampered');
    const newer = Buffer.from(file);
    newer[4] = 2;
    expect(await failure(decrypt(newer, key, id))).toBe('unsupported_format');
    expect(
      await failure(decrypt(file, key, id, { size: plain.length, sha256: '0'.repeat(64) })),
    ).toBe('tampered');
  });

  it('releases no plaintext of a chunk that fails its check', async () => {
    const file = await encrypt(plain, key, id);
    const bad = Buffer.from(file);
    const at = ZDOC_HEADER_LENGTH + 2; // first chunk
    bad[at] = (bad[at] ?? 0) ^ 0xff;
    let released = -1;
    try {
      released = (await decrypt(bad, key, id)).released;
    } catch {
      released = 0;
    }
    expect(released).toBe(0);
  });

  it('refuses a stream larger than its limit', async () => {
    const enc = new EncryptStream(key, id, { maxBytes: 100, chunkSize: CHUNK });
    const run = pipeline(
      Readable.from([randomBytes(101)]),
      enc,
      new Writable({ write: (_c, _e, cb) => cb() }),
    );
    expect(await failure(run)).toBe('too_large');
  });
});
