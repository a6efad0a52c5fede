/**
 * The SQLCipher connection of a vault: SQLCipher 4 format, raw 256-bit key, WAL, synchronous=FULL,
 * checked against the bundled migrations before anything is written.
 */
import { chmodSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely } from 'kysely';
import { startCheckpointer } from './checkpointer';
import type { ReadRecord } from './commit-record';
import { startCommitTracking } from './commit-tracker';
import { notWritable, VaultError } from './errors';
import { BUSY_TIMEOUT_MS, keyConnection, VAULT_CACHE_KIB } from './keyed';
import { NestingSqliteDialect } from './nesting-dialect';
import { assertLocalFilesystem } from './network-share';
import type { Database as VaultSchema } from './schema';
import {
  appliedMigrationIds,
  checkMigrationPrefix,
  bundledMigrationIds,
  runMigrations,
} from './migrations';

/** Every table of the vault (generated from the migrations: ./schema.ts). */
export type VaultDatabase = VaultSchema;

/** An unlocked vault: the open database and the data key, until `close()`. */
export interface OpenVault {
  readonly vaultId: string;
  readonly dir: string;
  readonly db: Kysely<VaultDatabase>;
  readonly sqlite: Database.Database;
  /** The raw data key (copy); needed to add/rewrap slots. Zeroed by close(). */
  dataKey(): Buffer;
  /** After a committed call: moves the commit record to the new audit head (commit-tracker.ts). */
  noteCommit(): void;
  /**
   * A page failed its check while in use: marks the record damaged (later opens refuse), copies the
   * files aside and returns that folder (or null). The caller then closes the vault.
   */
  markDamaged(): string | null;
  /** Closes the connection and overwrites the key buffers. Safe to call twice. */
  close(): void;
  readonly closed: boolean;
}

/** The addon `new Database` loads; undefined = the Node build in node_modules (tests, CLI). */
let nativeBinding: string | undefined;

/**
 * Electron main only: load the better-sqlite3 addon built for Electron's ABI from `path`
 * (src-main/electron/native.ts). Tests and the CLI never call it and keep the Node build.
 */
export function setNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

/** Whether vaults opened from now on checkpoint their WAL on a worker thread (checkpointer.ts). */
let backgroundCheckpoints = false;

/**
 * The app's hosts (Electron main, the browser test host, the bench) turn this on at start-up, so the
 * main thread never runs a WAL checkpoint; the CLI's short runs and unit tests keep SQLite's
 * automatic checkpoint (checkpointer.test.ts tests the worker itself).
 */
export function setBackgroundCheckpoints(on: boolean): void {
  backgroundCheckpoints = on;
}

/** SQLCipher 4 page size; a file whose size is not a multiple of it was cut short. */
const PAGE_SIZE = 4096;

function sqliteCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

/** Opens (or, with `create`, creates) zamok.db, checks it belongs to `vaultId`, runs pending migrations. */
export function openDatabase(
  path: string,
  dataKey: Buffer,
  opts: { create: boolean; vaultId: string; migrationsDir?: string },
): Database.Database {
  // SMB/NFS/FUSE: refused before anything is opened or written (./network-share.ts).
  assertLocalFilesystem(dirname(path));
  if (!opts.create) {
    const size = statSync(path).size;
    if (size === 0 || size % PAGE_SIZE !== 0) {
      throw new VaultError(
        'vault_corrupt',
        `zamok.db is damaged (size ${size} bytes is not whole pages; truncated?).`,
      );
    }
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, {
      fileMustExist: !opts.create,
      timeout: BUSY_TIMEOUT_MS,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    // Encrypted anyway, but other OS users have no business reading it; -wal/-shm inherit the mode.
    if (opts.create) chmodSync(path, 0o600);
  } catch (err) {
    if (opts.create) throw notWritable('zamok.db', err);
    throw new VaultError('vault_corrupt', 'zamok.db cannot be opened.', { cause: err });
  }
  try {
    keyConnection(sqlite, dataKey);
    try {
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (err) {
      const code = sqliteCode(err);
      if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
        throw new VaultError(
          'vault_corrupt',
          'zamok.db is damaged or belongs to another vault (it does not decrypt with this vault’s key).',
          { cause: err },
        );
      }
      throw err;
    }
    if (!opts.create) checkExisting(sqlite, opts.vaultId, opts.migrationsDir);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`cache_size = -${VAULT_CACHE_KIB}`);
    runMigrations(sqlite, opts.migrationsDir);
    if (opts.create) {
      const insert = sqlite.prepare('INSERT INTO vault_meta (key, value) VALUES (?, ?)');
      sqlite.transaction(() => {
        insert.run('vault_id', opts.vaultId);
        insert.run('created_at', new Date().toISOString());
        insert.run('format_version', '1');
      })();
    }
    return sqlite;
  } catch (err) {
    sqlite.close();
    if (err instanceof VaultError) throw err;
    const code = sqliteCode(err);
    if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_IOERR_WRITE') {
      throw new VaultError('vault_not_writable', `zamok.db cannot be written (${code}).`, {
        cause: err,
      });
    }
    if (code?.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
      throw new VaultError('vault_corrupt', `zamok.db is damaged (${code}).`, { cause: err });
    }
    if (code?.startsWith('SQLITE_BUSY') || code?.startsWith('SQLITE_LOCKED')) {
      throw new VaultError(
        'vault_in_use',
        'The vault is open in another Zamok window or process and stayed busy; try again.',
        { cause: err },
      );
    }
    throw err;
  }
}

/** Read-only checks before an existing database is touched: it is a Zamok vault, ours, and not newer. */
function checkExisting(sqlite: Database.Database, vaultId: string, migrationsDir?: string): void {
  const applied = appliedMigrationIds(sqlite);
  if (applied.length === 0) {
    throw new VaultError('vault_corrupt', 'zamok.db holds no Zamok data (no migrations recorded).');
  }
  checkMigrationPrefix(applied, bundledMigrationIds(migrationsDir));
  let stored: { value: string } | undefined;
  try {
    stored = sqlite.prepare("SELECT value FROM vault_meta WHERE key = 'vault_id'").get() as
      { value: string } | undefined;
  } catch (err) {
    throw new VaultError('vault_corrupt', 'zamok.db has no vault identity.', { cause: err });
  }
  if (stored?.value !== vaultId) {
    throw new VaultError(
      'vault_corrupt',
      'zamok.db belongs to a different vault than keyring.json.',
    );
  }
}

/**
 * Wraps a keyed connection as an `OpenVault`; takes ownership of `dataKey` (zeroed on close).
 * `committed` is the commit record verified before opening (commit-check.ts), null when none.
 */
export function makeOpenVault(
  dir: string,
  vaultId: string,
  sqlite: Database.Database,
  dataKey: Buffer,
  committed: ReadRecord | null = null,
): OpenVault {
  const db = new Kysely<VaultDatabase>({ dialect: new NestingSqliteDialect(sqlite) });
  const commits = startCommitTracking(dir, vaultId, sqlite, dataKey, committed);
  const checkpointer = backgroundCheckpoints
    ? startCheckpointer(sqlite, { path: sqlite.name, dataKey, nativeBinding })
    : null;
  let closed = false;
  return {
    vaultId,
    dir,
    db,
    sqlite,
    dataKey() {
      if (closed) throw new Error('The vault is closed.');
      return Buffer.from(dataKey);
    },
    noteCommit: () => commits.noteCommit(),
    markDamaged: () => commits.markDamaged(),
    close() {
      if (closed) return;
      closed = true;
      try {
        commits.beforeClose();
        // The worker closes first, so this connection is the last and folds the WAL into the file.
        checkpointer?.stop();
        sqlite.close();
        commits.afterClose();
      } finally {
        dataKey.fill(0);
      }
    },
    get closed() {
      return closed;
    },
  };
}
