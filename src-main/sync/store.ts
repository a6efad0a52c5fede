/**
 * This vault's office membership as stored in its own (encrypted) tables: the settings row with
 * the device keys, the partitions it holds with their keys, and the outbox counts the status shows.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, OfficeSettingsTable } from '../vault/schema';

/** The settings row: server, office, this device and its keys. */
export type OfficeSettings = Selectable<OfficeSettingsTable>;

/** The vault has not joined an office. */
export class NotJoinedError extends Error {
  constructor() {
    super('This vault has not joined an office.');
    this.name = 'NotJoinedError';
  }
}

/** The settings row, or null when the vault has not joined an office. */
export async function loadOfficeSettings(db: Kysely<Database>): Promise<OfficeSettings | null> {
  return (await db.selectFrom('office_settings').selectAll().executeTakeFirst()) ?? null;
}

/** A partition as the server listed it for this device. */
export interface HeldPartition {
  partitionId: string;
  kind: 'owner' | 'audit' | 'settings';
  ownerUserId: string | null;
  keyVersion: number;
  mayPush: boolean;
  /** False for the audit partition on a laptop whose role does not read it (push only). */
  mayPull?: boolean;
}

/**
 * Records a partition this device holds (or its new key version / push right); the pull cursor
 * of a known partition is kept.
 */
export async function savePartition(db: Kysely<Database>, p: HeldPartition): Promise<void> {
  await db
    .insertInto('office_partitions')
    .values({
      partition_id: p.partitionId,
      kind: p.kind,
      owner_user_id: p.ownerUserId,
      key_version: p.keyVersion,
      may_push: p.mayPush ? 1 : 0,
      may_pull: p.mayPull === false ? 0 : 1,
      after_seq: 0,
    })
    .onConflict(oc =>
      oc.column('partition_id').doUpdateSet({
        key_version: p.keyVersion,
        may_push: p.mayPush ? 1 : 0,
        may_pull: p.mayPull === false ? 0 : 1,
      }),
    )
    .execute();
}

/** Stores a partition key version (kept when already there). */
export async function savePartitionKey(
  db: Kysely<Database>,
  partitionId: string,
  keyVersion: number,
  key: Buffer,
): Promise<void> {
  await db
    .insertInto('office_partition_keys')
    .values({ partition_id: partitionId, key_version: keyVersion, key })
    .onConflict(oc => oc.columns(['partition_id', 'key_version']).doNothing())
    .execute();
}

/** The key of a partition at a version, or null when this laptop does not hold it. */
export async function partitionKey(
  db: Kysely<Database>,
  partitionId: string,
  keyVersion: number,
): Promise<Buffer | null> {
  const row = await db
    .selectFrom('office_partition_keys')
    .select('key')
    .where('partition_id', '=', partitionId)
    .where('key_version', '=', keyVersion)
    .executeTakeFirst();
  return row ? Buffer.from(row.key) : null;
}

/** The partitions this device holds and may pull, with their pull cursors. */
export async function heldPartitions(db: Kysely<Database>) {
  return db
    .selectFrom('office_partitions')
    .selectAll()
    .where('may_pull', '=', 1)
    .orderBy('partition_id')
    .execute();
}

/** How many outbox changes the server has not acknowledged, and how many conflicts are open. */
export async function syncCounts(
  db: Kysely<Database>,
): Promise<{ waiting: number; conflicts: number }> {
  const waiting = await db
    .selectFrom('sync_outbox')
    .select(eb => eb.fn.countAll<number>().as('n'))
    .where('seq', 'is', null)
    .executeTakeFirstOrThrow();
  const conflicts = await db
    .selectFrom('sync_conflicts')
    .select(eb => eb.fn.countAll<number>().as('n'))
    .where('resolved_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { waiting: Number(waiting.n), conflicts: Number(conflicts.n) };
}
