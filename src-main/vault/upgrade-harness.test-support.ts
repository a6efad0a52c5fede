/**
 * Test support for migration upgrade tests: a real SQLCipher vault database migrated only up to one
 * migration, then upgraded to the latest the way an unlock does it (`openDatabase`). Test-only.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3-multiple-ciphers';
import { makeOpenVault, openDatabase, type OpenVault } from './database';
import { bundledMigrationIds } from './migrations';
import { makeTempDir } from './temp-vault.test-support';

const REPO_MIGRATIONS = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** A closed vault database at some migration: reopen it with `upgradeToLatest`. */
export interface OldVault {
  readonly dir: string;
  readonly dbPath: string;
  readonly vaultId: string;
  readonly dataKey: Buffer;
  /** The folder holding the migrations it was made with (a copy of the first n bundled files). */
  readonly migrationsDir: string;
}

/** Rows of every data table, keyed by table name (see `snapshotTables`). */
export type TableSnapshot = Record<string, { columns: string[]; rows: string[] }>;

/**
 * Creates a vault database migrated up to and including `lastId` (a bundled id), lets `seed` write
 * that schema's data on the open connection, and closes it.
 */
export function createVaultAtMigration(
  lastId: string,
  seed: (sqlite: Database.Database) => void,
): OldVault {
  const ids = bundledMigrationIds();
  const last = ids.indexOf(lastId);
  if (last < 0) throw new Error(`No bundled migration ${lastId}.`);
  const dir = makeTempDir('zamok-upgrade-');
  const migrationsDir = join(dir, 'migrations');
  mkdirSync(migrationsDir);
  for (const id of ids.slice(0, last + 1)) {
    copyFileSync(join(REPO_MIGRATIONS, `${id}.sql`), join(migrationsDir, `${id}.sql`));
  }
  const old: OldVault = {
    dir,
    dbPath: join(dir, 'zamok.db'),
    vaultId: randomBytes(16).toString('hex'),
    dataKey: randomBytes(32),
    migrationsDir,
  };
  const sqlite = openDatabase(old.dbPath, Buffer.from(old.dataKey), {
    create: true,
    vaultId: old.vaultId,
    migrationsDir,
  });
  try {
    sqlite.transaction(() => seed(sqlite))();
  } finally {
    sqlite.close();
  }
  return old;
}

/** Opens `old` as an unlock does, which runs every pending bundled migration. Close it when done. */
export function upgradeToLatest(old: OldVault, migrationsDir?: string): OpenVault {
  const dataKey = Buffer.from(old.dataKey);
  const sqlite = openDatabase(old.dbPath, dataKey, {
    create: false,
    vaultId: old.vaultId,
    ...(migrationsDir === undefined ? {} : { migrationsDir }),
  });
  return makeOpenVault(old.dir, old.vaultId, sqlite, dataKey);
}

/** Opens `old` without migrating, to look at it as it is; close it when done. */
export function openAsIs(old: OldVault): Database.Database {
  return openDatabase(old.dbPath, Buffer.from(old.dataKey), {
    create: false,
    vaultId: old.vaultId,
    migrationsDir: old.migrationsDir,
  });
}

/**
 * Every row of every data table (not `schema_migrations`, SQLite's own tables, FTS5 tables and their
 * shadow tables), each row as JSON of its columns, sorted: compare a snapshot taken before an upgrade
 * with `snapshotTables(after, before)` to prove no row was lost or changed.
 */
export function snapshotTables(sqlite: Database.Database, like?: TableSnapshot): TableSnapshot {
  const all = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string; sql: string | null }[];
  const virtual = all.filter(t => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map(t => t.name);
  const tables = all
    .map(t => t.name)
    .filter(
      name =>
        !name.startsWith('sqlite_') &&
        name !== 'schema_migrations' &&
        !virtual.some(v => name === v || name.startsWith(`${v}_`)),
    );
  const names = like === undefined ? tables : Object.keys(like);
  const out: TableSnapshot = {};
  for (const table of names) {
    if (!tables.includes(table)) continue;
    const columns =
      like?.[table]?.columns ??
      (sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map(
        c => c.name,
      );
    const list = columns.map(c => `"${c}"`).join(', ');
    const rows = (sqlite.prepare(`SELECT ${list} FROM "${table}"`).raw().all() as unknown[][])
      .map(row => JSON.stringify(row.map(v => (Buffer.isBuffer(v) ? v.toString('hex') : v))))
      .sort();
    out[table] = { columns, rows };
  }
  return out;
}
