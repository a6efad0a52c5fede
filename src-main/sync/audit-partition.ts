/**
 * The office audit partitions, looked after by an owner laptop each round: every device it trusts
 * gets an audit partition of its own (`audit-<deviceId>`: created here with a fresh key, granted to
 * that device with the right to push), and every trusted device whose role reads the audit log
 * (owner, auditor) is granted every audit partition this laptop holds, read only. So a laptop's key
 * opens only its own entries, and the server lets only readers pull (src-shared/office/audit.ts).
 * Then every laptop queues its own new entries (./audit-out.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { auditPartitionId, mayReadOfficeAudit } from '../../src-shared/office/audit';
import type { Database } from '../vault/schema';
import { heldAuditPartitions, queueAuditEntries } from './audit-out';
import { OfficeCallError } from './client';
import { wrapPartitionKey } from './crypto';
import { listOfficeDevices, trustedDevices, type OfficeDevice } from './devices';
import type { OfficeSession } from './session';
import { savePartition, savePartitionKey, type OfficeSettings } from './store';

interface HeldKey {
  partition_id: string;
  key_version: number;
  key: Uint8Array;
}

async function grant(
  session: OfficeSession,
  partition: HeldKey,
  device: OfficeDevice,
  mayPush: boolean,
): Promise<void> {
  const at = { partitionId: partition.partition_id, keyVersion: partition.key_version };
  await session.post('/v1/partitions/grant', {
    partitionId: partition.partition_id,
    mayPush,
    keyVersion: partition.key_version,
    envelope: {
      deviceId: device.deviceId,
      wrapped: wrapPartitionKey(Buffer.from(partition.key), device.boxKey, at),
    },
  });
  device.partitions.push(partition.partition_id);
}

/** Holds `partition` here (pull, no push unless it is this laptop's own). */
async function keep(db: Kysely<Database>, partition: HeldKey, own: boolean): Promise<void> {
  await db.transaction().execute(async trx => {
    await savePartition(trx, {
      partitionId: partition.partition_id,
      kind: 'audit',
      ownerUserId: null,
      keyVersion: partition.key_version,
      mayPush: own,
      mayPull: true,
    });
    await savePartitionKey(
      trx,
      partition.partition_id,
      partition.key_version,
      Buffer.from(partition.key),
    );
  });
}

/**
 * A partition that exists but that its device cannot use (no access: a head's approval that made
 * it and failed before wrapping its key, ./head-audit.ts) gets a new key version (v1 was made
 * elsewhere; owners alone rotate) for the device (push) and this owner laptop. Null when its key
 * moved on meanwhile: another owner device is at it.
 */
async function adoptOrphan(
  db: Kysely<Database>,
  session: OfficeSession,
  device: OfficeDevice,
  self: OfficeDevice | undefined,
): Promise<HeldKey | null> {
  const partition = {
    partition_id: auditPartitionId(device.deviceId),
    key_version: 2,
    key: randomBytes(32),
  };
  const at = { partitionId: partition.partition_id, keyVersion: 2 };
  const to = [device, ...(self && self.deviceId !== device.deviceId ? [self] : [])];
  try {
    await session.post('/v1/partitions/rotate', {
      partitionId: partition.partition_id,
      keyVersion: 2,
      envelopes: to.map(d => ({
        deviceId: d.deviceId,
        wrapped: wrapPartitionKey(Buffer.from(partition.key), d.boxKey, at),
      })),
    });
  } catch (error) {
    if (error instanceof OfficeCallError && error.code === 'stale_key') return null;
    throw error;
  }
  for (const d of to) d.partitions.push(partition.partition_id);
  // Rotation gives pull access only: the device's push right comes with its grant.
  await grant(session, partition, device, true);
  await keep(db, partition, device.deviceId === self?.deviceId);
  return partition;
}

/**
 * Creates `device`'s audit partition and grants it to the device (push); null when another owner
 * device already made it (that one grants it here on its next round). One that exists without the
 * device's access is adopted (see `adoptOrphan`).
 */
async function createFor(
  db: Kysely<Database>,
  session: OfficeSession,
  settings: OfficeSettings,
  device: OfficeDevice,
  self: OfficeDevice | undefined,
): Promise<HeldKey | null> {
  const partitionId = auditPartitionId(device.deviceId);
  try {
    await session.post('/v1/partitions', { partitionId, kind: 'audit', ownerUserId: null });
  } catch (error) {
    if (!(error instanceof OfficeCallError && error.code === 'conflict')) throw error;
    return device.partitions.includes(partitionId) ? null : adoptOrphan(db, session, device, self);
  }
  const partition = { partition_id: partitionId, key_version: 1, key: randomBytes(32) };
  await grant(session, partition, device, true);
  const own = device.deviceId === settings.device_id;
  // This owner laptop reads it too, granted at once: a partition whose key no reader holds
  // could never be read.
  if (!own && self) await grant(session, partition, self, false);
  await keep(db, partition, own);
  return partition;
}

/**
 * As an owner device: every trusted device gets its own audit partition, and every trusted
 * reader every audit partition held here. Answers how many grants were made.
 */
export async function shareAuditPartitions(
  db: Kysely<Database>,
  session: OfficeSession,
  settings: OfficeSettings,
): Promise<number> {
  if (settings.role !== 'owner') return 0;
  const trusted = [...trustedDevices(settings, await listOfficeDevices(session)).values()];
  let grants = 0;
  const held: HeldKey[] = await heldAuditPartitions(db);
  const self = trusted.find(d => d.deviceId === settings.device_id);
  for (const device of trusted) {
    const id = auditPartitionId(device.deviceId);
    if (held.some(p => p.partition_id === id)) continue;
    const made = await createFor(db, session, settings, device, self);
    if (made) {
      held.push(made);
      grants += 1;
    }
  }
  for (const reader of trusted.filter(d => mayReadOfficeAudit(d.role))) {
    for (const partition of held) {
      if (reader.partitions.includes(partition.partition_id)) continue;
      await grant(session, partition, reader, false);
      grants += 1;
    }
  }
  return grants;
}

/** The round's audit step (see the file comment): share (owner laptops), then queue. */
export async function auditRound(
  db: Kysely<Database>,
  session: OfficeSession,
  settings: OfficeSettings,
): Promise<number> {
  await shareAuditPartitions(db, session, settings);
  return queueAuditEntries(db);
}
