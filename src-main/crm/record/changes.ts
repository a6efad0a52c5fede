/**
 * The writes every owned record shares: the concurrency token (`updated_at`, strictly rising),
 * the optimistic-update check, soft delete, restore and reassigning the owner. Each runs in one
 * transaction: read the record as the caller may touch it (the record's own scoped `get`), write,
 * read it back; it returns `{ before, after }` for the audit log's field-level changes.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool, type UpdateResult } from 'kysely';
import type { Database } from '../../vault/schema';
import { isOfficeMember, readStoredRow, recordToOutbox, type StoredRow } from '../../sync/outbox';
import { RecordError, recordNotFound } from './errors';
import { ownerScopeSql, type Viewer } from './viewer';

/** A change to one record: before (null when new) and after. */
export interface Change<T> {
  before: T | null;
  after: T;
}

/** The stamps every owned record carries. */
export interface Stamped {
  ownerId: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** Tables of records with an owner, stamps and soft delete. */
export type OwnedTable = 'contacts' | 'companies' | 'deals' | 'activities';

/** One record of each owned table, as messages name it ("No such contact."). */
const RECORD_NAME: Record<OwnedTable, string> = {
  contacts: 'contact',
  companies: 'company',
  deals: 'deal',
  activities: 'activity',
};

/** How the shared writes reach one record of one table. */
export interface RecordAccess<T> {
  table: OwnedTable;
  id: string;
  /** The record as the caller may touch it, scoped (`not_found` otherwise). */
  get(db: Kysely<Database>): Promise<T>;
  /** The record after the write, read back without a scope. */
  read(db: Kysely<Database>): Promise<T>;
}

/** ISO time strictly after `previous` (same-millisecond edits still change the concurrency token). */
export function nextTime(now: Date, previous?: string): string {
  if (Number.isNaN(now.getTime())) throw new RecordError('invalid_input', 'time: not a valid date');
  const t = now.getTime();
  const prev = previous === undefined ? Number.NaN : Date.parse(previous);
  return new Date(Number.isNaN(prev) || t > prev ? t : prev + 1).toISOString();
}

/** The conflict message of a stale edit of a `what` ("contact", "deal", …). */
export function staleMessage(what: string): string {
  return `This ${what} was changed by someone else since you opened it. Reload it and try again.`;
}

/** Throws `conflict` when the record was saved after the caller read it (`expectedUpdatedAt`). */
export function expectFresh(record: Stamped, expectedUpdatedAt: string, message: string): void {
  if (record.updatedAt !== expectedUpdatedAt) throw new RecordError('conflict', message);
}

/** The stored fields with the patch's defined values laid over them. */
export function applyPatch<F extends object>(fields: F, patch: Partial<F>): F {
  const out = { ...fields };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) Object.assign(out, { [key]: value });
  }
  return out;
}

/**
 * One change in one transaction: the record as the caller may touch it (`access.get`), `work` on
 * it, then the record read back. `work` answering `false` means nothing changed: after = before.
 * This is the one place record edits, deletes, restores and moves are written: the change goes to
 * the office sync outbox (src-main/sync/outbox.ts) in the same transaction.
 */
export async function changeRecord<T>(
  db: Kysely<Database>,
  access: RecordAccess<T>,
  work: (trx: Kysely<Database>, before: T) => Promise<unknown>,
): Promise<Change<T> & { before: T }> {
  return db.transaction().execute(async trx => {
    const before = await access.get(trx);
    const stored = await readStoredRow(trx, access.table, access.id);
    const changed = await work(trx, before);
    if (changed === false) return { before, after: before };
    await recordToOutbox(trx, access.table, access.id, stored);
    return { before, after: await access.read(trx) };
  });
}

/**
 * Notes a record just inserted in `trx` (contacts, companies, deals, activities): the creation goes
 * to the office sync outbox in the same transaction. Every create calls it right after its INSERT.
 */
export async function recordCreated(
  trx: Kysely<Database>,
  table: OwnedTable,
  id: string,
): Promise<void> {
  await recordToOutbox(trx, table, id, null);
}

/** The stored row of a record (for {@link recordChanged}), or null. */
export async function storedRow(
  trx: Kysely<Database>,
  table: OwnedTable,
  id: string,
): Promise<StoredRow | null> {
  return readStoredRow(trx, table, id);
}

/**
 * For a write that cannot go through {@link changeRecord} (a deal's stage move, which checks its
 * own way): notes the change since `stored` (read in the same transaction before the write) for
 * the office sync outbox.
 */
export async function recordChanged(
  trx: Kysely<Database>,
  table: OwnedTable,
  id: string,
  stored: StoredRow | null,
): Promise<void> {
  if (stored) await recordToOutbox(trx, table, id, stored);
}

/**
 * A write of many records of `table` at once (a dismissal's handover of every record of a user):
 * each row named by `ids` is read, `write` runs, and each change goes to the office sync outbox in
 * the same transaction. On a vault that does not sync, `write` alone runs (no reads).
 */
export async function changeRecordsInBulk(
  trx: Kysely<Database>,
  table: OwnedTable,
  ids: readonly string[],
  write: () => Promise<unknown>,
): Promise<void> {
  if (ids.length === 0 || !(await isOfficeMember(trx))) {
    await write();
    return;
  }
  const stored = new Map<string, StoredRow | null>();
  for (const id of ids) stored.set(id, await readStoredRow(trx, table, id));
  await write();
  for (const [id, before] of stored) if (before) await recordToOutbox(trx, table, id, before);
}

/** What an optimistic edit of a `what` ("contact", "deal", …) checks. */
export interface EditCheck {
  /** The `updatedAt` the caller saw; anything else is a `conflict` and nothing changes. */
  expectedUpdatedAt: string;
  now: Date;
  what: string;
  /** The conflict message when it is not {@link staleMessage}(what). */
  staleMessage?: string;
}

/**
 * An optimistic edit: the record as the caller may touch it, unchanged since they read it; `write`
 * stores the new fields at time `at`, filtered by `unchanged` (this row, still live and at
 * `expectedUpdatedAt`), and answers the statement's result (one row, else `not_found`).
 */
export async function edit<T extends Stamped>(
  db: Kysely<Database>,
  access: RecordAccess<T>,
  check: EditCheck,
  write: (
    trx: Kysely<Database>,
    before: T,
    at: string,
    unchanged: RawBuilder<SqlBool>,
  ) => Promise<UpdateResult>,
): Promise<Change<T> & { before: T }> {
  const column = (name: string) => sql.ref(`${access.table}.${name}`);
  const unchanged = sql<SqlBool>`${column('id')} = ${access.id} AND ${column('updated_at')} = ${check.expectedUpdatedAt} AND ${column('deleted_at')} IS NULL`;
  return changeRecord(db, access, async (trx, before) => {
    expectFresh(before, check.expectedUpdatedAt, check.staleMessage ?? staleMessage(check.what));
    const result = await write(trx, before, nextTime(check.now, before.updatedAt), unchanged);
    if (result.numUpdatedRows !== 1n) throw recordNotFound(check.what);
  });
}

/** Throws `invalid_input` (with `message`) unless `userId` is an active account. */
export async function requireActiveUser(
  db: Kysely<Database>,
  userId: string,
  message: string,
): Promise<void> {
  const user = await db
    .selectFrom('users')
    .select('status')
    .where('id', '=', userId)
    .executeTakeFirst();
  if (user?.status !== 'active') throw new RecordError('invalid_input', message);
}

/**
 * The stamps of a new record owned and created by `actorId` at `at` (spread into its insert).
 */
export function newRecordStamps(actorId: string, at: string) {
  return {
    owner_id: actorId,
    created_at: at,
    created_by: actorId,
    updated_at: at,
    updated_by: actorId,
    deleted_at: null,
    deleted_by: null,
  };
}

/** The stamp columns of a stored row as the domain's fields. */
export function rowStamps(row: {
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  deleted_at: string | null;
  deleted_by: string | null;
}) {
  return {
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    deletedAt: row.deleted_at,
    deletedBy: row.deleted_by,
  };
}

/** Sets (or clears, `deletedBy` null) the soft-delete stamps; `deleted` is the state it leaves. */
async function stampDeleted(
  trx: Kysely<Database>,
  access: RecordAccess<unknown>,
  at: string,
  actorId: string,
  deleted: boolean,
  reach: RawBuilder<SqlBool> = sql<SqlBool>`1`,
): Promise<bigint> {
  const result = await trx
    .updateTable(access.table)
    .set({
      deleted_at: deleted ? at : null,
      deleted_by: deleted ? actorId : null,
      updated_at: at,
      updated_by: actorId,
    })
    .where('id', '=', access.id)
    .where('deleted_at', deleted ? 'is' : 'is not', null)
    .where(reach)
    .executeTakeFirst();
  return result.numUpdatedRows;
}

/** Soft delete: the record leaves lists and reads; the audit log keeps its history. */
export async function softDelete<T extends Stamped>(
  db: Kysely<Database>,
  access: RecordAccess<T>,
  actorId: string,
  now: Date,
): Promise<Change<T> & { before: T }> {
  return changeRecord(db, access, async (trx, before) => {
    await stampDeleted(trx, access, nextTime(now, before.updatedAt), actorId, true);
  });
}

/**
 * Brings back a deleted record, as far as `restorer`'s scope reaches (the restore grant itself is
 * plain: the caller passes the scope of the record's read grant). The scope is SQL on the owner
 * column, applied before anything else and again in the UPDATE's WHERE: a record outside it is
 * `not_found` whether it is deleted, live or missing (no existence leak, nothing written), so
 * `conflict` with `notDeletedMessage` is only ever said of a record the caller reaches.
 * `access.get` must find deleted records (and should be scoped the same way).
 */
export async function restore<T extends Stamped>(
  db: Kysely<Database>,
  access: RecordAccess<T>,
  restorer: Viewer,
  now: Date,
  notDeletedMessage: string,
): Promise<Change<T> & { before: T }> {
  const reach = ownerScopeSql(`${access.table}.owner_id`, restorer, restorer.scope);
  const what = RECORD_NAME[access.table];
  const scoped: RecordAccess<T> = {
    ...access,
    async get(trx) {
      const found = await trx
        .selectFrom(access.table)
        .select('id')
        .where('id', '=', access.id)
        .where(reach)
        .executeTakeFirst();
      if (!found) throw recordNotFound(what);
      return access.get(trx);
    },
  };
  return changeRecord(db, scoped, async (trx, before) => {
    if (before.deletedAt === null) throw new RecordError('conflict', notDeletedMessage);
    const at = nextTime(now, before.updatedAt);
    if ((await stampDeleted(trx, access, at, restorer.userId, false, reach)) !== 1n) {
      throw recordNotFound(what);
    }
  });
}

/**
 * Gives the record to another active user (`invalid_input` otherwise); to the current owner it
 * changes nothing. `afterMove` runs in the same transaction once the owner changed.
 */
export async function reassignOwner<T extends Stamped>(
  db: Kysely<Database>,
  access: RecordAccess<T>,
  change: { newOwnerId: string; actorId: string; now: Date },
  afterMove?: (trx: Kysely<Database>) => Promise<unknown>,
): Promise<Change<T> & { before: T }> {
  return changeRecord(db, access, async (trx, before) => {
    await requireActiveUser(trx, change.newOwnerId, 'The new owner must be an active user.');
    if (before.ownerId === change.newOwnerId) return false;
    await trx
      .updateTable(access.table)
      .set({
        owner_id: change.newOwnerId,
        updated_at: nextTime(change.now, before.updatedAt),
        updated_by: change.actorId,
      })
      .where('id', '=', access.id)
      .execute();
    if (afterMove) await afterMove(trx);
  });
}
