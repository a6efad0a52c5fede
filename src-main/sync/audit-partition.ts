/**
 * The office audit partition's life on an owner laptop, each round: the office's one audit
 * partition (`audit-<officeId>`) is created when no owner device made it yet (this laptop then
 * holds its key), and every device this laptop trusts that is not in its ACL yet gets it with the
 * key wrapped to it and the right to push (each laptop sends its own entries). The server lets only
 * devices whose role reads the audit log pull it (src-shared/office/audit.ts). Then this laptop's
 * own new entries are queued (./audit-out.ts). Other laptops only queue.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { auditPartitionId } from '../../src-shared/office/audit';
import type { Database } from '../vault/schema';
import { queueAuditEntries } from './audit-out';
import { OfficeCallError } from './client';
import { wrapPartitionKey } from './crypto';
import { listOfficeDevices, trustedDevices } from './devices';
import type { OfficeSession } from './session';
import { savePartition, savePartitionKey, type OfficeSettings } from './store';

/** The audit partition this laptop holds with its current key, or null. */
async function heldAuditPartition(db: Kysely<Database>) {
  return (
    (await db
      .selectFrom('office_partitions as p')
      .innerJoin('office_partition_keys as k', join =>
        join
          .onRef('k.partition_id', '=', 'p.partition_id')
          .onRef('k.key_version', '=', 'p.key_version'),
      )
      .select(['p.partition_id', 'p.key_version', 'k.key'])
      .where('p.kind', '=', 'audit')
      .executeTakeFirst()) ?? null
  );
}

/** Creates the audit partition (null when another owner device already did). */
async function createAuditPartition(
  db: Kysely<Database>,
  session: OfficeSession,
  settings: OfficeSettings,
) {
  const partitionId = auditPartitionId(settings.office_id);
  try {
    await session.post('/v1/partitions', { partitionId, kind: 'audit', ownerUserId: null });
  } catch (error) {
    // Made by another owner device: it grants the partition to this one on its next round.
    if (error instanceof OfficeCallError && error.code === 'conflict') return null;
    throw error;
  }
  const key = randomBytes(32);
  await session.post('/v1/partitions/grant', {
    partitionId,
    mayPush: true,
    keyVersion: 1,
    envelope: {
      deviceId: settings.device_id,
      wrapped: wrapPartitionKey(key, settings.box_public, { partitionId, keyVersion: 1 }),
    },
  });
  await db.transaction().execute(async trx => {
    await savePartition(trx, {
      partitionId,
      kind: 'audit',
      ownerUserId: null,
      keyVersion: 1,
      mayPush: true,
      mayPull: true,
    });
    await savePartitionKey(trx, partitionId, 1, key);
  });
  return { partition_id: partitionId, key_version: 1, key };
}

/**
 * As an owner device: makes sure the audit partition exists and every trusted device may push to
 * it. Answers how many devices were granted it now.
 */
export async function shareAuditPartition(
  db: Kysely<Database>,
  session: OfficeSession,
  settings: OfficeSettings,
): Promise<number> {
  if (settings.role !== 'owner') return 0;
  const partition =
    (await heldAuditPartition(db)) ?? (await createAuditPartition(db, session, settings));
  if (!partition) return 0;
  const devices = await listOfficeDevices(session);
  let granted = 0;
  for (const device of trustedDevices(settings, devices).values()) {
    if (device.partitions.includes(partition.partition_id)) continue;
    const at = { partitionId: partition.partition_id, keyVersion: partition.key_version };
    await session.post('/v1/partitions/grant', {
      partitionId: partition.partition_id,
      mayPush: true,
      keyVersion: partition.key_version,
      envelope: {
        deviceId: device.deviceId,
        wrapped: wrapPartitionKey(Buffer.from(partition.key), device.boxKey, at),
      },
    });
    granted += 1;
  }
  return granted;
}

/** The round's audit step (see the file comment): share (owner laptops), then queue. */
export async function auditRound(
  db: Kysely<Database>,
  session: OfficeSession,
  settings: OfficeSettings,
): Promise<number> {
  await shareAuditPartition(db, session, settings);
  return queueAuditEntries(db);
}
