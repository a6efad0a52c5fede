/**
 * kysely's SQLite dialect with nesting transactions. The audit wrapper runs a whole call — the
 * handler's own `db.transaction()` included — inside one outer transaction with its audit entry, so a
 * change and its entry commit or roll back together. Inside an open transaction, begin / commit /
 * rollback become SAVEPOINT / RELEASE / ROLLBACK TO; outside one they behave as usual.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
} from 'kysely';
import { withStatementCache } from './statement-cache';

class NestingSqliteDriver extends SqliteDriver {
  readonly #sqlite: Database.Database;
  /** One entry per open kysely transaction: a savepoint name, or '' for a real BEGIN. */
  readonly #open: string[] = [];
  #counter = 0;

  constructor(sqlite: Database.Database) {
    // Prepared statements are reused by SQL text (statement-cache.ts).
    super({ database: withStatementCache(sqlite) });
    this.#sqlite = sqlite;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.#sqlite.inTransaction) {
      // IMMEDIATE, as the audit wrapper's: see there (two processes on one vault).
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
      this.#open.push('');
      return;
    }
    this.#counter += 1;
    const name = `zamok_nested_${this.#counter}`;
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${name}`));
    this.#open.push(name);
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const name = this.#open.pop();
    if (name) await connection.executeQuery(CompiledQuery.raw(`release ${name}`));
    else await super.commitTransaction(connection);
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const name = this.#open.pop();
    if (!name) return super.rollbackTransaction(connection);
    await connection.executeQuery(CompiledQuery.raw(`rollback to ${name}`));
    await connection.executeQuery(CompiledQuery.raw(`release ${name}`));
  }
}

/** The dialect for a vault connection. */
export class NestingSqliteDialect extends SqliteDialect {
  readonly #sqlite: Database.Database;

  constructor(sqlite: Database.Database) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
  }

  override createDriver(): Driver {
    return new NestingSqliteDriver(this.#sqlite);
  }
}
