/**
 * A head's device makes the audit partition of a device it approves (docs/SYNC.md, "Audit
 * partitions at approval"): `audit-<deviceId>` of an active device of a manager of the head's
 * team, when that partition does not exist yet, and wraps its key only to that device (push) and to
 * owner devices (read). Never to itself or to another head: heads do not read the audit log, so
 * the server refuses them every pull of an audit partition anyway. An envelope is only ever added,
 * never replaced, so a head cannot swap a key the owner or the device already holds.
 */
import type { z } from 'zod';
import type { grantRequestSchema } from '../src-shared/office/contracts';
import { auditPartitionId } from '../src-shared/office/audit';
import type { Queryable } from './db/db';
import { forbidden } from './errors';

/** The device whose audit partition `partitionId` is, when it is an active manager of `team`'s. */
async function teamManagerDevice(
  tx: Queryable,
  team: string,
  partitionId: string,
): Promise<string> {
  const deviceId = partitionId.replace(/^audit-/, '');
  if (auditPartitionId(deviceId) !== partitionId) throw forbidden();
  const [device] = await tx.query(
    `SELECT 1 FROM devices d JOIN users u USING (user_id)
     WHERE d.device_id = $1 AND d.status = 'active' AND u.role = 'manager' AND u.team_id = $2
       AND u.dismissed_at IS NULL`,
    [deviceId, team],
  );
  if (!device) throw forbidden();
  return deviceId;
}

/** A head creates the audit partition of an approved device of a manager of its team. */
export async function requireHeadAuditCreate(
  tx: Queryable,
  team: string,
  partitionId: string,
): Promise<void> {
  await teamManagerDevice(tx, team, partitionId);
}

/**
 * A head wraps such an audit partition's key: to its device (push) or to an owner device (read
 * only), and only where that device holds no envelope of it yet.
 */
export async function requireHeadAuditGrant(
  tx: Queryable,
  team: string,
  request: z.infer<typeof grantRequestSchema>,
): Promise<void> {
  const deviceId = await teamManagerDevice(tx, team, request.partitionId);
  const target = request.envelope.deviceId;
  if (target !== deviceId) {
    const [owner] = await tx.query(
      `SELECT 1 FROM devices d JOIN users u USING (user_id)
       WHERE d.device_id = $1 AND d.status = 'active' AND u.role = 'owner'`,
      [target],
    );
    if (!owner || request.mayPush) throw forbidden();
  }
  const held = await tx.query(
    'SELECT 1 FROM key_envelopes WHERE partition_id = $1 AND device_id = $2',
    [request.partitionId, target],
  );
  if (held.length > 0) throw forbidden();
}
