/**
 * File-system failures of a backup run, turned into reasons an owner can act on. A backup writes to
 * a destination (a USB drive, a share, a synced folder) and a restore or a check unpacks into the
 * vault's folder or the temporary folder; any of them can fill up, disappear (unplugged, deleted,
 * share offline) or turn read-only in the middle of a run. Node reports these as `ENOSPC`, `ENOENT`,
 * `EROFS`… on whichever stream or call hit them first, and SQLite as `SQLITE_FULL`, `SQLITE_CANTOPEN`…
 * (VACUUM INTO, opening a restored copy); this maps them all to one `BackupError`.
 */
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { BackupErrorReason } from '../../src-shared/ipc/backup';
import { BackupError, isBackupError } from './errors';

/** Where the failing write went. */
export type WritePlace = 'destination' | 'vault' | 'temporary';

// SQLITE_IOERR_SHMSIZE: no room on the disk for the -shm file SQLite maps next to a database.
const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE']);
const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM', 'SQLITE_READONLY', 'SQLITE_CANTOPEN']);
const GONE = new Set(['ENOENT', 'ENOTDIR', 'EIO', 'ENXIO', 'ENODEV', 'ESTALE', 'ENOTCONN']);

type Kind = 'full' | 'gone' | 'read_only';

const REASON: Readonly<Record<WritePlace, Record<Kind, BackupErrorReason>>> = {
  destination: {
    full: 'destination_full',
    gone: 'destination_missing',
    read_only: 'destination_not_writable',
  },
  vault: { full: 'target_full', gone: 'target_not_writable', read_only: 'target_not_writable' },
  temporary: { full: 'target_full', gone: 'target_not_writable', read_only: 'target_not_writable' },
};

const MESSAGE: Readonly<Record<WritePlace, Record<Kind, string>>> = {
  destination: {
    full: 'The backup folder’s disk is full. Free some space there (or choose another folder), then back up again; the vault was not changed.',
    gone: 'The backup folder went away during the backup (drive unplugged, folder deleted or share offline). Reconnect it, then back up again.',
    read_only:
      'The backup folder cannot be written (read-only disk or no permission). Choose a folder you can write to.',
  },
  vault: {
    full: 'The disk of the vault folder is full, so the backup could not be restored there. Free some space, then restore again; nothing was changed.',
    gone: 'The vault folder went away or cannot be written during the restore. Check the disk, then restore again; nothing was changed.',
    read_only:
      'The vault folder cannot be written (read-only disk or no permission). Choose another folder; nothing was changed.',
  },
  temporary: {
    full: 'The temporary folder’s disk is full, so the backup could not be checked. Free some space, then check it again.',
    gone: 'The temporary folder cannot be written, so the backup could not be checked. Check the disk, then try again.',
    read_only:
      'The temporary folder cannot be written, so the backup could not be checked. Check its permissions, then try again.',
  },
};

/** The string `code` of an error or of one of its causes (`VaultError` wraps `SqliteError`). */
function codesOf(err: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = err;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The file paths an error (or one of its causes) names: `path`, and `dest` of a copy. */
function pathsOf(err: unknown): string[] {
  const paths: string[] = [];
  let current: unknown = err;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    for (const key of ['path', 'dest'] as const) {
      const value = (current as Record<string, unknown>)[key];
      if (typeof value === 'string') paths.push(value);
    }
    current = (current as { cause?: unknown }).cause;
  }
  return paths;
}

function isInside(path: string, folder: string): boolean {
  const relation = relative(resolve(folder), resolve(path));
  return relation === '' || (!relation.startsWith('..') && !isAbsolute(relation));
}

function kindOf(err: unknown, folder: string): Kind | null {
  const codes = codesOf(err);
  if (codes.some(c => FULL.has(c))) return 'full';
  // Whatever the error said, a folder that is no longer there was removed (or unplugged).
  if (!isFolder(folder)) return 'gone';
  // An error naming only files elsewhere (the vault's own, being read) is not this folder's.
  const paths = pathsOf(err);
  if (paths.length > 0 && !paths.some(p => isInside(p, folder))) return null;
  const base = (c: string) => c.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1');
  if (codes.some(c => READ_ONLY.has(base(c)))) return 'read_only';
  if (codes.some(c => GONE.has(c) || base(c) === 'SQLITE_IOERR')) return 'gone';
  return null;
}

/**
 * The `BackupError` for a write that failed in `folder` (the destination, the vault's parent folder,
 * or the temporary folder), or null when `err` is not a file-system failure (a bug, a damaged file:
 * the caller rethrows it as it is). A `BackupError` is returned unchanged.
 */
export function writeFailure(err: unknown, folder: string, place: WritePlace): BackupError | null {
  if (isBackupError(err)) return err;
  const kind = kindOf(err, folder);
  if (kind === null) return null;
  return new BackupError(REASON[place][kind], MESSAGE[place][kind], { cause: err });
}

/** Runs a clean-up step that may fail on a disk that is gone or read-only; never throws. */
export function bestEffort(step: () => void): void {
  try {
    step();
  } catch {
    // The next run removes what is left (temp names are recognised by their prefix).
  }
}
