/**
 * The embedded adapter: PostgreSQL in WASM (@electric-sql/pglite) over one data folder. PGlite has
 * one connection, so every statement and transaction is queued here and runs alone: a transaction
 * holds the queue until it ends (a statement from elsewhere never slips into it). Notifications stay
 * in this process: PGlite's data folder belongs to one server.
 */
import { EventEmitter } from 'node:events';
import { PGlite } from '@electric-sql/pglite';
import { assertChannel, type Db, type Queryable, type Row } from './db';

/** Opens (creating when missing) the PGlite database in `dataDir`; in memory when `dataDir` is null. */
export async function openPglite(dataDir: string | null): Promise<Db> {
  const pg = await PGlite.create(dataDir === null ? {} : { dataDir });
  const events = new EventEmitter();
  events.setMaxListeners(0);
  let tail: Promise<unknown> = Promise.resolve();
  let closed = false;

  /** Runs `work` after everything queued before it; the queue moves on whether it fails or not. */
  function serialised<T>(work: () => Promise<T>): Promise<T> {
    if (closed) return Promise.reject(new Error('the office database is closed'));
    const result = tail.then(work, work);
    tail = result.catch(() => undefined);
    return result;
  }

  const direct: Queryable = {
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      const result = await pg.query<T>(sql, [...params]);
      return result.rows;
    },
  };

  return {
    engine: 'pglite',
    query: (sql, params) => serialised(() => direct.query(sql, params)),
    transaction: fn =>
      serialised(() =>
        pg.transaction(tx =>
          fn({
            async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
              return (await tx.query<T>(sql, [...params])).rows;
            },
          }),
        ),
      ),
    exec: sql => serialised(async () => void (await pg.exec(sql))),
    async notify(channel, payload) {
      events.emit(assertChannel(channel), payload);
    },
    async listen(channel, listener) {
      events.on(assertChannel(channel), listener);
      return async () => void events.off(channel, listener);
    },
    async close() {
      await serialised(async () => undefined);
      closed = true;
      await pg.close();
    },
  };
}
