/**
 * Records leaving this laptop: a record moved to an owner whose partition this laptop does not
 * hold, or every record of a partition the server took away (a revoked grant, a rotation that left
 * this device out). The record goes with what belongs to it here: its search rows (the delete
 * triggers of migration 0015), its shares, its documents' rows (whose file keys they hold; the
 * caller shreds the files after the commit), its sync field copies, conflicts and unsent changes.
 * Links from records that stay are cut in this copy only, as apply does for links it cannot hold.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../vault/schema';
import { SYNCED_TABLES, type SyncedTable } from './change-format';

/** The documents' `record_type` of each synced table (activities carry no documents). */
const DOCUMENT_TYPE: Partial<Record<SyncedTable, 'contact' | 'company' | 'deal'>> = {
  contacts: 'contact',
  companies: 'company',
  deals: 'deal',
};

/** Columns of other tables that link to a record of `table` (cut when it leaves). */
const LINKS_TO: Partial<Record<SyncedTable, readonly (readonly [SyncedTable, string])[]>> = {
  contacts: [
    ['deals', 'contact_id'],
    ['activities', 'contact_id'],
  ],
  companies: [
    ['contacts', 'company_id'],
    ['deals', 'company_id'],
    ['activities', 'company_id'],
  ],
};

/** Whether this laptop holds the partition of `userId`'s records. */
export async function holdsOwnerPartition(trx: Kysely<Database>, userId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('office_partitions')
    .select('partition_id')
    .where('kind', '=', 'owner')
    .where('owner_user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Removes one record and what belongs to it (see the file comment); answers its document ids. */
export async function dropRecord(
  trx: Kysely<Database>,
  table: SyncedTable,
  id: string,
): Promise<string[]> {
  for (const [other, column] of LINKS_TO[table] ?? []) {
    await sql`UPDATE ${sql.table(other)} SET ${sql.ref(column)} = NULL WHERE ${sql.ref(column)} = ${id}`.execute(
      trx,
    );
  }
  if (table === 'contacts')
    await trx.deleteFrom('contact_shares').where('contact_id', '=', id).execute();
  const recordType = DOCUMENT_TYPE[table];
  const documents = recordType
    ? await trx
        .deleteFrom('documents')
        .where('record_type', '=', recordType)
        .where('record_id', '=', id)
        .returning('id')
        .execute()
    : [];
  await trx.deleteFrom('import_batch_records').where('record_id', '=', id).execute();
  for (const sync of ['sync_fields', 'sync_conflicts', 'sync_outbox'] as const) {
    await trx
      .deleteFrom(sync)
      .where('record_table', '=', table)
      .where('record_id', '=', id)
      .execute();
  }
  await trx.deleteFrom(table).where('id', '=', id).execute();
  return documents.map(d => d.id);
}

/**
 * Removes every record owned by `ownerUserId` (the partition of that user was taken away from this
 * device); answers the document ids whose files the caller shreds.
 */
export async function dropOwnerRecords(
  trx: Kysely<Database>,
  ownerUserId: string,
): Promise<string[]> {
  const documents: string[] = [];
  // Activities first: they link to contacts and companies of the same owner.
  for (const table of [...SYNCED_TABLES].reverse()) {
    const rows = await trx
      .selectFrom(table)
      .select('id')
      .where('owner_id', '=', ownerUserId)
      .execute();
    for (const row of rows) documents.push(...(await dropRecord(trx, table, row.id)));
  }
  return documents;
}
