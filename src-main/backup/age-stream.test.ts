/**
 * The payload cipher on Node's ChaCha20-Poly1305 writes and reads plain age files: the Debian `age`
 * CLI opens what it writes, it opens what `age` writes, at every size around the 64 KiB chunk
 * boundaries; a flipped byte is `damaged`, a file cut at a chunk boundary `truncated`.
 */
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../vault/temp-vault.test-support';
import { fileKeyOf, newAgeHeader, readAgeHeader } from './age-header';
import {
  AGE_CHUNK_SIZE,
  AgePayloadError,
  createAgeDecryptStream,
  createAgeEncryptStream,
} from './age-stream';

const dir = makeTempDir('zamok-age-stream-');
let identity = '';
let recipient = '';
let identityFile = '';

beforeAll(async () => {
  identity = await generateX25519Identity();
  recipient = await identityToRecipient(identity);
  identityFile = join(dir, 'identity.txt');
  writeFileSync(identityFile, `${identity}\n`, { mode: 0o600 });
});

/** Encrypts `plain` for the test recipient with our payload cipher, in uneven pieces. */
async function encryptToFile(plain: Buffer, file: string): Promise<void> {
  const { header, fileKey } = await newAgeHeader({ recipient });
  const pieces = function* () {
    for (let at = 0; at < plain.length; at += 10_007) yield plain.subarray(at, at + 10_007);
  };
  await pipeline(
    Readable.from(pieces()),
    createAgeEncryptStream(header, fileKey),
    createWriteStream(file),
  );
}

/** Decrypts `file` with our payload cipher. */
async function decryptFile(file: string): Promise<Buffer> {
  const header = readAgeHeader(file);
  if (!header) throw new Error('no header');
  const fileKey = await fileKeyOf(header, { identity });
  const parts: Buffer[] = [];
  await pipeline(
    createReadStream(file, { start: header.length, highWaterMark: 50_000 }),
    createAgeDecryptStream(fileKey),
    new Writable({
      write(chunk: Buffer, _e, done) {
        parts.push(chunk);
        done();
      },
    }),
  );
  return Buffer.concat(parts);
}

const SIZES = [
  0,
  1,
  AGE_CHUNK_SIZE - 1,
  AGE_CHUNK_SIZE,
  AGE_CHUNK_SIZE + 1,
  3 * AGE_CHUNK_SIZE,
  200_003,
];

describe('age files with the payload on node:crypto', () => {
  it.each(SIZES)('age -d opens what we write (%i bytes)', async size => {
    const plain = randomBytes(size);
    const file = join(dir, `ours-${size}.age`);
    await encryptToFile(plain, file);
    const run = spawnSync('age', ['-d', '-i', identityFile, file], { maxBuffer: 1 << 24 });
    expect(run.stderr.toString()).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.equals(plain)).toBe(true);
  });

  it.each(SIZES)('we open what age -e writes (%i bytes)', async size => {
    const plain = randomBytes(size);
    const input = join(dir, `theirs-${size}.plain`);
    writeFileSync(input, plain);
    const file = join(dir, `theirs-${size}.age`);
    const run = spawnSync('age', ['-r', recipient, '-o', file, input], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect((await decryptFile(file)).equals(plain)).toBe(true);
  });

  it('a flipped payload byte is damaged; no plaintext past the bad chunk', async () => {
    const file = join(dir, 'flip.age');
    await encryptToFile(randomBytes(3 * AGE_CHUNK_SIZE), file);
    const bytes = readFileSync(file);
    const at = bytes.length - AGE_CHUNK_SIZE - 100; // inside the second of three chunks
    bytes[at] = (bytes[at] ?? 0) ^ 1;
    writeFileSync(file, bytes);
    await expect(decryptFile(file)).rejects.toMatchObject({
      name: 'AgePayloadError',
      reason: 'damaged',
    });
  });

  it('a file cut at a chunk boundary is truncated, not a shorter valid file', async () => {
    const file = join(dir, 'cut.age');
    await encryptToFile(randomBytes(3 * AGE_CHUNK_SIZE + 5), file);
    const header = readAgeHeader(file)?.length ?? 0;
    const cut = readFileSync(file).subarray(0, header + 16 + 2 * (AGE_CHUNK_SIZE + 16));
    writeFileSync(file, cut);
    const error = await decryptFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgePayloadError);
    expect((error as AgePayloadError).reason).toBe('truncated');
    expect(statSync(file).size).toBe(cut.length);
  });

  it('a passphrase header opens with the passphrase (age -d reads the same header)', async () => {
    const { header, fileKey } = await newAgeHeader({
      passphrase: 'pale horses',
      scryptWorkFactor: 10,
    });
    expect(
      Buffer.from(await fileKeyOf(header, { passphrase: 'pale horses' })).equals(
        Buffer.from(fileKey),
      ),
    ).toBe(true);
    await expect(fileKeyOf(header, { passphrase: 'wrong' })).rejects.toThrow();
  });
});
