/**
 * The age file of a backup, written from a ring of fixed 1 MiB plaintext buffers (issue 19 point 1).
 * Members are read straight into the buffer being filled (no copy, no stream); the main thread
 * hashes the bytes just read while the next read runs on libuv's thread pool, and every full buffer
 * goes to a worker thread (./seal-worker-source.ts) that seals it (age STREAM, 64 KiB chunks,
 * Node's ChaCha20-Poly1305) and writes it with one `writev` in flight, so hashing and sealing run
 * on two cores. The ring is shared memory (no copies between the threads); a buffer is filled again
 * only once the worker has sealed it, and the worker seals the next one only once the write before
 * is done, so memory stays at a few MiB whatever the vault's size or the disk's speed. A
 * `datasync` runs behind the writes every 64 MiB, so the final fsync has little left to flush.
 */
import type { FileHandle } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { AgeHeader } from './age-header';
import { chacha } from '../crypto/chacha';
import { AGE_CHUNK_SIZE, newPayloadKey } from './age-stream';
import { SEAL_WORKER_SOURCE } from './seal-worker-source';

/** Plaintext bytes per buffer: 16 age chunks. */
export const STAGE_SIZE = 16 * AGE_CHUNK_SIZE;
/** Buffers in the ring: one filling, one being hashed or sealed, two to spare for a slow disk. */
const RING_BUFFERS = 4;
/** A `datasync` is started behind the writes every this many bytes. */
const SYNC_EVERY = 64 * 1024 * 1024;

/** What the worker posts back (seal-worker-source.ts). */
type WorkerReply =
  | { free: number }
  | { finished: number }
  | 'stopped'
  | { error: { message: string; code?: string; errno?: number; syscall?: string } };

/** Writes the age file of one run into `out` (the header and nonce first). */
export class PayloadWriter {
  private readonly worker: Worker;
  private readonly views: Buffer[] = [];
  private readonly spare: number[] = [];
  /** The buffer being filled, or -1 while every buffer is with the worker. */
  private current = 0;
  private fill = 0;
  private waiting: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private failure: Error | null = null;
  private done: Promise<number>;
  private settle: { resolve: (chunks: number) => void; reject: (e: Error) => void } | null = null;
  private ended = false;
  private finished = false;
  /** The last part went to the worker: a buffer it frees is not filled again. */
  private finalPosted = false;

  constructor(out: FileHandle, age: AgeHeader) {
    const ring = new SharedArrayBuffer(RING_BUFFERS * STAGE_SIZE);
    for (let i = 0; i < RING_BUFFERS; i++) {
      this.views.push(Buffer.from(ring, i * STAGE_SIZE, STAGE_SIZE));
      if (i > 0) this.spare.push(i);
    }
    const { nonce, key } = newPayloadKey(age.fileKey);
    const sharedKey = new SharedArrayBuffer(key.length);
    new Uint8Array(sharedKey).set(key);
    key.fill(0);
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    this.done.catch(() => undefined); // awaited by finish
    this.worker = new Worker(SEAL_WORKER_SOURCE, {
      eval: true,
      workerData: {
        fd: out.fd,
        ring,
        stage: STAGE_SIZE,
        chunk: AGE_CHUNK_SIZE,
        key: sharedKey,
        head: Buffer.concat([age.header, nonce]),
        syncEvery: SYNC_EVERY,
        // No native cipher (Electron): the worker seals with @noble/ciphers from this URL.
        chachaUrl: chacha().native ? null : import.meta.resolve('@noble/ciphers/chacha.js'),
      },
    });
    this.worker.on('message', (m: WorkerReply) => this.onReply(m));
    this.worker.on('error', err => this.fail(err));
    this.worker.on('exit', () => {
      new Uint8Array(sharedKey).fill(0);
      this.ended = true;
      this.fail(new Error('the backup sealing worker stopped'));
    });
  }

  /**
   * Where the next plaintext bytes go: the free rest of the buffer being filled (never empty);
   * waits while every buffer is with the worker, and rejects with the first write error.
   */
  async room(): Promise<Buffer> {
    while (this.current === -1 && this.failure === null) {
      await new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }));
    }
    const view = this.views[this.current];
    if (this.failure || !view) throw this.failure ?? new Error('no free payload buffer');
    return view.subarray(this.fill);
  }

  /**
   * Marks `n` bytes placed at the last {@link room}. A buffer that became full goes to the worker
   * (its bytes stay readable, e.g. for hashing, until the next `room()` is awaited).
   */
  advance(n: number): void {
    this.fill += n;
    if (this.fill < STAGE_SIZE) return;
    this.worker.postMessage({ buffer: this.current, length: STAGE_SIZE, final: false });
    this.current = this.spare.shift() ?? -1;
    this.fill = 0;
  }

  /** Copies `bytes` in (tar headers, padding, small members). */
  async put(bytes: Uint8Array): Promise<void> {
    let at = 0;
    while (at < bytes.length) {
      const room = await this.room();
      const n = Math.min(room.length, bytes.length - at);
      room.set(bytes.subarray(at, at + n));
      at += n;
      this.advance(n);
    }
  }

  /** Rejects with the first write (or worker) error, if there was one. */
  async drain(): Promise<void> {
    if (this.failure) throw this.failure;
  }

  /**
   * Seals the rest (the last chunk flagged), writes it and fsyncs the file; resolves with the
   * number of age chunks the worker sealed.
   */
  async finish(): Promise<number> {
    if (this.finished) return this.done;
    this.finished = true;
    await this.room();
    this.worker.postMessage({ buffer: this.current, length: this.fill, final: true });
    this.finalPosted = true;
    this.current = -1;
    try {
      return await this.done;
    } finally {
      await this.worker.terminate();
    }
  }

  /** Stops: the worker wipes the key and settles any write or sync in flight, then ends. */
  async stop(): Promise<void> {
    this.fail(new Error('backup run stopped'));
    if (this.ended) return;
    const stopped = new Promise<void>(resolve => {
      this.worker.on('message', m => m === 'stopped' && resolve());
      this.worker.on('exit', () => resolve());
    });
    this.worker.postMessage('stop');
    await stopped;
    await this.worker.terminate();
  }

  private onReply(m: WorkerReply): void {
    if (m === 'stopped') return;
    if ('free' in m) {
      // Also while finish() waits for a buffer for the last part (every buffer was full and sent).
      if (this.current === -1 && !this.finalPosted) {
        this.current = m.free;
        for (const w of this.waiting.splice(0)) w.resolve();
      } else this.spare.push(m.free);
    } else if ('finished' in m) {
      this.settle?.resolve(m.finished);
      this.settle = null;
    } else {
      const { message, ...fields } = m.error;
      this.fail(Object.assign(new Error(message), fields));
    }
  }

  private fail(err: Error): void {
    if (this.failure === null) this.failure = err;
    for (const w of this.waiting.splice(0)) w.reject(this.failure);
    this.settle?.reject(this.failure);
    this.settle = null;
  }
}
