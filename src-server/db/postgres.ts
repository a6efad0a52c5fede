/**
 * The PostgreSQL adapter (PostgreSQL >= 15 by URL, through `pg`): a small pool for statements and
 * transactions, and one dedicated connection for LISTEN, so several office servers on one database
 * wake each other's waiting pulls.
 */
import pg from 'pg';
import { assertChannel, type Db, type Queryable, type Row } from './db';

/** Connects to the PostgreSQL database at `url` (postgres://user@host:port/db). */
export async function openPostgres(url: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle pooled connection that dies (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const listener = new pg.Client({ connectionString: url });
  listener.on('error', () => undefined);
  await listener.connect();
  const listeners = new Map<string, Set<(payload: string) => void>>();
  listener.on('notification', message => {
    for (const fn of listeners.get(message.channel) ?? []) fn(message.payload ?? '');
  });

  const run = async <T extends Row>(
    client: pg.Pool | pg.PoolClient,
    sql: string,
    params: readonly unknown[] = [],
  ): Promise<T[]> => (await client.query<T>(sql, [...params])).rows;

  return {
    engine: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Queryable = { query: (sql, params) => run(client, sql, params) };
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [assertChannel(channel), payload]);
    },
    async listen(channel, fn) {
      assertChannel(channel);
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await listener.query(`LISTEN ${channel}`);
      }
      set.add(fn);
      return async () => void set.delete(fn);
    },
    async close() {
      await listener.end().catch(() => undefined);
      await pool.end();
    },
  };
}
