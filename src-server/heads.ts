/**
 * What a head's device may do besides reading its ACL (docs/SYNC.md, "Heads approve devices of
 * their team"): invite colleagues into its own team, list and refuse the join requests of that
 * team, approve one only as a manager of that team, create the partition of a manager of its team
 * who has none, and wrap a partition of its team it holds to that manager's devices, to owner
 * devices and to the team's heads; and make the audit partition of a device it approved
 * (./head-audit.ts). Everything broader is a 403 decided here from the server's own
 * ACL (users' roles and teams), never from what the laptop claims.
 */
import type { z } from 'zod';
import type {
  DeviceStatement,
  createPartitionSchema,
  grantRequestSchema,
} from '../src-shared/office/contracts';
import type { Queryable } from './db/db';
import type { Caller } from './devices';
import { OfficeError, forbidden } from './errors';
import { requireHeadAuditCreate, requireHeadAuditGrant } from './head-audit';
import type { ServerContext } from './office';

/** The caller's own facts and the office's active owner devices (where partition keys go). */
export interface CallerView {
  deviceId: string;
  userId: string;
  role: Caller['role'];
  teamId: string | null;
  owners: { deviceId: string; boxKey: string }[];
}

/** `GET /v1/me`: who the office takes this device for, and the owner devices' box keys. */
export async function describeCaller(ctx: ServerContext, caller: Caller): Promise<CallerView> {
  const [me] = await ctx.db.query<{ team_id: string | null }>(
    'SELECT team_id FROM users WHERE user_id = $1',
    [caller.userId],
  );
  const owners = await ctx.db.query<{ device_id: string; box_key: Uint8Array }>(
    `SELECT d.device_id, d.box_key FROM devices d JOIN users u USING (user_id)
     WHERE u.role = 'owner' AND d.status = 'active' ORDER BY d.device_id`,
  );
  return {
    deviceId: caller.deviceId,
    userId: caller.userId,
    role: caller.role,
    teamId: me?.team_id ?? null,
    owners: owners.map(o => ({
      deviceId: o.device_id,
      boxKey: Buffer.from(o.box_key).toString('base64'),
    })),
  };
}

/** The team of a head caller (403 for anyone else, and for a head without a team). */
export async function headTeam(db: Queryable, caller: Caller): Promise<string> {
  if (caller.role !== 'head') throw forbidden();
  const [row] = await db.query<{ team_id: string | null }>(
    'SELECT team_id FROM users WHERE user_id = $1',
    [caller.userId],
  );
  if (!row?.team_id) throw forbidden();
  return row.team_id;
}

/**
 * The condition (on `join_requests j`) of the requests a head of team `$n` sees: made with an
 * invitation of that team, or for a manager the office already knows in that team.
 */
export function teamJoinsWhere(param: number): string {
  return `(j.team_id = $${param} OR EXISTS (SELECT 1 FROM users u WHERE u.user_id = j.user_id
    AND u.team_id = $${param} AND u.role = 'manager' AND u.dismissed_at IS NULL))`;
}

/**
 * A head's approval: only as a manager of the head's own team, only of a device whose join request
 * the head sees (same keys and user), and never of a user the office knows in another role or team.
 */
export async function requireHeadApproval(
  tx: Queryable,
  caller: Caller,
  device: DeviceStatement,
): Promise<void> {
  const team = await headTeam(tx, caller);
  if (device.role !== 'manager' || device.teamId !== team) throw forbidden();
  const [request] = await tx.query<{ user_id: string; sign_key: Uint8Array; box_key: Uint8Array }>(
    `SELECT j.user_id, j.sign_key, j.box_key FROM join_requests j
     WHERE j.device_id = $2 AND ${teamJoinsWhere(1)}`,
    [team, device.deviceId],
  );
  const same = (stored: Uint8Array, sent: string) =>
    Buffer.from(stored).equals(Buffer.from(sent, 'base64'));
  if (
    !request ||
    request.user_id !== device.userId ||
    !same(request.sign_key, device.signKey) ||
    !same(request.box_key, device.boxKey)
  ) {
    throw forbidden();
  }
  const [known] = await tx.query<{ role: string; team_id: string | null }>(
    'SELECT role, team_id FROM users WHERE user_id = $1',
    [device.userId],
  );
  if (known && (known.role !== 'manager' || known.team_id !== team)) throw forbidden();
}

/** The manager of the head's team a partition may belong to (403 otherwise). */
async function requireTeamManager(tx: Queryable, team: string, userId: string): Promise<void> {
  const [user] = await tx.query(
    `SELECT 1 FROM users WHERE user_id = $1 AND role = 'manager' AND team_id = $2
     AND dismissed_at IS NULL`,
    [userId, team],
  );
  if (!user) throw forbidden();
}

/** A head creates the owner partition of a manager of its team who has none yet. */
export async function requireHeadCreate(
  tx: Queryable,
  caller: Caller,
  request: z.infer<typeof createPartitionSchema>,
): Promise<void> {
  const team = await headTeam(tx, caller);
  if (request.kind === 'audit') return requireHeadAuditCreate(tx, team, request.partitionId);
  if (request.kind !== 'owner' || request.ownerUserId === null) throw forbidden();
  await requireTeamManager(tx, team, request.ownerUserId);
  const existing = await tx.query(
    "SELECT 1 FROM partitions WHERE kind = 'owner' AND owner_user_id = $1",
    [request.ownerUserId],
  );
  if (existing.length > 0) throw new OfficeError('conflict', 'That user has a partition.');
}

/**
 * A head wraps a partition: an owner partition of a manager of its team, that the head holds (or
 * that nobody holds yet: the one it just created), to that manager's devices (push allowed), to
 * itself, to the team's heads (read only) or to owner devices.
 */
export async function requireHeadGrant(
  tx: Queryable,
  caller: Caller,
  request: z.infer<typeof grantRequestSchema>,
): Promise<void> {
  const team = await headTeam(tx, caller);
  const [partition] = await tx.query<{ kind: string; owner_user_id: string | null }>(
    'SELECT kind, owner_user_id FROM partitions WHERE partition_id = $1',
    [request.partitionId],
  );
  if (partition?.kind === 'audit') return requireHeadAuditGrant(tx, team, request);
  if (partition?.kind !== 'owner' || partition.owner_user_id === null) throw forbidden();
  await requireTeamManager(tx, team, partition.owner_user_id);
  const access = await tx.query<{ device_id: string }>(
    'SELECT device_id FROM partition_access WHERE partition_id = $1',
    [request.partitionId],
  );
  if (access.length > 0 && !access.some(a => a.device_id === caller.deviceId)) throw forbidden();
  const [target] = await tx.query<{ user_id: string; role: string; team_id: string | null }>(
    `SELECT d.user_id, u.role, u.team_id FROM devices d JOIN users u USING (user_id)
     WHERE d.device_id = $1 AND d.status = 'active'`,
    [request.envelope.deviceId],
  );
  if (!target) throw new OfficeError('not_found', 'No such active device.');
  const ownerOfPartition = target.user_id === partition.owner_user_id;
  const readOnly =
    request.envelope.deviceId === caller.deviceId ||
    (target.role === 'head' && target.team_id === team);
  const allowed = ownerOfPartition || target.role === 'owner' || (readOnly && !request.mayPush);
  if (!allowed) throw forbidden();
}
