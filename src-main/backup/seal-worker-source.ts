/**
 * The sealing worker of a backup's age payload (./payload-writer.ts), as plain JavaScript run with
 * `eval: true` (like the vault's checkpointer: the same under Electron, tsx, Vitest and the bundled
 * CLI, with no bundle entry of its own). It seals the plaintext buffers the main thread fills (a
 * SharedArrayBuffer ring) with Node's ChaCha20-Poly1305 as age STREAM chunks — the same nonce
 * rule as ./age-stream.ts `createAgePayloadSealer` — and writes them to the file descriptor with
 * one `writev` in flight, so reading and hashing (main thread) overlap sealing and writing (here).
 *
 * workerData: { fd, ring (SharedArrayBuffer), stage (bytes per buffer), chunk (64 KiB), key
 * (SharedArrayBuffer, wiped here once copied), head (header ‖ payload nonce), syncEvery }.
 * Messages in: { buffer, length, final } (a full buffer, or the last part), 'stop'.
 * Messages out: { free: i } (buffer i may be filled again), { finished: chunks }, 'stopped',
 * { error: { message, code, errno, syscall } }.
 *
 * Memory: every sealed chunk is a new 64 KiB buffer outside V8's heap, freed only when V8 collects
 * its wrapper, and V8 waits for tens of MiB of such memory before it does (peak RSS of a 500 MiB
 * backup 145–155 MiB). The worker runs a minor GC of its own small heap every 8 MiB written (the
 * `gc` function from `--expose-gc`, set before the worker's context reads it): ~125 MiB.
 */
export const SEAL_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createCipheriv } = require('node:crypto');
const fs = require('node:fs');
require('node:v8').setFlagsFromString('--expose-gc');
const collect = require('node:vm').runInNewContext('gc');
let sinceCollect = 0;
const { fd, stage, chunk, syncEvery } = workerData;
const shared = new Uint8Array(workerData.key);
const key = Buffer.from(shared);
shared.fill(0);
const views = [];
for (let at = 0; at < workerData.ring.byteLength; at += stage) {
  views.push(Buffer.from(workerData.ring, at, stage));
}
let counter = 0;
let held = null;
let parts = [Buffer.from(workerData.head)];
let failed = false;
let writing = Promise.resolve();
let syncing = Promise.resolve();
let sinceSync = 0;
let queue = [];
let running = null;
let active = false;

function seal(plain, last) {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(counter++, 5, 6);
  nonce[11] = last ? 1 : 0;
  const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
  parts.push(cipher.update(plain));
  cipher.final();
  parts.push(cipher.getAuthTag());
}
// A full buffer's last chunk is sealed only once more bytes follow (only the last chunk is flagged).
function sealBuffer(job) {
  const buf = views[job.buffer].subarray(0, job.length);
  if (!job.final) {
    if (held) seal(held, false);
    for (let at = 0; at < job.length - chunk; at += chunk) seal(buf.subarray(at, at + chunk), false);
    held = Buffer.from(buf.subarray(job.length - chunk));
  } else {
    if (held) seal(held, job.length === 0);
    for (let at = 0; job.length > 0 || !held; at += chunk) {
      const end = Math.min(at + chunk, job.length);
      seal(buf.subarray(at, end), end === job.length);
      if (end === job.length) break;
    }
    held = null;
    key.fill(0);
  }
  parentPort.postMessage({ free: job.buffer });
}
function writeAll(list) {
  const total = list.reduce((n, p) => n + p.length, 0);
  return new Promise((resolve, reject) => {
    fs.writev(fd, list, (err, n) => {
      if (err) reject(err);
      else if (n < total) writeAll([Buffer.concat(list).subarray(n)]).then(resolve, reject);
      else resolve();
    });
  });
}
const call = (f, ...args) => new Promise((resolve, reject) => f(fd, ...args, e => (e ? reject(e) : resolve())));
function fail(err) {
  if (failed) return;
  failed = true;
  key.fill(0);
  const e = err || {};
  parentPort.postMessage({ error: { message: String(e.message), code: e.code, errno: e.errno, syscall: e.syscall } });
}
async function drainQueue() {
  active = true;
  try {
    await drainJobs();
  } finally {
    active = false;
  }
}
async function drainJobs() {
  while (queue.length > 0 && !failed) {
    const job = queue.shift();
    sealBuffer(job);
    const list = parts;
    parts = [];
    await writing;
    const bytes = list.reduce((n, p) => n + p.length, 0);
    writing = writeAll(list);
    writing.catch(fail);
    sinceSync += bytes;
    if (sinceSync >= syncEvery) {
      sinceSync = 0;
      const previous = syncing;
      syncing = writing.then(() => previous).then(() => call(fs.fdatasync));
      syncing.catch(fail);
    }
    sinceCollect += bytes;
    if (sinceCollect >= 8 * 1024 * 1024) {
      sinceCollect = 0;
      writing.then(() => collect({ type: 'minor' }), () => undefined);
    }
    if (job.final) {
      await writing;
      await syncing;
      await call(fs.fsync);
      parentPort.postMessage({ finished: counter });
    }
  }
}
parentPort.on('message', m => {
  if (m === 'stop') {
    failed = true;
    queue = [];
    key.fill(0);
    const quiet = p => p.catch(() => undefined);
    Promise.all([quiet(running || Promise.resolve()), quiet(writing), quiet(syncing)]).then(() =>
      parentPort.postMessage('stopped'),
    );
    return;
  }
  queue.push(m);
  if (!active) running = drainQueue().catch(fail);
});
`;
