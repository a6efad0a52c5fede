/**
 * The hook a privacy erasure calls (src-main/privacy/erasure/erase.ts): on a laptop that syncs
 * with an office, the erasure of a contact becomes one sealed change in the partition of the
 * contact's owner, carrying only ids (`{erase: erasureId}` for the contact id), queued in the
 * erasure's own transaction. Every laptop holding that partition erases the contact the same way
 * when it pulls the change (./erasure-in.ts).
 */
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import type { Database } from '../vault/schema';
import type { RecordChangeBody } from './change-format';
import { sealChange } from './crypto';
import { isOfficeMember, ownerPartition } from './outbox';

/** An outbox row, ready to insert. */
export interface SealedOutboxRow {
  change_id: string;
  partition_id: string;
  key_version: number;
  record_table: 'contacts';
  record_id: string;
  fields: string;
  sealed: string;
  created_at: string;
}

/**
 * The sealed erasure change of `contactId`, or null when the vault does not sync, the contact is
 * unknown, or this laptop holds no key for its owner's partition. Read before the erasure runs.
 */
export async function sealErasure(
  db: Kysely<Database>,
  contactId: string,
  erasureId: string,
): Promise<SealedOutboxRow | null> {
  if (!(await isOfficeMember(db))) return null;
  const contact = await db
    .selectFrom('contacts')
    .select('owner_id')
    .where('id', '=', contactId)
    .executeTakeFirst();
  const partition = contact ? await ownerPartition(db, contact.owner_id) : undefined;
  if (!partition) return null;
  const body: RecordChangeBody = {
    v: 1,
    table: 'contacts',
    id: contactId,
    fields: {},
    base: {},
    people: {},
    erase: erasureId,
  };
  const changeId = randomUUID();
  const at = { partitionId: partition.partition_id, keyVersion: partition.key_version, changeId };
  return {
    change_id: changeId,
    partition_id: at.partitionId,
    key_version: at.keyVersion,
    record_table: 'contacts',
    record_id: contactId,
    fields: '[]',
    sealed: sealChange(Buffer.from(partition.key), at, JSON.stringify(body)),
    created_at: new Date().toISOString(),
  };
}

/** Queues a sealed change inside the caller's (synchronous) transaction on `sqlite`. */
export function queueSealedChange(sqlite: BetterSqlite3.Database, row: SealedOutboxRow): void {
  sqlite
    .prepare(
      `INSERT INTO sync_outbox (change_id, partition_id, key_version, record_table, record_id,
         fields, sealed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      row.change_id,
      row.partition_id,
      row.key_version,
      row.record_table,
      row.record_id,
      row.fields,
      row.sealed,
      row.created_at,
    );
}
