/**
 * The outbox: every change to an owned record, written through the shared record module
 * (crm/record/changes.ts), adds one sealed change here in the same transaction — so a record change
 * and its outbox entry are committed together or not at all. Nothing is written while the vault has
 * not joined an office. The change is sealed at once under the current key of the partition of the
 * record's owner (the new owner's after a reassignment).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../vault/schema';
import {
  GUARDED_FIELDS,
  type RecordChangeBody,
  type StoredRow,
  type SyncedTable,
} from './change-format';
import { openChange, sealChange } from './crypto';
import { documentsMoved } from './documents-out';
import { partitionKey } from './store';
import { isOfficeMember, ownerPartition, peopleOf } from './office-rows';

export { isOfficeMember, ownerPartition, peopleOf } from './office-rows';

export type { StoredRow } from './change-format';

/** The stored row of `table`/`id`, or null. */
export async function readStoredRow(
  db: Kysely<Database>,
  table: SyncedTable,
  id: string,
): Promise<StoredRow | null> {
  const row = await db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
  return (row as StoredRow | undefined) ?? null;
}

/** The columns whose stored value differs (every column of a new row). */
export function changedColumns(before: StoredRow | null, after: StoredRow): string[] {
  return Object.keys(after).filter(column => before === null || before[column] !== after[column]);
}

/**
 * Adds the change of one record (`before` null: created) to the outbox, inside the caller's
 * transaction `trx`. Does nothing when the vault is not an office member or nothing changed. A
 * record whose owner has no partition this laptop holds a key for is not synced (and stays local).
 * A reassignment is a move: an `out` change in the old owner's partition and the whole row as an
 * `in` change in the new owner's (each only when this laptop holds that partition's key).
 */
export async function recordToOutbox(
  trx: Kysely<Database>,
  table: SyncedTable,
  id: string,
  before: StoredRow | null,
): Promise<void> {
  if (!(await isOfficeMember(trx))) return;
  const after = await readStoredRow(trx, table, id);
  if (!after) return;
  const columns = changedColumns(before, after);
  if (columns.length === 0) return;
  const base: StoredRow = {};
  if (before) {
    for (const column of GUARDED_FIELDS[table]) {
      if (columns.includes(column)) base[column] = before[column] ?? null;
    }
  }
  const people = await peopleOf(trx, after);
  const pick = (names: string[]) => Object.fromEntries(names.map(c => [c, after[c] ?? null]));
  const body = { v: 1, table, id, people } as const;
  const oldOwner = before ? String(before.owner_id) : null;
  const newOwner = String(after.owner_id);
  if (oldOwner === null || oldOwner === newOwner) {
    await seal(trx, newOwner, { ...body, fields: pick(columns), base });
    return;
  }
  await seal(trx, oldOwner, { ...body, fields: pick(columns), base, move: 'out' });
  await seal(trx, newOwner, { ...body, fields: pick(Object.keys(after)), base: {}, move: 'in' });
  // The record's documents follow it into the new owner's partition (./documents-out.ts).
  await documentsMoved(trx, table, id, newOwner);
}

/** Seals `body` under the current key of `ownerId`'s partition into the outbox (none held: skip). */
async function seal(trx: Kysely<Database>, ownerId: string, body: RecordChangeBody): Promise<void> {
  const partition = await ownerPartition(trx, ownerId);
  if (!partition) return;
  const changeId = randomUUID();
  const at = { partitionId: partition.partition_id, keyVersion: partition.key_version, changeId };
  await trx
    .insertInto('sync_outbox')
    .values({
      change_id: changeId,
      partition_id: at.partitionId,
      key_version: at.keyVersion,
      record_table: body.table,
      record_id: body.id,
      fields: JSON.stringify(Object.keys(body.fields)),
      sealed: sealChange(Buffer.from(partition.key), at, JSON.stringify(body)),
      created_at: new Date().toISOString(),
      seq: null,
    })
    .execute();
}

/**
 * Seals again, under the partition's current key, every outbox change not yet acknowledged that
 * was sealed under an older version (the server refuses those: `stale_key`). Each gets a new
 * change id: the old one may already be stored on the server with the old content.
 */
export async function resealStale(trx: Kysely<Database>): Promise<number> {
  const stale = await trx
    .selectFrom('sync_outbox as o')
    .innerJoin('office_partitions as p', 'p.partition_id', 'o.partition_id')
    .select(['o.change_id', 'o.partition_id', 'o.key_version', 'o.sealed', 'p.key_version as now'])
    .where('o.seq', 'is', null)
    .whereRef('o.key_version', '<', 'p.key_version')
    .execute();
  for (const row of stale) {
    const oldKey = await partitionKey(trx, row.partition_id, row.key_version);
    const newKey = await partitionKey(trx, row.partition_id, row.now);
    if (!oldKey || !newKey) continue;
    const plain = openChange(
      oldKey,
      { partitionId: row.partition_id, keyVersion: row.key_version, changeId: row.change_id },
      row.sealed,
    );
    const changeId = randomUUID();
    const at = { partitionId: row.partition_id, keyVersion: row.now, changeId };
    await trx
      .updateTable('sync_outbox')
      .set({ change_id: changeId, key_version: row.now, sealed: sealChange(newKey, at, plain) })
      .where('change_id', '=', row.change_id)
      .execute();
  }
  return stale.length;
}
