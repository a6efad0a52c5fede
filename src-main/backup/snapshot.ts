/**
 * A consistent copy of zamok.db for a backup, made in the destination's temp folder (never inside the
 * vault folder):
 * - vault open (a key in memory): `VACUUM INTO` — one consistent, compact copy, still encrypted with
 *   the same key (`db.backup()` does not work on encrypted databases);
 * - vault closed (scheduled run while locked): the checkpointed file is read in place by the
 *   backup; a leftover non-empty WAL (the app crashed) or a change while it is read refuses the
 *   run, so a half-written state is never backed up. Counts, schema and audit head cannot be read without the key: they stay null.
 *
 * Neither copies a damaged vault (issue 14, point 1): an empty or cut zamok.db, a commit record
 * marked damaged, or a page failing its HMAC during `VACUUM INTO` (which decrypts every table page:
 * the read is the check, so no separate quick_check — it would cost ~0.7× the snapshot again,
 * bench/README.md) refuse with `vault_damaged`. Without the key the HMACs cannot be checked, so a
 * closed copy also refuses (`vault_unchecked`) when zamok.db's size or mtime differ from what
 * Zamok recorded at its last clean close.
 */
import { statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { EMPTY_HEAD, readAuditHead } from '../audit';
import { keyConnection } from '../vault/keyed';
import { appliedMigrationIds } from '../vault/migrations';
import { isCorruption, peekCommitRecord, vaultPaths, type OpenVault } from '../vault';
import { BackupError } from './errors';
import type { Manifest } from './manifest';

/** What the snapshot tells the manifest. */
export interface SnapshotFacts {
  schemaVersion: Manifest['schemaVersion'];
  counts: Manifest['counts'];
  auditHead: Manifest['auditHead'];
}

/** Opens a SQLCipher 4 file read-only with a raw data key (a snapshot or a restored copy). */
export function openKeyed(path: string, dataKey: Buffer): Database.Database {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    keyConnection(sqlite, dataKey);
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    return sqlite;
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

function tableExists(sqlite: Database.Database, name: string): boolean {
  return (
    sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !==
    undefined
  );
}

function count(sqlite: Database.Database, table: string): number {
  // Table names come from the fixed list below, never from input.
  return Number(sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
}

/** Counts, applied migrations and audit head of an open snapshot (read-only). */
export function readFacts(sqlite: Database.Database): SnapshotFacts {
  const head = readAuditHead(sqlite);
  const auditEntries = tableExists(sqlite, 'audit_log') ? count(sqlite, 'audit_log') : 0;
  return {
    schemaVersion: appliedMigrationIds(sqlite),
    counts: {
      users: tableExists(sqlite, 'users') ? count(sqlite, 'users') : 0,
      contacts: tableExists(sqlite, 'contacts') ? count(sqlite, 'contacts') : null,
      auditEntries,
    },
    auditHead:
      head === 'invalid' ? null : head === null ? (auditEntries === 0 ? EMPTY_HEAD : null) : head,
  };
}

/**
 * `VACUUM INTO` a new file through a second, read-only connection (the app's own connection may be
 * inside a transaction — the router wraps calls in one — where VACUUM is not allowed; the second
 * connection sees the last committed state), then reads the facts from the copy itself.
 */
export function snapshotOpenVault(vault: OpenVault, target: string): SnapshotFacts {
  const database = vaultPaths(vault.dir).database;
  checkWholeFile(database);
  const key = vault.dataKey();
  try {
    const reader = openKeyed(database, key);
    try {
      reader.prepare('VACUUM INTO ?').run(target);
    } catch (err) {
      if (isCorruption(err)) throw damaged('a page of zamok.db fails its check');
      throw err;
    } finally {
      reader.close();
    }
    const copy = openKeyed(target, key);
    try {
      return readFacts(copy);
    } finally {
      copy.close();
    }
  } finally {
    key.fill(0);
  }
}

function damaged(why: string): BackupError {
  return new BackupError(
    'vault_damaged',
    `The vault’s last changes are missing or damaged (${why}); no backup was made. Restore the vault from a backup.`,
  );
}

/** An empty zamok.db, or one that is not whole pages, is refused before anything is read. */
function checkWholeFile(database: string): void {
  const size = statSync(database).size;
  if (size === 0 || size % 4096 !== 0) throw damaged(`zamok.db is ${size} bytes, not whole pages`);
}

/** The closed vault as Zamok left it: not marked damaged, and zamok.db as of the last clean close. */
function checkClosedFiles(vaultDir: string, database: string): void {
  checkWholeFile(database);
  const mark = peekCommitRecord(vaultDir);
  if (!mark) return; // a vault from before the commit record: nothing to compare with
  if (mark.state === 'damaged') throw damaged('damage was found and the vault was not restored');
  const now = statSync(database);
  if (mark.state === 'open') {
    throw new BackupError(
      'vault_busy',
      'The vault is open, or was not closed cleanly; sign in once (Zamok checks it), then back up.',
    );
  }
  if (now.size !== mark.dbSize || Math.trunc(now.mtimeMs) !== mark.dbMtimeMs) {
    throw new BackupError(
      'vault_unchecked',
      'zamok.db changed after Zamok last closed it; sign in once (Zamok checks the file), then back up.',
    );
  }
}

/** A closed vault's zamok.db, read in place by the backup (no temp copy). */
export interface ClosedDatabase {
  path: string;
  size: number;
  facts: SnapshotFacts;
  /** Throws `vault_busy` when zamok.db changed since {@link closedDatabase} looked at it. */
  confirmUnchanged(): void;
}

/**
 * The database of a closed vault, checked as Zamok left it; refuses when a WAL is pending. The
 * backup reads the file itself (once: no temp copy, issue 19) and calls `confirmUnchanged` after
 * the member is written, so a vault opened and changed meanwhile fails the run as before.
 */
export function closedDatabase(vaultDir: string): ClosedDatabase {
  const { database } = vaultPaths(vaultDir);
  const walSize = (() => {
    try {
      return statSync(`${database}-wal`).size;
    } catch {
      return 0;
    }
  })();
  if (walSize > 0) {
    throw new BackupError(
      'vault_busy',
      'The vault was not closed cleanly (zamok.db-wal is pending); sign in once, then back up.',
    );
  }
  checkClosedFiles(vaultDir, database);
  const before = statSync(database);
  return {
    path: database,
    size: before.size,
    facts: { schemaVersion: null, counts: null, auditHead: null },
    confirmUnchanged() {
      const after = statSync(database);
      if (before.mtimeMs !== after.mtimeMs || before.size !== after.size) {
        throw new BackupError(
          'vault_busy',
          'zamok.db changed during the backup; the backup will retry.',
        );
      }
    },
  };
}
