/**
 * A tiny migration runner over numbered .sql files in the repo's `migrations/` folder.
 *
 * Applied ids live in `schema_migrations`. A database is opened only when its applied list is a prefix
 * of the bundled list; otherwise it was made by a newer Zamok (or a different build) and is left as is.
 * Every shipped file must hash to its pin in migration-pins.ts (`MigrationEditedError` otherwise).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { MigrationEditedError, VaultError } from './errors';
import { MIGRATION_SHA256 } from './migration-pins';

/**
 * This file sits exactly two folders deep (src-main/vault/), as does the bundle (out/main/index.js),
 * so the same relative URL finds the repo's migrations/ from source and from the build.
 */
const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;

/** One bundled migration: id (file name without `.sql`) and its SQL. */
export interface Migration {
  id: string;
  sql: string;
}

/**
 * The SHA-256 (hex) a migration is pinned by: of its text with CRLF turned into LF, so a checkout
 * that converts line endings (git autocrlf) still matches.
 */
export function migrationSha256(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

/**
 * The bundled migrations, sorted by number. Throws when two files share a number, and
 * `MigrationEditedError` when a file with a pin in `pins` does not hash to it (unpinned ids, such as
 * a test's extra files, are not checked; migrations.test.ts demands a pin for every shipped file).
 */
export function loadMigrations(
  dir: string = DEFAULT_MIGRATIONS_DIR,
  pins: Readonly<Record<string, string>> = MIGRATION_SHA256,
): Migration[] {
  const files = readdirSync(dir)
    .filter(name => MIGRATION_FILE.test(name))
    .sort();
  const numbers = new Set<string>();
  return files.map(name => {
    const number = name.slice(0, 4);
    if (numbers.has(number)) throw new Error(`Two migrations are numbered ${number}.`);
    numbers.add(number);
    const id = name.slice(0, -'.sql'.length);
    const sql = readFileSync(`${dir}/${name}`, 'utf8');
    const pinned = pins[id];
    if (pinned !== undefined) {
      const actual = migrationSha256(sql);
      if (actual !== pinned) throw new MigrationEditedError(id, pinned, actual);
    }
    return { id, sql };
  });
}

/** Ids of the migrations bundled with this build, in order (e.g. `['0001_vault', '0002_accounts']`). */
export function bundledMigrationIds(dir?: string): string[] {
  return loadMigrations(dir).map(m => m.id);
}

/** Ids recorded in the database, in order; empty when the runner's table does not exist yet. */
export function appliedMigrationIds(sqlite: Database): string[] {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (table === undefined) return [];
  const rows = sqlite.prepare('SELECT id FROM schema_migrations ORDER BY id').all() as {
    id: string;
  }[];
  return rows.map(r => r.id);
}

/**
 * Throws `vault_newer` when the database has every bundled migration and more, and
 * `vault_unknown_migration` when an applied id is not the bundled one at that position. Reads only.
 */
export function checkMigrationPrefix(applied: readonly string[], bundled: readonly string[]): void {
  for (let i = 0; i < applied.length; i++) {
    if (i >= bundled.length) {
      throw new VaultError(
        'vault_newer',
        `This vault was made by a newer Zamok (it has migration ${applied[i]}, this version knows up to ${bundled.at(-1) ?? 'none'}). Update Zamok to open it.`,
      );
    }
    if (applied[i] !== bundled[i]) {
      throw new VaultError(
        'vault_unknown_migration',
        `This vault has an unknown migration ${applied[i]} where this version expects ${bundled[i]}; it was changed by another build of Zamok.`,
      );
    }
  }
}

/** The bundled migrations not yet applied; throws when the applied list is not a prefix. */
function pendingMigrations(sqlite: Database, bundled: readonly Migration[]): Migration[] {
  const applied = appliedMigrationIds(sqlite);
  checkMigrationPrefix(
    applied,
    bundled.map(m => m.id),
  );
  return bundled.slice(applied.length);
}

/**
 * Checks the prefix, then applies the pending migrations in order, all in one transaction together
 * with their `schema_migrations` rows: when one fails, none is applied, so a failed upgrade leaves
 * the vault exactly as the previous version left it (and that version can still open it).
 * Writes nothing when none is pending. Returns the ids it applied.
 */
export function runMigrations(sqlite: Database, dir?: string): string[] {
  const bundled = loadMigrations(dir);
  if (pendingMigrations(sqlite, bundled).length === 0) return [];
  return sqlite
    .transaction(() => {
      // Read again under the write lock: another process may have migrated since the check above.
      const pending = pendingMigrations(sqlite, bundled);
      sqlite.exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)',
      );
      const record = sqlite.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
      for (const migration of pending) {
        sqlite.exec(migration.sql);
        record.run(migration.id, new Date().toISOString());
      }
      return pending.map(m => m.id);
    })
    .immediate();
}
