/**
 * A prepared-statement cache for kysely's SQLite driver. kysely prepares every query anew
 * (`db.prepare(sql)` per execution); compiling a join with FTS5 and scope conditions costs more than
 * running it once its pages are cached (bench `search`: ~1 ms of a 2.7 ms call). Queries built by the
 * same code have the same SQL text (values are bound parameters), so the connection keeps the last
 * {@link STATEMENT_CACHE_SIZE} statements by text. better-sqlite3 recompiles a cached statement by
 * itself after a schema change (migrations). A statement still iterating (kysely `stream()`) is not
 * handed out again: that call gets a fresh one.
 */
import type Database from 'better-sqlite3-multiple-ciphers';

/** How many distinct SQL texts stay prepared per connection. */
export const STATEMENT_CACHE_SIZE = 256;

/** What kysely's SqliteDialect needs of a database: `prepare` and `close`. */
export interface PreparingDatabase {
  prepare(sql: string): Database.Statement;
  close(): void;
}

/** `sqlite` with `prepare` going through a least-recently-used cache of `size` statements. */
export function withStatementCache(
  sqlite: Database.Database,
  size: number = STATEMENT_CACHE_SIZE,
): PreparingDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    prepare(sql: string): Database.Statement {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Move to the most recent end.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (cached) return statement;
      cache.set(sql, statement);
      if (cache.size > size) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      return statement;
    },
    close(): void {
      cache.clear();
      sqlite.close();
    },
  };
}
