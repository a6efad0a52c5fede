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
 * Memory: Node's cipher returns every sealed chunk as a new 64 KiB buffer outside V8's heap (no
 * Node version seals into a given buffer: `update` allocates; WebCrypto has no ChaCha20-Poly1305
 * before Node 24), and V8 frees such memory only at a scavenge, which it starts for it after
 * ~32 MiB (a fixed threshold: a smaller young generation via `resourceLimits` does not move it).
 * So the worker frees each chunk itself once it is written: the chunk's ArrayBuffer is moved out
 * in a transfer list (which detaches it) to a closed port, which drops the message and with it the
 * memory, at once (`release`). The plaintext held back for the next buffer is copied into one
 * reused 64 KiB buffer. No V8 flag is set (peak RSS of a 500 MiB backup ~150 MiB without this).
 */
export const SEAL_WORKER_SOURCE = `
const { MessageChannel, parentPort, workerData } = require('node:worker_threads');
const { createCipheriv } = require('node:crypto');
const fs = require('node:fs');
const { fd, stage, chunk, syncEvery } = workerData;
const shared = new Uint8Array(workerData.key);
const key = Buffer.from(shared);
shared.fill(0);
const views = [];
for (let at = 0; at < workerData.ring.byteLength; at += stage) {
  views.push(Buffer.from(workerData.ring, at, stage));
}
let counter = 0;
const nonce = Buffer.alloc(12);
const held = Buffer.alloc(chunk);
let holding = false;
let parts = [Buffer.from(workerData.head)];
// The buffers the cipher made for the parts (not the head): freed by release() once written.
let sealed = [];
const drop = new MessageChannel();
drop.port2.close();
drop.port1.unref();
let failed = false;
let writing = Promise.resolve();
let syncing = Promise.resolve();
let sinceSync = 0;
let queue = [];
let running = null;
let active = false;

// Where node:crypto lacks the cipher (Electron's BoringSSL), @noble/ciphers, loaded from the URL
// the main thread resolved (../crypto/chacha.ts says why); its output is one buffer per chunk.
const noble = workerData.chachaUrl ? import(workerData.chachaUrl) : null;
let js = null;
function seal(plain, last) {
  nonce.writeUIntBE(counter++, 5, 6);
  nonce[11] = last ? 1 : 0;
  if (js) {
    const out = js.chacha20poly1305(key, nonce).encrypt(plain);
    const body = Buffer.from(out.buffer, out.byteOffset, out.byteLength);
    parts.push(body);
    sealed.push(body);
    return;
  }
  const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
  const body = cipher.update(plain);
  cipher.final();
  const tag = cipher.getAuthTag();
  parts.push(body, tag);
  sealed.push(body, tag);
}
// Frees written chunks now rather than at V8's next scavenge: a transfer list detaches each
// ArrayBuffer, and the closed port drops the message that took it over (HTML's and Node's
// postMessage). Only whole buffers the cipher made are passed (never a pooled one); one that
// cannot be moved is left to the garbage collector, as before.
function release(list) {
  const buffers = [];
  for (const b of list) if (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength) buffers.push(b.buffer);
  try {
    if (buffers.length > 0) drop.port1.postMessage(null, buffers);
  } catch {}
}
// A full buffer's last chunk is sealed only once more bytes follow (only the last chunk is flagged).
function sealBuffer(job) {
  const buf = views[job.buffer].subarray(0, job.length);
  if (!job.final) {
    if (holding) seal(held, false);
    for (let at = 0; at < job.length - chunk; at += chunk) seal(buf.subarray(at, at + chunk), false);
    buf.copy(held, 0, job.length - chunk);
    holding = true;
  } else {
    if (holding) seal(held, job.length === 0);
    for (let at = 0; job.length > 0 || !holding; at += chunk) {
      const end = Math.min(at + chunk, job.length);
      seal(buf.subarray(at, end), end === job.length);
      if (end === job.length) break;
    }
    holding = false;
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
  if (noble && !js) js = await noble;
  while (queue.length > 0 && !failed) {
    const job = queue.shift();
    sealBuffer(job);
    const list = parts;
    const made = sealed;
    parts = [];
    sealed = [];
    await writing;
    const bytes = list.reduce((n, p) => n + p.length, 0);
    writing = writeAll(list);
    writing.then(() => release(made), fail);
    sinceSync += bytes;
    if (sinceSync >= syncEvery) {
      sinceSync = 0;
      const previous = syncing;
      syncing = writing.then(() => previous).then(() => call(fs.fdatasync));
      syncing.catch(fail);
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
