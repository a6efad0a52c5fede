/**
 * The check at unlock, before the vault's own connection is opened: does zamok.db (with its WAL)
 * still hold every write the commit record (commit-record.ts) says was acknowledged?
 *
 * A read-only connection reads the audit head: SQLite replays the WAL into its index but a
 * read-only connection never checkpoints or deletes the WAL, so nothing on disk changes. After an
 * unclean close (the record still says "open", a WAL is left over, or zamok.db's size or mtime
 * differ from the clean-close stamp) it also runs
 * `PRAGMA quick_check`, which reads and so HMAC-checks every page in use (SQLite3 Multiple Ciphers
 * has no `cipher_integrity_check`: the pragma is silently ignored). On a mismatch or any page that
 * fails its HMAC, the vault files are copied aside untouched (`<vault>.damaged-<time>/`), the
 * record is marked damaged (every later open and backup refuses at once) and `vault_damaged` is
 * thrown: the only way on is restoring a backup.
 */
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import {
  COMMIT_RECORD_FILE,
  openCommitWriter,
  readCommitRecord,
  type CommitMark,
  type ReadRecord,
} from './commit-record';
import { VaultError } from './errors';
import { BUSY_TIMEOUT_MS, keyConnection } from './keyed';

/** The user-facing English sentence of `vault_damaged` (the UI words it from the i18n catalogue). */
export const DAMAGED_MESSAGE =
  'The vault’s last changes are missing or damaged — restore from a backup.';

/** The error thrown for a damaged vault; `evidence` is the folder holding the copied files. */
export function damagedError(detail: string, evidence: string | null): VaultError {
  const kept = evidence ? ` The damaged files were copied to ${evidence}.` : '';
  return new VaultError('vault_damaged', `${DAMAGED_MESSAGE} (${detail}.)${kept}`, {
    details: { evidence },
  });
}

/** True for the SQLite errors that mean a page or the WAL failed its checks. */
export function isCorruption(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
  );
}

/** `PRAGMA quick_check` found a page failing its HMAC or a broken b-tree. */
class QuickCheckFailed extends Error {}

function quickCheck(sqlite: Database.Database): boolean {
  try {
    const rows = sqlite.pragma('quick_check') as { quick_check: string }[];
    return rows.length === 1 && rows[0]?.quick_check === 'ok';
  } catch (err) {
    if (isCorruption(err)) return false;
    throw err;
  }
}

/** What the database says: its audit head and, when asked, the hash at an older seq. */
interface DbHead {
  seq: number;
  hash: string;
  hashAt: string | null;
}

const EMPTY_HASH = '0'.repeat(64);

function readDbHead(path: string, dataKey: Buffer, olderSeq: number, quick: boolean): DbHead {
  const sqlite = new Database(path, {
    readonly: true,
    fileMustExist: true,
    timeout: BUSY_TIMEOUT_MS,
  });
  try {
    keyConnection(sqlite, dataKey);
    const value = sqlite
      .prepare("SELECT value FROM vault_meta WHERE key = 'audit_head'")
      .pluck()
      .get() as string | undefined;
    const head = value ? (JSON.parse(value) as { seq: number; hash: string }) : null;
    const seq = head?.seq ?? 0;
    const hashAt =
      olderSeq > 0 && olderSeq < seq
        ? ((sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(olderSeq) as
            string | undefined) ?? null)
        : null;
    // After the plain reads: a file whose first pages or schema do not read is openDatabase's
    // `vault_corrupt`, as before; a page failing deeper in is what quick_check adds.
    if (quick && !quickCheck(sqlite)) throw new QuickCheckFailed();
    return { seq, hash: head?.hash ?? EMPTY_HASH, hashAt };
  } finally {
    sqlite.close();
  }
}

/** Why the database falls short of the record, or null when it holds every recorded write. */
function shortfall(mark: CommitMark, db: DbHead): string | null {
  if (db.seq < mark.seq) return `audit head ${db.seq}, acknowledged up to ${mark.seq}`;
  if (db.seq === mark.seq && db.hash !== mark.hash) return `audit head ${db.seq} differs`;
  if (db.seq > mark.seq && mark.seq > 0 && db.hashAt !== mark.hash) {
    return `audit entry ${mark.seq} differs`;
  }
  return null;
}

/**
 * Copies zamok.db, its WAL and shared-memory index and the record to `<vault>.damaged-<time>/`
 * (beside the vault, like a restore's safety copy). Returns the folder, or null when it could not
 * be written (a full or read-only disk: the refusal stands either way).
 */
export function keepEvidence(dir: string, now = new Date()): string | null {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = join(dirname(dir), `${basename(dir)}.damaged-${stamp}`);
  try {
    mkdirSync(target, { mode: 0o700 });
    for (const name of ['zamok.db', 'zamok.db-wal', 'zamok.db-shm', COMMIT_RECORD_FILE]) {
      if (existsSync(join(dir, name))) copyFileSync(join(dir, name), join(target, name));
    }
    return target;
  } catch {
    return null;
  }
}

/** Marks the record damaged (fsynced), so every later open and backup refuses without rechecking. */
export function markDamaged(dir: string, key: Buffer, start: ReadRecord | null): void {
  try {
    const writer = openCommitWriter(dir, key, start);
    try {
      writer.write({ ...(start?.mark ?? emptyMark()), state: 'damaged' }, true);
    } finally {
      writer.close();
    }
  } catch {
    // A read-only folder: the evidence and the refusal still stand; the next open checks again.
  }
}

function emptyMark(): CommitMark {
  return { state: 'open', seq: 0, hash: EMPTY_HASH, dbSize: 0, dbMtimeMs: 0 };
}

function wholePages(database: string): boolean {
  try {
    const s = statSync(database);
    return s.isFile() && s.size > 0 && s.size % 4096 === 0;
  } catch {
    return false;
  }
}

/** zamok.db's size or mtime differ from the clean-close stamp: something else wrote it. */
function changedSinceClose(database: string, start: ReadRecord | null): boolean {
  if (start?.mark.state !== 'closed') return false;
  const s = statSync(database);
  return s.size !== start.mark.dbSize || Math.trunc(s.mtimeMs) !== start.mark.dbMtimeMs;
}

function walPending(database: string): boolean {
  try {
    return statSync(`${database}-wal`).size > 0;
  } catch {
    return false;
  }
}

/**
 * Verifies zamok.db against the record before the vault is opened for writing. Returns the record
 * read (null for a vault that has none yet: made by an older Zamok or just restored). Throws
 * `vault_damaged` (files copied aside, record marked) when acknowledged writes are missing, a page
 * fails its check, or the record itself is damaged.
 */
export function verifyCommitted(
  dir: string,
  database: string,
  dataKey: Buffer,
  key: Buffer,
): ReadRecord | null {
  const read = readCommitRecord(dir, key);
  if (read.status === 'ok' && read.mark.state === 'damaged') {
    throw damagedError('damage was found earlier and the vault was not restored since', null);
  }
  const start = read.status === 'ok' ? read : null;
  // Empty or cut mid-page: openDatabase refuses it as `vault_corrupt` before anything is written.
  if (!wholePages(database)) return start;
  const unclean =
    walPending(database) || start?.mark.state === 'open' || changedSinceClose(database, start);
  let problem: string | null = null;
  if (read.status === 'unreadable') problem = 'the commit record is damaged';
  else {
    try {
      const db = readDbHead(database, dataKey, start?.mark.seq ?? 0, unclean);
      problem = start ? shortfall(start.mark, db) : null;
    } catch (err) {
      // What openDatabase refuses anyway as `vault_corrupt` (not this vault's file, its first
      // pages or schema unreadable) keeps that answer; quick_check's findings are new: damage.
      if (!(err instanceof QuickCheckFailed)) return start;
      problem = 'a database page fails its check';
    }
  }
  if (problem === null) return start;
  const evidence = keepEvidence(dir);
  markDamaged(dir, key, start);
  throw damagedError(problem, evidence);
}
