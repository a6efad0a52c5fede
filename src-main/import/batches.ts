/**
 * What every import's commit shares (./commit.ts for contacts and companies, ./deals/commit.ts for
 * deals): the `import_batches` row from `running` to its final status, the connection's own
 * transaction per batch, and the loop that plans rows, flushes them in batches and stops between
 * batches when asked.
 */
import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import type { Database } from '../vault/schema';
import type { ImportTable } from './read';

/** The vault an import writes to: kysely for the records, the connection for batch transactions. */
export interface ImportVault {
  db: Kysely<Database>;
  sqlite: SqliteDatabase.Database;
}

/**
 * Runs `work` in one transaction of the connection itself, so the record modules' own
 * `db.transaction()` calls nest inside it as savepoints (src-main/vault/nesting-dialect.ts).
 */
export async function inTransaction<T>(vault: ImportVault, work: () => Promise<T>): Promise<T> {
  vault.sqlite.exec('BEGIN');
  try {
    const value = await work();
    vault.sqlite.exec('COMMIT');
    return value;
  } catch (err) {
    if (vault.sqlite.inTransaction) vault.sqlite.exec('ROLLBACK');
    throw err;
  }
}

/** Writes the `import_batches` row of a starting import (status `running`). */
export async function startBatch(
  db: Kysely<Database>,
  o: {
    batchId: string;
    recordType: 'contact' | 'company' | 'deal';
    actorId: string;
    ownerId: string;
    table: ImportTable;
    now: () => Date;
  },
): Promise<void> {
  await db
    .insertInto('import_batches')
    .values({
      id: o.batchId,
      record_type: o.recordType,
      created_by: o.actorId,
      owner_id: o.ownerId,
      format: o.table.format,
      status: 'running',
      created_count: 0,
      updated_count: 0,
      started_at: o.now().toISOString(),
    })
    .execute();
}

/** Marks an import batch as ended. */
export async function finishBatch(
  db: Kysely<Database>,
  batchId: string,
  status: 'done' | 'cancelled' | 'failed',
  at: Date,
): Promise<void> {
  await db
    .updateTable('import_batches')
    .set({ status, finished_at: at.toISOString() })
    .where('id', '=', batchId)
    .execute();
}

/**
 * Plans `rows` one by one and hands them to `flush` in batches of `batchSize` (each flush one
 * transaction of the caller's); after each full batch, a stop asked through `signal` ends the
 * import there (`cancelled`: the batches committed stay). The batch row gets its final status,
 * `failed` when something threw (and the error goes on).
 */
export async function inBatches<P>(
  db: Kysely<Database>,
  batchId: string,
  rows: AsyncIterable<readonly [number, readonly string[]]>,
  o: {
    plan: (row: number, cells: readonly string[]) => Promise<P> | P;
    flush: (pending: P[]) => Promise<void>;
    batchSize: number;
    signal: AbortSignal | undefined;
    now: () => Date;
  },
): Promise<'done' | 'cancelled'> {
  let status: 'done' | 'cancelled' = 'done';
  const pending: P[] = [];
  try {
    for await (const [row, cells] of rows) {
      pending.push(await o.plan(row, cells));
      if (pending.length >= o.batchSize) {
        await o.flush(pending);
        if (o.signal?.aborted === true) {
          status = 'cancelled';
          break;
        }
      }
    }
    if (status === 'done') await o.flush(pending);
  } catch (err) {
    await finishBatch(db, batchId, 'failed', o.now());
    throw err;
  }
  await finishBatch(db, batchId, status, o.now());
  return status;
}
