/**
 * File helpers of the backup layer: temp names that never look like a backup, fsync, the folder
 * checks of a destination, and the app version written into manifests.
 */
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BackupError } from './errors';

/** Prefix of every temp file or folder a backup run makes in a destination. */
export const TEMP_PREFIX = '.zamok-backup-';

/**
 * A new temp path in `dir`: `.zamok-backup-<pid>-<hex>.partial` (or `.tmp` for work folders). The
 * pid tells the next run whether the writer is still alive; the name never ends in `.zamokbackup`.
 */
export function tempPath(dir: string, suffix: 'partial' | 'tmp'): string {
  return join(dir, `${TEMP_PREFIX}${process.pid}-${randomBytes(8).toString('hex')}.${suffix}`);
}

/** True when another process with this pid is running (this process's own pid: false). */
export function otherProcessAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function writerAlive(name: string): boolean {
  return otherProcessAlive(Number(/^\.zamok-backup-(\d+)-/.exec(name)?.[1] ?? NaN));
}

/**
 * Removes what an interrupted run left in `dir` (killed, power cut, disk full). Only names with our
 * temp prefix are touched; those of a writer process still alive are spared unless older than
 * `maxAgeMs` (a pid reused after a reboot).
 */
export function removeStaleTemps(
  dir: string,
  maxAgeMs = 24 * 3600_000,
  now = Date.now(),
): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const path = join(dir, name);
    try {
      if (writerAlive(name) && now - statSync(path).mtimeMs < maxAgeMs) continue;
      rmSync(path, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Best effort: the next run tries again.
    }
  }
  return removed;
}

/** fsync a file or folder by path. */
export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Throws `destination_missing` / `destination_not_writable` unless `dir` is a writable folder. */
export function checkDestination(dir: string): void {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new BackupError(
      'destination_missing',
      'The backup folder is not there (drive unplugged or share offline?).',
    );
  }
  if (!isDir) throw new BackupError('destination_missing', 'The backup path is not a folder.');
  try {
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw new BackupError('destination_not_writable', 'The backup folder cannot be written.', {
      cause: err,
    });
  }
}

let cachedVersion: string | undefined;

/** package.json's version (the file sits two folders up from here and from out/main/). */
export function appVersion(): string {
  if (cachedVersion === undefined) {
    try {
      const path = fileURLToPath(new URL('../../package.json', import.meta.url));
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
      cachedVersion =
        typeof parsed === 'object' && parsed !== null && 'version' in parsed
          ? String(parsed.version)
          : '0.0.0';
    } catch {
      cachedVersion = '0.0.0';
    }
  }
  return cachedVersion;
}
