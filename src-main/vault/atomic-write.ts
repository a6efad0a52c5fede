/**
 * Crash-safe file replacement: write a temp file beside the target, fsync it, rename it over the
 * target, fsync the folder. A reader sees the old file or the new one, never a mix; a crash leaves at
 * most a stray `*.tmp` file, which the next write removes.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { notWritable } from './errors';

/** The temp-file name pattern used for `target` (exported for tests and cleanup). */
export function isTempFileOf(target: string, name: string): boolean {
  const base = basename(target);
  return (
    name.startsWith(`${base}.`) &&
    name.endsWith('.tmp') &&
    /^[0-9a-f]{16}$/.test(name.slice(base.length + 1, -4))
  );
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Atomically replaces `target` with `data` (mode 0600). Throws `vault_not_writable` on any file-system error. */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const dir = dirname(target);
  const tmp = join(dir, `${basename(target)}.${randomBytes(8).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
    fsyncDir(dir);
  } catch (err) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The folder itself is unusable; the error below says so.
    }
    throw notWritable(basename(target), err);
  }
  removeStaleTempFiles(target);
}

/** Temp files younger than this may belong to a concurrent writer (the CLI beside the app). */
const STALE_AFTER_MS = 60_000;

/** Removes temp files left over a minute ago by an interrupted `writeFileAtomic` of `target` (best effort). */
export function removeStaleTempFiles(target: string): void {
  try {
    const dir = dirname(target);
    for (const name of readdirSync(dir)) {
      if (!isTempFileOf(target, name)) continue;
      const path = join(dir, name);
      if (Date.now() - statSync(path).mtimeMs > STALE_AFTER_MS) rmSync(path, { force: true });
    }
  } catch {
    // Cleanup only; the write itself already succeeded.
  }
}
