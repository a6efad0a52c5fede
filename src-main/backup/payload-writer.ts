/**
 * The age file of a backup, written from two fixed 1 MiB plaintext buffers (issue 19 point 1).
 * Members are read straight into the buffer being filled (no copy, no stream), and while the next
 * read runs on libuv's thread pool the bytes just read are hashed and every full buffer is sealed
 * (age STREAM, 64 KiB chunks, Node's ChaCha20-Poly1305) and handed to one `writev`; at most one
 * write is in flight, so memory stays at a few MiB whatever the vault's size. A `datasync` runs
 * behind the writes every 64 MiB, so the final fsync has little left to flush.
 *
 * STREAM's rule that only the last chunk carries the last flag means a buffer's final chunk is
 * sealed only once more bytes follow it: it waits in its buffer, and is sealed (not last) before
 * that buffer is filled again, or as the last chunk at `finish`.
 */
import type { FileHandle } from 'node:fs/promises';
import type { AgeHeader } from './age-header';
import { AGE_CHUNK_SIZE, createAgePayloadSealer, type AgePayloadSealer } from './age-stream';

/** Plaintext bytes per buffer: 16 age chunks. */
export const STAGE_SIZE = 16 * AGE_CHUNK_SIZE;
/** A `datasync` is started behind the writes every this many bytes. */
const SYNC_EVERY = 64 * 1024 * 1024;

/** Writes the age file of one run into `out` (the header and nonce first). */
export class PayloadWriter {
  private readonly sealer: AgePayloadSealer;
  private readonly buffers: readonly [Buffer, Buffer] = [
    Buffer.allocUnsafe(STAGE_SIZE),
    Buffer.allocUnsafe(STAGE_SIZE),
  ];
  private current: 0 | 1 = 0;
  private fill = 0;
  /** A full buffer's last chunk, not sealed yet (index of its buffer), or -1. */
  private held: 0 | 1 | -1 = -1;
  /** Sealed parts waiting for the next write. */
  private parts: Buffer[] = [];
  private writing: Promise<void> = Promise.resolve();
  private syncing: Promise<void> | null = null;
  private sinceSync = 0;
  private finished = false;

  constructor(
    private readonly out: FileHandle,
    age: AgeHeader,
  ) {
    this.sealer = createAgePayloadSealer(age.fileKey);
    this.parts.push(Buffer.from(age.header), this.sealer.nonce);
  }

  /** Where the next plaintext bytes go: the free rest of the buffer being filled (never empty). */
  room(): Buffer {
    return this.buffers[this.current].subarray(this.fill);
  }

  /**
   * Marks `n` bytes placed at {@link room}. A buffer that became full is sealed and queued, and the
   * other one is made free (its held chunk sealed) for the next `room()`; the caller may start
   * its next read into the new room before awaiting {@link drain}.
   */
  advance(n: number): void {
    this.fill += n;
    if (this.fill < STAGE_SIZE) return;
    const full = this.buffers[this.current];
    this.current = this.current === 0 ? 1 : 0;
    this.fill = 0;
    // The other buffer's held chunk is followed by `full`: it is not the last one.
    this.sealHeld(false);
    for (let at = 0; at < STAGE_SIZE - AGE_CHUNK_SIZE; at += AGE_CHUNK_SIZE) {
      this.parts.push(...this.sealer.seal(full.subarray(at, at + AGE_CHUNK_SIZE), false));
    }
    this.held = this.current === 0 ? 1 : 0;
  }

  /** Copies `bytes` in (tar headers, padding, small members). */
  async put(bytes: Uint8Array): Promise<void> {
    let at = 0;
    while (at < bytes.length) {
      const room = this.room();
      const n = Math.min(room.length, bytes.length - at);
      room.set(bytes.subarray(at, at + n));
      at += n;
      this.advance(n);
      await this.drain();
    }
  }

  /**
   * Starts writing what is sealed once the previous write is done; resolves when the write before
   * it has finished (so at most one is in flight) and rejects with the first write error.
   */
  async drain(): Promise<void> {
    if (this.parts.length === 0) return this.writing;
    const parts = this.parts;
    this.parts = [];
    const previous = this.writing;
    await previous;
    const bytes = parts.reduce((n, p) => n + p.length, 0);
    this.writing = writeAll(this.out, parts, bytes);
    this.writing.catch(() => undefined); // awaited by the next drain or finish
    this.sinceSync += bytes;
    if (this.sinceSync >= SYNC_EVERY && this.syncing === null) {
      this.sinceSync = 0;
      const sync = this.writing.then(() => this.out.datasync());
      this.syncing = sync.finally(() => {
        if (this.syncing === sync) this.syncing = null;
      });
      this.syncing.catch(() => undefined);
    }
  }

  /** Seals the rest (the last chunk flagged), writes it and fsyncs the file. */
  async finish(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    const rest = this.buffers[this.current].subarray(0, this.fill);
    const held = this.held >= 0;
    this.sealHeld(rest.length === 0);
    // The rest in 64 KiB chunks, the last flagged; an empty payload is one empty last chunk.
    for (let at = 0; rest.length > 0 || !held; at += AGE_CHUNK_SIZE) {
      const end = Math.min(at + AGE_CHUNK_SIZE, rest.length);
      this.parts.push(...this.sealer.seal(rest.subarray(at, end), end === rest.length));
      if (end === rest.length) break;
    }
    this.sealer.wipe();
    await this.drain();
    await this.writing;
    await this.syncing;
    await this.out.sync();
  }

  /** Stops: wipes the key and waits for any write or sync in flight to settle. */
  async stop(): Promise<void> {
    this.sealer.wipe();
    await Promise.allSettled([this.writing, this.syncing]);
  }

  private sealHeld(last: boolean): void {
    if (this.held === -1) return;
    const buffer = this.buffers[this.held];
    this.held = -1;
    this.parts.push(...this.sealer.seal(buffer.subarray(STAGE_SIZE - AGE_CHUNK_SIZE), last));
  }
}

/** `writev` until every byte is written (a regular file may take fewer bytes at a time). */
async function writeAll(out: FileHandle, parts: Buffer[], bytes: number): Promise<void> {
  let { bytesWritten } = await out.writev(parts);
  while (bytesWritten < bytes) {
    const rest = Buffer.concat(parts).subarray(bytesWritten);
    bytesWritten += (await out.write(rest)).bytesWritten;
  }
}
