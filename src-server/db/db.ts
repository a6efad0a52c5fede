/**
 * The office server's storage: one small interface over PostgreSQL, with two adapters — embedded
 * PGlite (./pglite.ts, one data folder, one connection, access serialised) and a real PostgreSQL
 * by URL through `pg` (./postgres.ts, a pool; several servers may share one database). Queries are
 * parameterised SQL ($1, $2, …); the SQL lives in the small repository modules next to the services.
 */

/** One row as the driver returns it: bigint columns may come back as string (pg) or number. */
export type Row = Record<string, unknown>;

/** Something that runs a parameterised statement: the database itself or an open transaction. */
export interface Queryable {
  /** Runs one statement with bound parameters and returns its rows (empty for statements without). */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** The server's database: statements, transactions, migrations' raw SQL, and change notifications. */
export interface Db extends Queryable {
  /** Which engine: for logs and the health endpoint. */
  readonly engine: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction (READ COMMITTED): committed when it resolves, rolled back when it
   * throws. Every statement of the work goes through the `tx` it is given.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several statements of plain SQL (a migration), no parameters. */
  exec(sql: string): Promise<void>;
  /**
   * Tells every server on this database (LISTEN/NOTIFY on PostgreSQL; in-process for PGlite, which
   * has one server) that `payload` happened on `channel`. Call after the commit it announces.
   */
  notify(channel: string, payload: string): Promise<void>;
  /** Calls `listener` for each notification on `channel` until the returned function is called. */
  listen(channel: string, listener: (payload: string) => void): Promise<() => Promise<void>>;
  /** Closes the connection(s); pending statements finish first. */
  close(): Promise<void>;
}

/** PostgreSQL's SQLSTATE for a unique violation, raised by both adapters as `error.code`. */
export const UNIQUE_VIOLATION = '23505';

/** The SQLSTATE of a driver error, if it has one. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** A channel name safe to put into LISTEN (letters, digits, underscore). */
export function assertChannel(channel: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error('bad notification channel name');
  return channel;
}
