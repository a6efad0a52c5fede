/**
 * Reading a backup: age-decrypt (streamed) → untar → each member hashed while it is written where the
 * caller wants it (or discarded) → the manifest (last member) checked against what was read.
 * Every way a file can be wrong ends in one typed `BackupError`:
 * not an age file → `not_a_backup`; no key matches → `wrong_key`; cut short → `truncated`;
 * anything else damaged (a flipped byte, a hash mismatch, odd members) → `corrupt`. A member that
 * cannot be written where the caller wants it (disk full, folder gone or read-only) is not the
 * file's fault: `target_full` / `target_not_writable`, never `corrupt`.
 */
import { createHash } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  openSync,
  readSync,
  closeSync,
  statSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract as tarExtract } from 'tar-stream';
import type { ManifestAuth } from './authenticity';
import { BackupError, isBackupError, WRITE_FAILURE_REASONS } from './errors';
import {
  isAllowedMemberName,
  manifestSchema,
  MEMBERS,
  type Manifest,
  type ManifestMember,
} from './manifest';
import { fileKeyOf, readAgeHeader } from './age-header';
import { AGE_CHUNK_SIZE, AGE_NONCE_SIZE, createAgeDecryptStream } from './age-stream';
import { AGE_MAGIC, streamPlaintextSize } from './listing';
import { writeFailure, type WritePlace } from './storage-errors';

/** What opens a backup: its passphrase, or an age identity (derived from the recovery key). */
export type AgeKey = { passphrase: string } | { identity: string };

/** Where each member goes: a file path to write, or null to only hash it. */
export type MemberSink = (name: string) => string | null;

const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

function startsLikeAge(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(AGE_MAGIC.length);
    const n = readSync(fd, head, 0, head.length, 0);
    return n === head.length && head.toString('latin1') === AGE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

function headerError(err: unknown): BackupError {
  const message = err instanceof Error ? err.message : '';
  if (/no identity matched/.test(message)) {
    return new BackupError(
      'wrong_key',
      'This backup does not open with that passphrase or recovery key.',
      { cause: err },
    );
  }
  return new BackupError('corrupt', 'The backup file is damaged (its header does not read).', {
    cause: err,
  });
}

/**
 * The file's payload, decrypted (header checked, file key unwrapped first). Read errors of the file
 * end the decrypted stream with the same error.
 */
async function openPayload(
  file: string,
  key: AgeKey,
  highWaterMark: number,
): Promise<{ plain: Transform; headerLength: number }> {
  const header = readAgeHeader(file);
  if (header === null) {
    throw new BackupError('corrupt', 'The backup file is damaged (its header does not read).');
  }
  let fileKey: Uint8Array;
  try {
    fileKey = await fileKeyOf(header, key);
  } catch (err) {
    throw headerError(err);
  }
  const source = createReadStream(file, { start: header.length, highWaterMark });
  const plain = createAgeDecryptStream(fileKey);
  fileKey.fill(0);
  source.on('error', err => plain.destroy(err));
  plain.on('close', () => source.destroy());
  source.pipe(plain);
  return { plain, headerLength: header.length };
}

/** A decrypted stream and what is needed to tell a cut-short file from a damaged one. */
interface Decrypted {
  plain: Readable;
  /** Plaintext size the file's length implies; null when that length is impossible (cut short). */
  expected: number | null;
}

/** Opens the decrypted tar stream of a backup file (the header is checked before this resolves). */
async function decryptedStream(file: string, key: AgeKey): Promise<Decrypted> {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch (err) {
    throw new BackupError('not_a_backup', 'There is no backup file at this path.', { cause: err });
  }
  if (size < AGE_MAGIC.length || !startsLikeAge(file)) {
    throw new BackupError('not_a_backup', 'This file is not a Zamok backup (not an age file).');
  }
  const { plain, headerLength } = await openPayload(file, key, 256 * 1024);
  return { plain, expected: streamPlaintextSize(size - headerLength - AGE_NONCE_SIZE) };
}

/** age encrypts in 64 KiB chunks: a failure within the last one is where a cut-short file fails. */
const AGE_CHUNK = AGE_CHUNK_SIZE;

/**
 * How much plaintext the file gives before decryption fails, read again with nothing slowing the
 * reader (the error path only). The first pass cannot tell: its reader is the tar extractor writing
 * members to disk, and when an age stream fails it drops the decrypted chunks it still held, so how
 * far that reader got depended on the machine's load (a cut-short file was once called damaged).
 * Here the file comes in one age chunk at a time and is read at once, so at most a chunk or two is
 * dropped.
 */
export async function plaintextBeforeFailure(file: string, key: AgeKey): Promise<number> {
  let count = 0;
  try {
    const { plain } = await openPayload(file, key, AGE_CHUNK + 16);
    for await (const chunk of plain as AsyncIterable<Buffer>) count += chunk.length;
  } catch {
    // Where it failed is the answer.
  }
  return count;
}

/** Counts and hashes bytes that pass through. */
function hasher(): Transform & { result(): { size: number; sha256: string } } {
  const hash = createHash('sha256');
  let size = 0;
  const t = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      size += chunk.length;
      cb(null, chunk);
    },
  });
  return Object.assign(t, { result: () => ({ size, sha256: hash.digest('hex') }) });
}

function checkAgainstManifest(manifest: Manifest, seen: ManifestMember[]): void {
  const listed = new Map(manifest.members.map(m => [m.name, m]));
  if (listed.size !== manifest.members.length || listed.size !== seen.length) {
    throw new BackupError('corrupt', 'The backup’s members do not match its manifest.');
  }
  for (const member of seen) {
    const expected = listed.get(member.name);
    if (!expected || expected.size !== member.size || expected.sha256 !== member.sha256) {
      throw new BackupError(
        'corrupt',
        `The backup is damaged: ${member.name} does not match its hash.`,
      );
    }
  }
  if (!listed.has(MEMBERS.database) || !listed.has(MEMBERS.keyring)) {
    throw new BackupError('corrupt', 'The backup lacks zamok.db or keyring.json.');
  }
}

/** What `readBackup` returns: the manifest, and its bytes and MAC for authenticity.ts. */
export interface ReadBackupResult {
  manifest: Manifest;
  auth: ManifestAuth;
}

/**
 * Decrypts and unpacks a backup, writing each member to `sink(name)` (or only hashing it), and
 * returns the manifest once every member matched it (its MAC is checked by the caller, which has
 * the key). `place` names where the sink writes, for the
 * error of a full or read-only disk; `onBytes` hears the plaintext read so far. Throws `BackupError` (see the file comment).
 */
export async function readBackup(
  file: string,
  key: AgeKey,
  sink: MemberSink,
  place: WritePlace = 'temporary',
  onBytes?: (done: number, total: number) => void,
): Promise<ReadBackupResult> {
  const { plain, expected } = await decryptedStream(file, key);
  let delivered = 0;
  const counting = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      delivered += chunk.length;
      onBytes?.(delivered, expected ?? delivered);
      cb(null, chunk);
    },
  });
  const seen: ManifestMember[] = [];
  let manifest: Manifest | null = null;
  let manifestBytes: Buffer | null = null;
  let mac: string | null = null;
  const untar = tarExtract();
  let feedError: unknown = null;
  // Errors of the decryption side are kept here and reported below, never left unhandled.
  const feeding = pipeline(plain, counting, untar as unknown as NodeJS.WritableStream).catch(
    (err: unknown) => {
      feedError = err;
      untar.destroy(err as Error);
    },
  );
  try {
    for await (const entry of untar) {
      const name = entry.header.name;
      if (
        manifest !== null &&
        name === MEMBERS.mac &&
        mac === null &&
        entry.header.type === 'file'
      ) {
        mac = (await readSmall(entry as AsyncIterable<Buffer>, 128)).toString('latin1').trim();
        if (!/^[0-9a-f]{64}$/.test(mac))
          throw new BackupError('corrupt', 'The backup’s manifest.mac does not read.');
        continue;
      }
      if (manifest !== null)
        throw new BackupError('corrupt', 'The backup has data after its manifest.');
      if (
        entry.header.type !== 'file' ||
        !isAllowedMemberName(name) ||
        seen.some(m => m.name === name)
      ) {
        throw new BackupError('corrupt', 'The backup holds an unexpected member.');
      }
      if (name === MEMBERS.manifest) {
        manifestBytes = await readSmall(entry as AsyncIterable<Buffer>, MAX_MANIFEST_BYTES);
        let parsed;
        try {
          parsed = manifestSchema.safeParse(JSON.parse(manifestBytes.toString('utf8')));
        } catch {
          parsed = null;
        }
        if (!parsed?.success)
          throw new BackupError('corrupt', 'The backup’s manifest does not read.');
        manifest = parsed.data;
        continue;
      }
      const h = hasher();
      const target = sink(name);
      if (target === null) {
        await pipeline(
          entry as unknown as Readable,
          h,
          new Writable({ write: (_c, _e, cb) => cb() }),
        );
      } else {
        try {
          mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
          await pipeline(
            entry as unknown as Readable,
            h,
            createWriteStream(target, { flags: 'wx', mode: 0o600 }),
          );
        } catch (err) {
          throw writeFailure(err, dirname(target), place) ?? err;
        }
      }
      seen.push({ name, ...h.result() });
    }
    await feeding;
    if (feedError !== null) throw feedError;
  } catch (err) {
    plain.destroy();
    await feeding;
    if (isBackupError(err) && (feedError === null || WRITE_FAILURE_REASONS.has(err.reason))) {
      throw err;
    }
    const atTheEnd =
      expected === null ||
      delivered >= expected - AGE_CHUNK ||
      (await plaintextBeforeFailure(file, key)) >= expected - 2 * AGE_CHUNK;
    if (atTheEnd) {
      throw new BackupError(
        'truncated',
        'The backup file is incomplete or damaged at its end (cut short while copying?).',
        { cause: err },
      );
    }
    throw new BackupError('corrupt', 'The backup file is damaged (it fails its integrity check).', {
      cause: err,
    });
  }
  if (manifest === null) {
    throw new BackupError(
      seen.length === 0 ? 'not_a_backup' : 'truncated',
      seen.length === 0
        ? 'This file is not a Zamok backup (no manifest).'
        : 'The backup file is incomplete (no manifest).',
    );
  }
  checkAgainstManifest(manifest, seen);
  return { manifest, auth: { manifestBytes: manifestBytes ?? Buffer.alloc(0), mac } };
}

/** Reads a small member whole; `corrupt` past `limit` bytes. */
async function readSmall(entry: AsyncIterable<Buffer>, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of entry) {
    length += chunk.length;
    if (length > limit) throw new BackupError('corrupt', 'A member of the backup is too large.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** A sink that writes members into `dir` under their own names. */
export function intoFolder(dir: string): MemberSink {
  return name => join(dir, ...name.split('/'));
}
