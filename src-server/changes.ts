/**
 * Push and pull of sealed changes. A push is one transaction: the ACL is checked for every
 * partition named (any miss: 403, nothing stored), the partitions are locked in id order (no
 * deadlock between two pushes), replayed change ids are answered with their stored sequence number,
 * new ones get the next gap-free sequence numbers of their partition and extend the partition's
 * office chain. A pull returns, per partition in the caller's ACL, the changes after its cursor,
 * waiting (long polling) for a notification when there are none yet; an erased change (./purge.ts)
 * comes without its sealed bytes, with the hash they had.
 */
import type { z } from 'zod';
import type {
  PullResponse,
  PushResponse,
  pullRequestSchema,
  pushRequestSchema,
} from '../src-shared/office/contracts';
import { sameBytes, sha256 } from './crypto';
import { UNIQUE_VIOLATION, sqlState, type Queryable } from './db/db';
import type { Caller } from './devices';
import { OfficeError } from './errors';
import type { ServerContext } from './office';
import { requireAccess } from './partitions';

/** The notification channel a push announces its partitions on. */
export const CHANGES_CHANNEL = 'zamok_office_changes';
/** A pull's answer stops adding changes once it holds this many sealed bytes (`more` says so). */
const MAX_PULL_BYTES = 8 * 1024 * 1024;

type PushRequest = z.infer<typeof pushRequestSchema>;

/** The office chain link of one change: SHA-256(previous ‖ partition, seq, id, key version ‖ hash). */
export function chainLink(
  previous: Buffer,
  change: { partitionId: string; seq: number; changeId: string; keyVersion: number; hash: Buffer },
): Buffer {
  const entry = `${change.partitionId}\n${change.seq}\n${change.changeId}\n${change.keyVersion}\n`;
  return sha256(previous, entry, change.hash);
}

async function pushOnce(
  tx: Queryable,
  caller: Caller,
  request: PushRequest,
): Promise<PushResponse> {
  const partitionIds = [...new Set(request.changes.map(c => c.partitionId))].sort();
  await requireAccess(tx, caller, partitionIds, true);
  const locked = await tx.query<{
    partition_id: string;
    key_version: number;
    next_seq: string | number;
    chain_head: Uint8Array;
  }>(
    `SELECT partition_id, key_version, next_seq, chain_head FROM partitions
     WHERE partition_id = ANY($1::text[]) ORDER BY partition_id FOR UPDATE`,
    [partitionIds],
  );
  const state = new Map<string, { keyVersion: number; nextSeq: number; head: Buffer }>(
    locked.map(p => [
      p.partition_id,
      { keyVersion: p.key_version, nextSeq: Number(p.next_seq), head: Buffer.from(p.chain_head) },
    ]),
  );
  const stored = await tx.query<{
    change_id: string;
    partition_id: string;
    seq: string | number;
    hash: Uint8Array;
  }>('SELECT change_id, partition_id, seq, hash FROM changes WHERE change_id = ANY($1::uuid[])', [
    request.changes.map(c => c.changeId),
  ]);
  const replays = new Map(stored.map(s => [s.change_id, s]));
  const accepted: PushResponse['accepted'] = [];
  for (const change of request.changes) {
    const sealed = Buffer.from(change.sealed, 'base64');
    const hash = sha256(sealed);
    const replay = replays.get(change.changeId);
    if (replay) {
      if (
        replay.partition_id !== change.partitionId ||
        !sameBytes(Buffer.from(replay.hash), hash)
      ) {
        throw new OfficeError('conflict', 'A change with that id but other content was stored.');
      }
      accepted.push({
        changeId: change.changeId,
        partitionId: change.partitionId,
        seq: Number(replay.seq),
        replayed: true,
      });
      continue;
    }
    const partition = state.get(change.partitionId);
    if (!partition) throw new OfficeError('not_found', 'No such partition.');
    if (change.keyVersion !== partition.keyVersion) {
      throw new OfficeError(
        'stale_key',
        'The partition key has a newer version: fetch it and seal again.',
      );
    }
    const seq = partition.nextSeq;
    const chain = chainLink(partition.head, { ...change, seq, hash });
    await tx.query(
      `INSERT INTO changes (partition_id, seq, change_id, key_version, device_id, sealed, hash, chain)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        change.partitionId,
        seq,
        change.changeId,
        change.keyVersion,
        caller.deviceId,
        sealed,
        hash,
        chain,
      ],
    );
    partition.nextSeq = seq + 1;
    partition.head = chain;
    // A change id twice in one batch: the second is a replay of the first.
    replays.set(change.changeId, {
      change_id: change.changeId,
      partition_id: change.partitionId,
      seq,
      hash,
    });
    accepted.push({
      changeId: change.changeId,
      partitionId: change.partitionId,
      seq,
      replayed: false,
    });
  }
  for (const [partitionId, partition] of state) {
    await tx.query('UPDATE partitions SET next_seq = $2, chain_head = $3 WHERE partition_id = $1', [
      partitionId,
      partition.nextSeq,
      partition.head,
    ]);
  }
  return { accepted };
}

/**
 * Stores a batch of sealed changes, all or nothing, and wakes waiting pulls. A concurrent push of
 * the same change id into another partition surfaces as a unique violation: the batch is tried
 * once more, when the stored change is seen as a replay (or a conflict).
 */
export async function pushChanges(
  ctx: ServerContext,
  caller: Caller,
  request: PushRequest,
): Promise<PushResponse> {
  let result: PushResponse | undefined;
  for (let attempt = 0; result === undefined; attempt += 1) {
    try {
      result = await ctx.db.transaction(tx => pushOnce(tx, caller, request));
    } catch (error) {
      if (attempt > 0 || sqlState(error) !== UNIQUE_VIOLATION) throw error;
    }
  }
  const fresh = [...new Set(result.accepted.filter(a => !a.replayed).map(a => a.partitionId))];
  if (fresh.length > 0) await ctx.db.notify(CHANGES_CHANNEL, fresh.join(','));
  return result;
}

type PullRequest = z.output<typeof pullRequestSchema>;

async function readChanges(ctx: ServerContext, request: PullRequest): Promise<PullResponse> {
  const partitions: PullResponse['partitions'] = [];
  let bytes = 0;
  for (const cursor of request.cursors) {
    const [partition] = await ctx.db.query<{ key_version: number }>(
      'SELECT key_version FROM partitions WHERE partition_id = $1',
      [cursor.partitionId],
    );
    const rows =
      bytes >= MAX_PULL_BYTES
        ? []
        : await ctx.db.query<{
            seq: string | number;
            change_id: string;
            key_version: number;
            device_id: string;
            sealed: Uint8Array | null;
            hash: Uint8Array;
            received_at: Date;
          }>(
            `SELECT seq, change_id, key_version, device_id, sealed, hash, received_at FROM changes
       WHERE partition_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
            [cursor.partitionId, cursor.after, request.limit + 1],
          );
    const changes: PullResponse['partitions'][number]['changes'] = [];
    for (const row of rows.slice(0, request.limit)) {
      if (bytes >= MAX_PULL_BYTES) break;
      bytes += row.sealed?.length ?? 0;
      changes.push({
        seq: Number(row.seq),
        changeId: row.change_id,
        keyVersion: row.key_version,
        deviceId: row.device_id,
        // An erased change (./purge.ts): no bytes, only the hash the office chain was built on.
        sealed: row.sealed ? Buffer.from(row.sealed).toString('base64') : '',
        ...(row.sealed ? {} : { erasedHash: Buffer.from(row.hash).toString('base64') }),
        receivedAt: new Date(row.received_at).toISOString(),
      });
    }
    const more = rows.length > changes.length || (bytes >= MAX_PULL_BYTES && rows.length === 0);
    partitions.push({
      partitionId: cursor.partitionId,
      keyVersion: partition?.key_version ?? 1,
      changes,
      more,
    });
  }
  return { partitions };
}

/**
 * The changes after each cursor, for partitions in the caller's ACL only (any other: 403, nothing
 * sent). With `waitMs`, an empty answer waits for a push to one of them (or the time, or `signal`),
 * then the ACL is checked again and the changes read once more.
 */
export async function pullChanges(
  ctx: ServerContext,
  caller: Caller,
  request: PullRequest,
  signal?: AbortSignal,
): Promise<PullResponse> {
  const ids = request.cursors.map(c => c.partitionId);
  await requireAccess(ctx.db, caller, ids, false);
  if (request.waitMs === 0) return readChanges(ctx, request);
  let wake: () => void = () => undefined;
  const woken = new Promise<void>(resolve => (wake = resolve));
  const wanted = new Set(ids);
  const stop = await ctx.db.listen(CHANGES_CHANNEL, payload => {
    if (payload.split(',').some(id => wanted.has(id))) wake();
  });
  try {
    const first = await readChanges(ctx, request);
    if (first.partitions.some(p => p.changes.length > 0)) return first;
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => wake();
    signal?.addEventListener('abort', onAbort);
    await Promise.race([
      woken,
      new Promise<void>(resolve => (timer = setTimeout(resolve, request.waitMs))),
    ]);
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    await requireAccess(ctx.db, caller, ids, false);
    return await readChanges(ctx, request);
  } finally {
    await stop();
  }
}
