/**
 * Partition keys this laptop holds, wrapped to other devices: a new owner partition with its
 * first key wrapped to each recipient (an owner approving a device, a head approving a manager),
 * or the current key of a held partition granted to one more device. Every grant is one envelope:
 * the key sealed to the device's box key, bound to the partition id and key version.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../vault/schema';
import { wrapPartitionKey } from './crypto';
import type { OfficeSession } from './session';
import { savePartition, savePartitionKey } from './store';

/** A device a partition key is wrapped to, and whether it may push changes into the partition. */
export interface Recipient {
  deviceId: string;
  boxKey: string;
  mayPush: boolean;
}

/**
 * Creates an owner partition for `ownerUserId` with a fresh key (version 1), wraps the key to each
 * of `recipients` and keeps it on this laptop (`mayPush`: whether this laptop pushes into it).
 */
export async function createOwnerPartition(
  db: Kysely<Database>,
  session: OfficeSession,
  o: { ownerUserId: string; recipients: readonly Recipient[]; mayPush: boolean },
): Promise<{ partitionId: string; key: Buffer }> {
  const partitionId = randomUUID();
  const key = randomBytes(32);
  await session.post('/v1/partitions', {
    partitionId,
    kind: 'owner',
    ownerUserId: o.ownerUserId,
  });
  for (const recipient of o.recipients) {
    await postEnvelope(session, { partitionId, keyVersion: 1, key }, recipient);
  }
  await db.transaction().execute(async trx => {
    await savePartition(trx, {
      partitionId,
      kind: 'owner',
      ownerUserId: o.ownerUserId,
      keyVersion: 1,
      mayPush: o.mayPush,
    });
    await savePartitionKey(trx, partitionId, 1, key);
  });
  return { partitionId, key };
}

/** Grants a partition key version to one device: the key wrapped to its box key (an envelope). */
async function postEnvelope(
  session: OfficeSession,
  at: { partitionId: string; keyVersion: number; key: Buffer },
  to: Recipient,
): Promise<void> {
  const { partitionId, keyVersion } = at;
  await session.post('/v1/partitions/grant', {
    partitionId,
    mayPush: to.mayPush,
    keyVersion,
    envelope: {
      deviceId: to.deviceId,
      wrapped: wrapPartitionKey(at.key, to.boxKey, { partitionId, keyVersion }),
    },
  });
}

/** One partition to wrap to one device's box key. */
export interface Grant extends Recipient {
  partitionId: string;
}

/** Wraps the current key of a partition this laptop holds to a device, and grants it. */
export async function grantHeld(
  db: Kysely<Database>,
  session: OfficeSession,
  grant: Grant,
): Promise<void> {
  const held = await db
    .selectFrom('office_partitions as p')
    .innerJoin('office_partition_keys as k', j =>
      j.onRef('k.partition_id', '=', 'p.partition_id').onRef('k.key_version', '=', 'p.key_version'),
    )
    .select(['p.key_version', 'k.key'])
    .where('p.partition_id', '=', grant.partitionId)
    .executeTakeFirstOrThrow();
  const at = { partitionId: grant.partitionId, keyVersion: held.key_version };
  await postEnvelope(session, { ...at, key: Buffer.from(held.key) }, grant);
}

/** The owner partition of `userId` this laptop holds, if any. */
export async function heldPartitionOf(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('office_partitions')
    .select('partition_id')
    .where('kind', '=', 'owner')
    .where('owner_user_id', '=', userId)
    .executeTakeFirst();
}
