/**
 * The office server's migrations: numbered .sql files in src-server/migrations/, applied in order
 * under an advisory lock (several servers may start together on one database), each in its own
 * transaction, ids kept in `server_migrations`. A database whose applied list is not a prefix of
 * the bundled list was made by a newer server: it is refused, never changed.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './db';
import { SERVER_MIGRATION_SHA256 } from './migration-pins';

/**
 * This file sits two folders below the repo (src-server/db/), as does the CLI bundle
 * (out/cli/*.mjs), so the same relative URL finds the migrations from source and from the build.
 */
const MIGRATIONS_DIR = fileURLToPath(new URL('../../src-server/migrations/', import.meta.url));
const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;
/** Any fixed number: the advisory lock that serialises migrations between servers. */
const MIGRATION_LOCK = 7_208_016;

/** Raised when the database holds migrations this server does not know. */
export class NewerDatabaseError extends Error {
  override readonly name = 'NewerDatabaseError';
}

/** SHA-256 (hex) of a migration's text with CRLF as LF (a checkout with autocrlf still matches). */
export function serverMigrationSha256(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

/**
 * The bundled migrations, sorted: id (file name without .sql) and SQL. A file with a pin that it
 * does not match (an edited shipped migration) throws.
 */
export function loadServerMigrations(
  dir = MIGRATIONS_DIR,
  pins: Readonly<Record<string, string>> = SERVER_MIGRATION_SHA256,
): { id: string; sql: string }[] {
  return readdirSync(dir)
    .filter(name => MIGRATION_FILE.test(name))
    .sort()
    .map(name => {
      const id = name.slice(0, -4);
      const sql = readFileSync(`${dir}/${name}`, 'utf8');
      const pin = pins[id];
      if (pin !== undefined && pin !== serverMigrationSha256(sql)) {
        throw new Error(`office server migration ${id} was edited after it shipped`);
      }
      return { id, sql };
    });
}

/** Applies the migrations `db` lacks; returns the ids applied now. */
export async function migrateServer(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const bundled = loadServerMigrations(dir);
  await db.exec(
    'CREATE TABLE IF NOT EXISTS server_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  return db.transaction(async tx => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const applied = (
      await tx.query<{ id: string }>('SELECT id FROM server_migrations ORDER BY id')
    ).map(row => row.id);
    applied.forEach((id, index) => {
      if (bundled[index]?.id !== id) {
        throw new NewerDatabaseError(
          `the office database has migration ${id}, which this server does not have`,
        );
      }
    });
    const pending = bundled.slice(applied.length);
    for (const migration of pending) {
      // Statements of one file run one by one: the extended protocol takes one statement at a time.
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO server_migrations (id) VALUES ($1)', [migration.id]);
    }
    return pending.map(m => m.id);
  });
}

/** Splits a migration into statements at `;` ending a line (comments dropped; no `;` in strings). */
export function splitStatements(sql: string): string[] {
  return sql
    .split('\n')
    .filter(line => !line.trimStart().startsWith('--'))
    .join('\n')
    .split(/;\s*$/m)
    .map(s => s.trim())
    .filter(s => s.length > 0);
}
