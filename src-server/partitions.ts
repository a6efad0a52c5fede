/**
 * Partitions, the ACL and key envelopes. Owner devices (heads for a manager of their team:
 * ./heads.ts) create partitions, grant a device a partition
 * (with the partition key wrapped to that device: the server only stores the ciphertext), take it
 * away, and rotate keys (the next version, envelopes for the devices that keep it; the rest lose
 * it). Every device reads only its own ACL rows and envelopes.
 */
import type { z } from 'zod';
import type {
  createPartitionSchema,
  grantRequestSchema,
  revokeRequestSchema,
  rotateRequestSchema,
} from '../src-shared/office/contracts';
import { mayReadOfficeAudit } from '../src-shared/office/audit';
import { sha256 } from './crypto';
import type { Queryable } from './db/db';
import { requireOwner, type Caller } from './devices';
import { OfficeError, forbidden } from './errors';
import { requireHeadCreate, requireHeadGrant } from './heads';
import type { ServerContext } from './office';

/** The office chain's start for a partition: SHA-256 of a fixed label and the partition id. */
export function chainGenesis(partitionId: string): Buffer {
  return sha256('zamok-office/chain/v1\n', partitionId);
}

/** Creates a partition (key version 1, no changes); an existing id is a conflict. */
export async function createPartition(
  ctx: ServerContext,
  caller: Caller,
  request: z.infer<typeof createPartitionSchema>,
): Promise<void> {
  if ((request.kind === 'owner') !== (request.ownerUserId !== null)) {
    throw new OfficeError('invalid_input', 'Owner partitions, and only they, name their owner.');
  }
  if (caller.role !== 'owner') await requireHeadCreate(ctx.db, caller, request);
  const inserted = await ctx.db.query(
    `INSERT INTO partitions (partition_id, kind, owner_user_id, chain_head)
     SELECT $1, $2, $3, $4 WHERE $3::text IS NULL OR EXISTS (SELECT 1 FROM users WHERE user_id = $3)
     ON CONFLICT (partition_id) DO NOTHING RETURNING 1`,
    [request.partitionId, request.kind, request.ownerUserId, chainGenesis(request.partitionId)],
  );
  if (inserted.length === 0)
    throw new OfficeError('conflict', 'That partition exists or its owner is unknown.');
}

/** The partition's current key version, locked for this transaction; 404 when there is none. */
async function lockPartition(tx: Queryable, partitionId: string): Promise<number> {
  const [row] = await tx.query<{ key_version: number }>(
    'SELECT key_version FROM partitions WHERE partition_id = $1 FOR UPDATE',
    [partitionId],
  );
  if (!row) throw new OfficeError('not_found', 'No such partition.');
  return row.key_version;
}

/** Active device ids among `ids` (revoked and unknown ones left out). */
async function activeDevices(tx: Queryable, ids: string[]): Promise<Set<string>> {
  const rows = await tx.query<{ device_id: string }>(
    "SELECT device_id FROM devices WHERE device_id = ANY($1::text[]) AND status = 'active'",
    [ids],
  );
  return new Set(rows.map(r => r.device_id));
}

/** Lets a device pull (and, with `mayPush`, push) a partition; stores its key envelope. */
export async function grantPartition(
  ctx: ServerContext,
  caller: Caller,
  request: z.infer<typeof grantRequestSchema>,
): Promise<void> {
  const { partitionId, envelope } = request;
  await ctx.db.transaction(async tx => {
    const keyVersion = await lockPartition(tx, partitionId);
    if (caller.role !== 'owner') await requireHeadGrant(tx, caller, request);
    if (request.keyVersion !== keyVersion) {
      throw new OfficeError('stale_key', 'The partition key has a newer version.');
    }
    if (!(await activeDevices(tx, [envelope.deviceId])).has(envelope.deviceId)) {
      throw new OfficeError('not_found', 'No such active device.');
    }
    await tx.query(
      `INSERT INTO partition_access (partition_id, device_id, may_push) VALUES ($1, $2, $3)
       ON CONFLICT (partition_id, device_id) DO UPDATE SET may_push = EXCLUDED.may_push`,
      [partitionId, envelope.deviceId, request.mayPush],
    );
    await tx.query(
      `INSERT INTO key_envelopes (partition_id, key_version, device_id, wrapped) VALUES ($1, $2, $3, $4)
       ON CONFLICT (partition_id, key_version, device_id) DO UPDATE SET wrapped = EXCLUDED.wrapped`,
      [partitionId, keyVersion, envelope.deviceId, Buffer.from(envelope.wrapped, 'base64')],
    );
  });
}

/** Takes a partition away from a device (its ACL row and envelopes). */
export async function revokePartition(
  ctx: ServerContext,
  caller: Caller,
  request: z.infer<typeof revokeRequestSchema>,
): Promise<void> {
  requireOwner(caller);
  await ctx.db.transaction(async tx => {
    await tx.query('DELETE FROM partition_access WHERE partition_id = $1 AND device_id = $2', [
      request.partitionId,
      request.deviceId,
    ]);
    await tx.query('DELETE FROM key_envelopes WHERE partition_id = $1 AND device_id = $2', [
      request.partitionId,
      request.deviceId,
    ]);
  });
}

/**
 * Rotates a partition's key: the version goes up by one; devices with an envelope for it keep the
 * partition, every other device loses it (ACL row and old envelopes) in the same transaction, and
 * pushes sealed under an older version are refused from then on.
 */
export async function rotatePartition(
  ctx: ServerContext,
  caller: Caller,
  request: z.infer<typeof rotateRequestSchema>,
): Promise<{ kept: string[]; dropped: string[] }> {
  requireOwner(caller);
  return ctx.db.transaction(async tx => {
    const current = await lockPartition(tx, request.partitionId);
    if (request.keyVersion !== current + 1) {
      throw new OfficeError('stale_key', 'The new key version must follow the current one.');
    }
    const ids = request.envelopes.map(e => e.deviceId);
    if (new Set(ids).size !== ids.length)
      throw new OfficeError('invalid_input', 'One envelope per device.');
    const active = await activeDevices(tx, ids);
    if (active.size !== ids.length)
      throw new OfficeError('not_found', 'An envelope names no active device.');
    const access = await tx.query<{ device_id: string }>(
      'SELECT device_id FROM partition_access WHERE partition_id = $1',
      [request.partitionId],
    );
    const dropped = access.map(a => a.device_id).filter(id => !active.has(id));
    await tx.query('UPDATE partitions SET key_version = $2 WHERE partition_id = $1', [
      request.partitionId,
      request.keyVersion,
    ]);
    await tx.query(
      'DELETE FROM partition_access WHERE partition_id = $1 AND device_id = ANY($2::text[])',
      [request.partitionId, dropped],
    );
    await tx.query(
      'DELETE FROM key_envelopes WHERE partition_id = $1 AND NOT (device_id = ANY($2::text[]))',
      [request.partitionId, ids],
    );
    for (const envelope of request.envelopes) {
      await tx.query(
        `INSERT INTO key_envelopes (partition_id, key_version, device_id, wrapped) VALUES ($1, $2, $3, $4)`,
        [
          request.partitionId,
          request.keyVersion,
          envelope.deviceId,
          Buffer.from(envelope.wrapped, 'base64'),
        ],
      );
      // A device given the new key that had no access yet gets pull access (push stays as granted).
      await tx.query(
        `INSERT INTO partition_access (partition_id, device_id, may_push) VALUES ($1, $2, false)
         ON CONFLICT DO NOTHING`,
        [request.partitionId, envelope.deviceId],
      );
    }
    return { kept: ids, dropped };
  });
}

/** One partition a device may read, with its current key version and newest sequence number. */
export interface AccessiblePartition {
  partitionId: string;
  kind: string;
  /** The user whose records an `owner` partition holds (null for audit and settings). */
  ownerUserId: string | null;
  keyVersion: number;
  mayPush: boolean;
  /** False for the audit partition on a device whose role does not read the audit log. */
  mayPull: boolean;
  lastSeq: number;
  /** The office chain link of the last change (base64), for laptops to compare with theirs. */
  chainHead: string;
}

/** The partitions in the caller's ACL. */
export async function listPartitions(
  ctx: ServerContext,
  caller: Caller,
): Promise<AccessiblePartition[]> {
  const rows = await ctx.db.query<{
    partition_id: string;
    kind: string;
    owner_user_id: string | null;
    key_version: number;
    may_push: boolean;
    last_seq: string | number;
    chain_head: Uint8Array;
  }>(
    `SELECT p.partition_id, p.kind, p.owner_user_id, p.key_version, a.may_push, p.next_seq - 1 AS last_seq,
            p.chain_head
     FROM partition_access a JOIN partitions p USING (partition_id)
     WHERE a.device_id = $1 ORDER BY p.partition_id`,
    [caller.deviceId],
  );
  return rows.map(r => ({
    partitionId: r.partition_id,
    kind: r.kind,
    ownerUserId: r.owner_user_id,
    keyVersion: r.key_version,
    mayPush: r.may_push,
    mayPull: r.kind !== 'audit' || mayReadOfficeAudit(caller.role),
    lastSeq: Number(r.last_seq),
    chainHead: Buffer.from(r.chain_head).toString('base64'),
  }));
}

/** The caller's own key envelopes (base64), for the partitions it may read. */
export async function listEnvelopes(
  ctx: ServerContext,
  caller: Caller,
): Promise<{ partitionId: string; keyVersion: number; wrapped: string }[]> {
  const rows = await ctx.db.query<{
    partition_id: string;
    key_version: number;
    wrapped: Uint8Array;
  }>(
    `SELECT e.partition_id, e.key_version, e.wrapped FROM key_envelopes e
     JOIN partition_access a ON a.partition_id = e.partition_id AND a.device_id = e.device_id
     WHERE e.device_id = $1 ORDER BY e.partition_id, e.key_version`,
    [caller.deviceId],
  );
  return rows.map(r => ({
    partitionId: r.partition_id,
    keyVersion: r.key_version,
    wrapped: Buffer.from(r.wrapped).toString('base64'),
  }));
}

/**
 * The ACL check for pull (`push` false) or push: every partition named must be in the caller's ACL
 * (with push rights for a push), else the whole request is refused with 403 and nothing is sent.
 * The audit partition is pulled only by devices whose role reads the audit log (every device
 * pushes its own entries into it).
 */
export async function requireAccess(
  db: Queryable,
  caller: Caller,
  partitionIds: string[],
  push: boolean,
): Promise<void> {
  const unique = [...new Set(partitionIds)];
  const rows = await db.query<{ partition_id: string }>(
    `SELECT a.partition_id FROM partition_access a JOIN partitions p USING (partition_id)
     WHERE a.device_id = $1 AND a.partition_id = ANY($2::text[]) AND ($3::boolean = false OR a.may_push)
       AND ($3::boolean OR p.kind <> 'audit' OR $4::boolean)`,
    [caller.deviceId, unique, push, mayReadOfficeAudit(caller.role)],
  );
  if (rows.length !== unique.length) throw forbidden();
}
