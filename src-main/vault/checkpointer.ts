/**
 * Background checkpoints of the vault's write-ahead log, on a worker thread with its own connection.
 *
 * Why: SQLite3 Multiple Ciphers encrypts at the file layer, so a WAL checkpoint decrypts every frame it
 * reads from zamok.db-wal and encrypts it again for zamok.db (~55 µs per 4 KB page here, ~5 µs in
 * plain SQLite; bench/README.md). With SQLite's automatic checkpoint that work runs inside whichever
 * commit crosses 1000 pages — on Electron's main thread, stalling every IPC call behind it (seconds
 * after an import). The SQLite documentation suggests this pattern for that case: turn the automatic
 * checkpoint off on the writer and let another thread checkpoint.
 *
 * The worker looks at the WAL every POLL_MS (backing off to IDLE_POLL_MS while nothing is written)
 * and runs a PASSIVE checkpoint when it holds more than THRESHOLD_BYTES (the same 1000 pages as
 * SQLite's default) and was written since the last checkpoint. PASSIVE never blocks the writer or
 * readers; a busy result is simply retried at the next poll. If the worker dies, the writer gets its
 * automatic checkpoint back, so the WAL never grows without bound. `stop()` waits (bounded) until the
 * worker has closed its connection, so the writer's own close is the last one and folds the WAL in.
 *
 * The worker is an `eval` script (a few lines, below): it runs the same way under Electron, tsx and
 * Vitest, with no extra bundle entry. It gets a copy of the data key, keys its connection exactly as
 * keyConnection() does (the cipher settings are passed in, not repeated) and wipes the copy.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3-multiple-ciphers';
import { CIPHER_PRAGMAS } from './keyed';

/** SQLite's own automatic checkpoint: after this many WAL pages. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;
/** WAL size that triggers a checkpoint: as many 4 KB pages as SQLite's default. */
export const THRESHOLD_BYTES = SQLITE_AUTOCHECKPOINT_PAGES * 4096;
/** How often the worker looks at the WAL while it is being written… */
export const POLL_MS = 100;
/** …and at most how long it waits when nothing changed (fewer wake-ups on a laptop's battery). */
export const IDLE_POLL_MS = 1_600;
/** The longest `stop()` waits for a checkpoint in progress to finish. */
export const STOP_WAIT_MS = 30_000;

/** What the worker needs; `dataKey` is copied into it and wiped there after keying. */
export interface CheckpointerOptions {
  path: string;
  /** Null for an unencrypted file (the bench's plain copy). */
  dataKey: Buffer | null;
  nativeBinding?: string;
  /**
   * Tests: the worker never polls on its own timer; each `poll()` runs one poll. Lets a test say
   * "this write is checkpointed, and with nothing written the next polls do nothing" without waits.
   */
  manualPolls?: boolean;
}

/** A running checkpointer. */
export interface Checkpointer {
  /** Checkpoints done so far (for tests and the bench). */
  count(): number;
  /** Runs one poll of the worker now and returns when it is done (tests, with `manualPolls`). */
  poll(): void;
  /** Stops the worker and waits until its connection is closed. Safe to call twice. */
  stop(): void;
  /** True while the worker runs. */
  readonly running: boolean;
  /** True once the shared copy of the data key is all zeros (the worker wipes it after keying). */
  readonly keyCopyWiped: boolean;
}

// Plain JavaScript run with `eval: true`. Shared words: state[0] = 1 once the connection is
// closed; state[1] = checkpoints done; state[2] = polls asked for by 'poll' and done. Messages:
// 'stop', 'poll'.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const state = new Int32Array(workerData.state);
let db = null;
let timer = null;
function closed() {
  Atomics.store(state, 0, 1);
  Atomics.notify(state, 0);
}
try {
  const Database = require(workerData.module);
  db = new Database(workerData.path, { fileMustExist: true, nativeBinding: workerData.nativeBinding });
  if (workerData.key) {
    for (const p of workerData.cipherPragmas) db.pragma(p);
    const key = Buffer.from(\`x'\${Buffer.from(workerData.key).toString('hex')}'\`, 'latin1');
    try { db.key(key); } finally { key.fill(0); new Uint8Array(workerData.key).fill(0); }
    db.pragma('temp_store = MEMORY');
  }
  db.pragma('cache_size = -1024');
  db.prepare('SELECT count(*) FROM sqlite_master').get();
} catch (err) {
  try { if (db) db.close(); } catch {}
  closed();
  throw err;
}
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
function stop() {
  if (timer) clearTimeout(timer);
  timer = null;
  try { db.close(); } finally { closed(); parentPort.close(); }
}
let seen = -1;
let delay = workerData.pollMs;
function poll() {
  let wal = null;
  try { wal = statSync(workerData.path + '-wal'); } catch {}
  // The file keeps its size after a checkpoint; a new write changes its time.
  if (wal && wal.size > workerData.threshold && wal.mtimeMs !== seen) {
    const written = wal.mtimeMs;
    try {
      if (checkpoint.get().busy === 0) {
        seen = written;
        Atomics.add(state, 1, 1);
      }
    } catch {}
    delay = workerData.pollMs;
  } else {
    delay = Math.min(delay * 2, workerData.idlePollMs);
  }
  if (!workerData.manualPolls) timer = setTimeout(poll, delay);
}
parentPort.on('message', m => {
  if (m === 'stop') stop();
  if (m === 'poll') {
    try { poll(); } finally { Atomics.add(state, 2, 1); Atomics.notify(state, 2); }
  }
});
if (!workerData.manualPolls) poll();
`;

/** Where the worker loads the driver from: the same copy the writer uses. */
function driverModulePath(): string {
  return createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
}

/**
 * Starts a checkpointer for the database at `options.path` and turns off the automatic checkpoint
 * of `writer` (the connection that writes it); the writer gets it back if the worker stops or dies.
 */
export function startCheckpointer(
  writer: Database.Database,
  options: CheckpointerOptions,
): Checkpointer {
  const state = new Int32Array(new SharedArrayBuffer(12));
  const key = options.dataKey ? new SharedArrayBuffer(options.dataKey.length) : null;
  if (key && options.dataKey) new Uint8Array(key).set(options.dataKey);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      module: driverModulePath(),
      path: options.path,
      nativeBinding: options.nativeBinding,
      key,
      cipherPragmas: CIPHER_PRAGMAS,
      state: state.buffer,
      threshold: THRESHOLD_BYTES,
      pollMs: POLL_MS,
      idlePollMs: IDLE_POLL_MS,
      manualPolls: options.manualPolls === true,
    },
  });
  worker.unref();
  let running = true;
  const wipeKey = () => {
    if (key) new Uint8Array(key).fill(0);
  };
  /** The writer checkpoints by itself again, as SQLite does by default. */
  const handBack = () => {
    running = false;
    wipeKey();
    if (writer.open) writer.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
  };
  const restoreAutomatic = () => {
    if (running) handBack();
    else wipeKey();
  };
  // A worker that fails (cannot open or key the file) or exits leaves the writer as SQLite would be.
  worker.on('error', restoreAutomatic);
  worker.on('exit', restoreAutomatic);
  writer.pragma('wal_autocheckpoint = 0');
  return {
    count: () => Atomics.load(state, 1),
    poll() {
      if (!running) throw new Error('The checkpointer is stopped.');
      const done = Atomics.load(state, 2);
      worker.postMessage('poll');
      // Bounded like stop(): a poll is one stat and at most one PASSIVE checkpoint.
      if (Atomics.wait(state, 2, done, STOP_WAIT_MS) === 'timed-out') {
        throw new Error('The checkpoint worker did not answer.');
      }
    },
    stop() {
      if (!running) return;
      running = false;
      worker.postMessage('stop');
      Atomics.wait(state, 0, 0, STOP_WAIT_MS);
      void worker.terminate();
      handBack();
    },
    get running() {
      return running;
    },
    get keyCopyWiped() {
      return key === null || new Uint8Array(key).every(byte => byte === 0);
    },
  };
}
