/**
 * The commit record (`zamok.commit`): how far the vault had committed, kept outside the database so
 * that losing zamok.db-wal (deleted, cut short, a flipped frame or header) cannot also erase the
 * evidence that acknowledged writes existed. Checked before the database is opened (commit-check.ts).
 *
 * What it holds: the audit head (seq, hash) after the newest acknowledged audited call, whether
 * the vault was closed cleanly (WAL folded into zamok.db and removed) with zamok.db's size and
 * mtime at that moment, or that damage was found. Every audited call writes an audit entry in the
 * same transaction as its change, so "the database's head is at or past the recorded one" proves
 * that no acknowledged audited write is missing.
 *
 * Format: 1024 bytes, two 112-byte slots at offsets 0 and 512 (different disk sectors), each
 * `magic ‖ state ‖ gen ‖ seq ‖ hash ‖ dbSize ‖ dbMtimeMs ‖ HMAC-SHA256`. The HMAC key is derived
 * from the data key (HKDF, salt = vault id), never the key itself, so only a holder of the key can
 * write a record that verifies. A write goes to the slot `gen % 2`; the reader takes the valid slot
 * with the highest gen, so a write torn by a power cut leaves the previous slot in force.
 *
 * Cost: a commit writes one 1 KiB file region with `pwrite`, no fsync (~5 µs). It is written only
 * after SQLite's COMMIT returned (the WAL is fsynced first, synchronous=FULL), so a record never
 * claims more than the disk holds: a kill (the page cache survives) leaves it exact, a power cut at
 * worst one step behind (never ahead, so never a false alarm). Close and damage fsync it.
 */
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';

/** The record's file name in the vault folder. */
export const COMMIT_RECORD_FILE = 'zamok.commit';

/** What the record says about the vault. */
export type CommitState = 'open' | 'closed' | 'damaged';

/** One record: the audit head, the state, and zamok.db's size/mtime (whole ms) at a clean close (else 0). */
export interface CommitMark {
  state: CommitState;
  seq: number;
  /** Hex SHA-256 of the audit head entry (64 zeros for an empty log). */
  hash: string;
  dbSize: number;
  dbMtimeMs: number;
}

/** A valid record and its generation (the writer continues from it). */
export interface ReadRecord {
  mark: CommitMark;
  gen: number;
}

const MAGIC = Buffer.from('ZMKCOMT1', 'latin1');
const SLOT_OFFSETS = [0, 512] as const;
const BODY_BYTES = 8 + 8 + 8 + 8 + 32 + 8 + 8;
const SLOT_BYTES = BODY_BYTES + 32;
const FILE_BYTES = 1024;
const STATES: readonly CommitState[] = ['open', 'closed', 'damaged'];

/** The record's HMAC key for a vault: HKDF-SHA256 of the data key (the key itself is never used). */
export function commitKey(dataKey: Buffer, vaultId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, vaultId, 'zamok commit record v1', 32));
}

/** Path of the record in a vault folder. */
export function commitRecordPath(dir: string): string {
  return join(dir, COMMIT_RECORD_FILE);
}

function encodeBody(mark: CommitMark, gen: number): Buffer {
  const body = Buffer.alloc(BODY_BYTES);
  MAGIC.copy(body, 0);
  body.writeUInt8(STATES.indexOf(mark.state), 8);
  body.writeBigUInt64BE(BigInt(gen), 16);
  body.writeBigUInt64BE(BigInt(mark.seq), 24);
  Buffer.from(mark.hash, 'hex').copy(body, 32, 0, 32);
  body.writeBigUInt64BE(BigInt(mark.dbSize), 64);
  body.writeDoubleBE(mark.dbMtimeMs, 72);
  return body;
}

function decodeBody(body: Buffer): ReadRecord | null {
  if (!body.subarray(0, 8).equals(MAGIC)) return null;
  const state = STATES[body.readUInt8(8)];
  if (!state) return null;
  return {
    gen: Number(body.readBigUInt64BE(16)),
    mark: {
      state,
      seq: Number(body.readBigUInt64BE(24)),
      hash: body.subarray(32, 64).toString('hex'),
      dbSize: Number(body.readBigUInt64BE(64)),
      dbMtimeMs: body.readDoubleBE(72),
    },
  };
}

function mac(key: Buffer, body: Buffer): Buffer {
  return createHmac('sha256', key).update(body).digest();
}

function slots(file: Buffer): Buffer[] {
  return SLOT_OFFSETS.map(at => file.subarray(at, at + SLOT_BYTES)).filter(
    s => s.length === SLOT_BYTES,
  );
}

/** Result of reading the record with the key. */
export type RecordRead =
  | { status: 'absent' }
  /** The file exists but no slot verifies: damaged, from another vault, or forged. */
  | { status: 'unreadable' }
  | ({ status: 'ok' } & ReadRecord);

function readFile(dir: string): Buffer | null {
  try {
    return readFileSync(commitRecordPath(dir));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Reads and authenticates the record; a damaged-state slot anywhere wins (damage is sticky). */
export function readCommitRecord(dir: string, key: Buffer): RecordRead {
  const file = readFile(dir);
  if (!file) return { status: 'absent' };
  const valid: ReadRecord[] = [];
  for (const slot of slots(file)) {
    const body = slot.subarray(0, BODY_BYTES);
    const tag = slot.subarray(BODY_BYTES);
    if (!timingSafeEqual(mac(key, body), tag)) continue;
    const decoded = decodeBody(body);
    if (decoded) valid.push(decoded);
  }
  if (valid.length === 0) return { status: 'unreadable' };
  valid.sort((a, b) => b.gen - a.gen);
  const damaged = valid.find(v => v.mark.state === 'damaged');
  const newest = damaged ?? valid[0];
  return newest ? { status: 'ok', ...newest, gen: valid[0]?.gen ?? 0 } : { status: 'unreadable' };
}

/**
 * The newest slot's state WITHOUT the key (a locked-vault backup has none). Not authenticated: it
 * may only make a caller refuse (anyone able to write the file could delete the vault anyway).
 */
export function peekCommitRecord(dir: string): CommitMark | null {
  let file: Buffer | null;
  try {
    file = readFile(dir);
  } catch {
    return null;
  }
  if (!file) return null;
  const decoded = slots(file)
    .map(s => decodeBody(s.subarray(0, BODY_BYTES)))
    .filter((d): d is ReadRecord => d !== null)
    .sort((a, b) => b.gen - a.gen);
  const damaged = decoded.find(d => d.mark.state === 'damaged');
  return (damaged ?? decoded[0])?.mark ?? null;
}

/** Keeps the record of one open vault up to date; owns a copy of the HMAC key (zeroed on close). */
export interface CommitWriter {
  /** Writes `mark` into the next slot; `durable` fsyncs it. */
  write(mark: CommitMark, durable?: boolean): void;
  /** The last mark this writer wrote (or read at start). */
  readonly last: CommitMark | null;
  close(): void;
}

/** Opens (creating when absent) the record of `dir` for writing, continuing from `start`. */
export function openCommitWriter(dir: string, key: Buffer, start: ReadRecord | null): CommitWriter {
  const fd = openSync(commitRecordPath(dir), constants.O_RDWR | constants.O_CREAT, 0o600);
  if (fstatSync(fd).size < FILE_BYTES) writeAt(fd, Buffer.alloc(FILE_BYTES), 0);
  let gen = start?.gen ?? 0;
  let last = start?.mark ?? null;
  const ownKey = Buffer.from(key);
  let open = true;
  return {
    write(mark, durable = false) {
      if (!open) return;
      gen += 1;
      const body = encodeBody(mark, gen);
      const slot = Buffer.concat([body, mac(ownKey, body)]);
      const at = SLOT_OFFSETS[gen % 2] ?? 0;
      writeAt(fd, slot, at);
      if (durable) fsyncSync(fd);
      last = mark;
    },
    get last() {
      return last;
    },
    close() {
      if (!open) return;
      open = false;
      ownKey.fill(0);
      closeSync(fd);
    },
  };
}

function writeAt(fd: number, data: Buffer, position: number): void {
  let done = 0;
  while (done < data.length) done += writeSync(fd, data, done, data.length - done, position + done);
}
