/**
 * A head's laptop makes the audit partition of the device it just approved (docs/SYNC.md, "Audit
 * partitions at approval"), so the new laptop's very first round pushes its audit entries: a fresh
 * key wrapped first to the owner device this laptop trusts (the one whose invitation it joined
 * with: its box key came in the enrolment code, never from the server alone; read only) and then
 * to the new device (push). A head does not read the audit log: the key is never wrapped to this
 * laptop nor kept here, and the other readers (auditors, further owner devices) get it from the
 * owner's next round (./audit-partition.ts), which alone can tell which devices to trust. Without
 * such an owner device nothing is made here, and the owner's next round makes it, as before.
 */
import { randomBytes } from 'node:crypto';
import { auditPartitionId } from '../../src-shared/office/audit';
import { OfficeCallError } from './client';
import { wrapPartitionKey } from './crypto';
import type { OfficeSession } from './session';

/** A device a key is wrapped to. */
interface Recipient {
  deviceId: string;
  boxKey: string;
}

/**
 * Wraps a new partition's key (version 1) to each recipient and grants it the partition, in order
 * (push where `mayPush`).
 */
export async function grantNewKey(
  session: OfficeSession,
  partitionId: string,
  key: Buffer,
  grants: readonly (Recipient & { mayPush: boolean })[],
): Promise<void> {
  for (const grant of grants) {
    await session.post('/v1/partitions/grant', {
      partitionId,
      mayPush: grant.mayPush,
      keyVersion: 1,
      envelope: {
        deviceId: grant.deviceId,
        wrapped: wrapPartitionKey(key, grant.boxKey, { partitionId, keyVersion: 1 }),
      },
    });
  }
}

/**
 * Creates `device`'s audit partition and wraps its key to `owners` (read) and the device (push).
 * Answers how many envelopes were made: 0 when no trusted owner device is known or the partition
 * exists already (made by the owner: it grants it itself).
 */
export async function makeAuditPartitionAsHead(
  session: OfficeSession,
  device: Recipient,
  owners: readonly Recipient[],
): Promise<number> {
  if (owners.length === 0) return 0;
  const partitionId = auditPartitionId(device.deviceId);
  try {
    await session.post('/v1/partitions', { partitionId, kind: 'audit', ownerUserId: null });
  } catch (error) {
    if (error instanceof OfficeCallError && error.code === 'conflict') return 0;
    throw error;
  }
  const key = randomBytes(32);
  // The readers first: a partition the device could push to but nobody could read is worse than
  // one the owner's next round finishes.
  const grants = [
    ...owners.map(owner => ({ ...owner, mayPush: false })),
    { ...device, mayPush: true },
  ];
  await grantNewKey(session, partitionId, key, grants);
  key.fill(0);
  return grants.length;
}
