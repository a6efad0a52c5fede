/**
 * This laptop's audit entries going out to its own office audit partition (`audit-<deviceId>`). Each round, before the
 * push, the entries written since the last round (since joining, the first time) are read exactly
 * as the local chain stored them, sealed in batches under the audit partition's current key and
 * queued in the outbox; the cursor (`office_audit_out`) moves in the same transaction, so a crash
 * queues nothing twice and loses nothing. The local chain itself is never touched.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { auditPartitionId } from '../../src-shared/office/audit';
import type { Database } from '../vault/schema';
import type { OfficeAuditChange, OfficeAuditEntry } from './audit-format';
import { sealChange } from './crypto';
import { loadOfficeSettings } from './store';

/** Plaintext bytes per sealed change (well below the server's 256 KiB per change). */
const BATCH_BYTES = 160_000;
/** Entries read per query. */
const READ_ROWS = 500;
/**
 * Largest entry sent whole. A larger one (a bulk action listing thousands of ids) goes without its
 * payload: its v2 hash covers the payload's digest, not the payload, so it still chains; without
 * the salt nobody checks the digest, and its details say why it is empty.
 */
const ENTRY_BYTES = 150_000;

/** An entry as sent: as stored, or without its payload when too large (see ENTRY_BYTES). */
function outgoing(row: OfficeAuditEntry): { entry: OfficeAuditEntry; bytes: number } {
  const bytes = Buffer.byteLength(JSON.stringify(row));
  if (bytes <= ENTRY_BYTES || row.payload_digest === null) return { entry: row, bytes };
  const entry = { ...row, changes: null, details: '{"omitted":"too_large"}', payload_salt: null };
  return { entry, bytes: Buffer.byteLength(JSON.stringify(entry)) };
}

/** The audit partitions this laptop holds, with their current keys and rights. */
export async function heldAuditPartitions(db: Kysely<Database>) {
  return db
    .selectFrom('office_partitions as p')
    .innerJoin('office_partition_keys as k', join =>
      join
        .onRef('k.partition_id', '=', 'p.partition_id')
        .onRef('k.key_version', '=', 'p.key_version'),
    )
    .select(['p.partition_id', 'p.key_version', 'p.may_push', 'p.may_pull', 'k.key'])
    .where('p.kind', '=', 'audit')
    .execute();
}

/** This device's own audit partition with its current key, when this laptop may push to it. */
async function ownAuditPartition(db: Kysely<Database>, deviceId: string) {
  const id = auditPartitionId(deviceId);
  return (await heldAuditPartitions(db)).find(p => p.partition_id === id && p.may_push === 1);
}

/**
 * The cursor: the last local seq sent, and the first seq of this device's segment. Made on first
 * use from the joining time (entries written before the vault joined stay local).
 */
async function cursorOf(db: Kysely<Database>, joinedAt: string) {
  const row = await db.selectFrom('office_audit_out').select('last_seq').executeTakeFirst();
  const before = await db
    .selectFrom('audit_log')
    .select(eb => eb.fn.max('seq').as('seq'))
    .where('at', '<', joinedAt)
    .executeTakeFirst();
  const start = Number(before?.seq ?? 0);
  if (!row) {
    await db.insertInto('office_audit_out').values({ id: 1, last_seq: start }).execute();
    return { last: start, from: start + 1 };
  }
  return { last: row.last_seq, from: start + 1 };
}

/**
 * Queues this laptop's new audit entries (sealed, in batches) and drops acknowledged audit changes
 * of a partition this laptop cannot pull back (they never return to clear themselves). Does
 * nothing before the vault joined or holds the audit key. Answers how many entries were queued.
 */
export async function queueAuditEntries(db: Kysely<Database>): Promise<number> {
  const settings = await loadOfficeSettings(db);
  if (!settings) return 0;
  const partition = await ownAuditPartition(db, settings.device_id);
  if (!partition) return 0;
  if (partition.may_pull === 0) {
    await db
      .deleteFrom('sync_outbox')
      .where('partition_id', '=', partition.partition_id)
      .where('seq', 'is not', null)
      .execute();
  }
  let queued = 0;
  for (;;) {
    const done = await db.transaction().execute(async trx => {
      const cursor = await cursorOf(trx, settings.created_at);
      const rows = await trx
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>', cursor.last)
        .orderBy('seq')
        .limit(READ_ROWS)
        .execute();
      if (rows.length === 0) return true;
      let batch: OfficeAuditEntry[] = [];
      let bytes = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        await seal(trx, partition, { deviceId: settings.device_id, from: cursor.from }, batch);
        batch = [];
        bytes = 0;
      };
      for (const row of rows) {
        const { entry, bytes: size } = outgoing(row);
        if (bytes + size > BATCH_BYTES) await flush();
        batch.push(entry);
        bytes += size;
      }
      await flush();
      await trx
        .updateTable('office_audit_out')
        .set({ last_seq: rows.at(-1)?.seq ?? cursor.last })
        .execute();
      queued += rows.length;
      return rows.length < READ_ROWS;
    });
    if (done) return queued;
  }
}

async function seal(
  trx: Kysely<Database>,
  partition: { partition_id: string; key_version: number; key: Uint8Array },
  o: { deviceId: string; from: number },
  entries: OfficeAuditEntry[],
): Promise<void> {
  const body: OfficeAuditChange = { v: 1, kind: 'audit', ...o, entries };
  const changeId = randomUUID();
  const at = { partitionId: partition.partition_id, keyVersion: partition.key_version, changeId };
  const first = entries[0]?.seq ?? 0;
  const last = entries.at(-1)?.seq ?? 0;
  await trx
    .insertInto('sync_outbox')
    .values({
      change_id: changeId,
      partition_id: at.partitionId,
      key_version: at.keyVersion,
      record_table: 'audit_log',
      record_id: `${first}-${last}`,
      fields: '[]',
      sealed: sealChange(Buffer.from(partition.key), at, JSON.stringify(body)),
      created_at: new Date().toISOString(),
      seq: null,
    })
    .execute();
}
