/**
 * One sync round of a laptop: sign in, refresh the partitions it holds (and unwrap new key
 * versions), push the outbox in the order the changes were made (idempotent change ids: a push
 * repeated after a crash is answered, not stored twice), then pull every partition from its cursor
 * and apply each answer in one transaction (./apply.ts), following the office chain as it goes.
 */
import { sql, type Kysely } from 'kysely';
import {
  MAX_PULL_CHANGES,
  MAX_PUSH_CHANGES,
  type PullResponse,
  type PulledChange,
  type PushResponse,
} from '../../src-shared/office/contracts';
import { chainGenesis } from '../../src-server/partitions';
import { chainLink } from '../../src-server/changes';
import type { SqliteSource } from '../audit';
import type { Database } from '../vault/schema';
import { applyPulled } from './apply';
import { applyAuditPulled } from './audit-in';
import { auditRound } from './audit-partition';
import { dropOwnerRecords } from './moves';
import { runPendingErasures, type Eraser } from './erasure-in';
import { resealStale } from './outbox';
import { DeviceRemovedError, isDeviceRemoved } from './wipe';
import { documentPath, shredFile } from '../crm/documents/files';
import { queueExistingRecords } from './enrol';
import { uploadDocuments } from './documents-out';
import { OfficeCallError } from './client';
import { unwrapPartitionKey } from './crypto';
import { OfficeSession } from './session';
import {
  heldPartitions,
  loadOfficeSettings,
  NotJoinedError,
  partitionKey,
  savePartition,
  savePartitionKey,
  type HeldPartition,
  type OfficeSettings,
} from './store';
import { createHash } from 'node:crypto';
import { addProgress, endProgress, startProgress } from './progress';
import { runDueJobs } from './office-jobs';
import { purgeAcknowledged } from './purge';

/** A partition as the server lists it for this device. */
export interface ListedPartition extends HeldPartition {
  lastSeq: number;
  chainHead: string;
}

/** What one round did. */
export interface SyncReport {
  pushed: number;
  pulled: number;
  conflicts: number;
  partitions: number;
}

/** The vault has not joined an office (declared in ./store.ts, where the settings are read). */
export { NotJoinedError } from './store';

/**
 * Updates the partitions and keys this device holds from the server's answer; the records of an
 * owner partition no longer listed leave the vault (answers their document ids to shred).
 */
export async function refreshPartitions(
  db: Kysely<Database>,
  session: OfficeSession,
  settings: OfficeSettings,
): Promise<{ partitions: ListedPartition[]; dropped: string[] }> {
  const { partitions } = await session.get<{ partitions: ListedPartition[] }>('/v1/partitions');
  const { envelopes } = await session.get<{
    envelopes: { partitionId: string; keyVersion: number; wrapped: string }[];
  }>('/v1/envelopes');
  const dropped = await db.transaction().execute(async trx => {
    for (const envelope of envelopes) {
      if (await partitionKey(trx, envelope.partitionId, envelope.keyVersion)) continue;
      const key = unwrapPartitionKey(
        envelope.wrapped,
        Buffer.from(settings.box_private),
        settings.box_public,
        envelope,
      );
      await savePartitionKey(trx, envelope.partitionId, envelope.keyVersion, key);
    }
    for (const p of partitions) await savePartition(trx, p);
    // A rotated partition: unsent changes sealed under the old key are sealed again.
    await resealStale(trx);
    const listed = partitions.map(p => p.partitionId);
    // A partition taken away: no more pulls of it, and its records leave this laptop.
    let gone = trx.deleteFrom('office_partitions');
    if (listed.length > 0) gone = gone.where('partition_id', 'not in', listed);
    const lost = await gone.returning(['kind', 'owner_user_id']).execute();
    const documents: string[] = [];
    if (lost.length === 0) return documents;
    let keys = trx.deleteFrom('office_partition_keys');
    if (listed.length > 0) keys = keys.where('partition_id', 'not in', listed);
    await keys.execute();
    for (const p of lost) {
      if (p.kind === 'owner' && p.owner_user_id !== null) {
        documents.push(...(await dropOwnerRecords(trx, p.owner_user_id)));
      }
    }
    return documents;
  });
  return { partitions, dropped };
}

/** Pushes the outbox (oldest first, in batches); answers how many changes the server acknowledged. */
export async function pushOutbox(db: Kysely<Database>, session: OfficeSession): Promise<number> {
  let pushed = 0;
  for (;;) {
    const rows = await db
      .selectFrom('sync_outbox')
      .select(['change_id', 'partition_id', 'key_version', 'sealed'])
      .where('seq', 'is', null)
      .orderBy(sql`rowid`)
      .limit(MAX_PUSH_CHANGES)
      .execute();
    if (rows.length === 0) return pushed;
    const answer = await session.post<PushResponse>('/v1/push', {
      changes: rows.map(r => ({
        changeId: r.change_id,
        partitionId: r.partition_id,
        keyVersion: r.key_version,
        sealed: r.sealed,
      })),
    });
    await db.transaction().execute(async trx => {
      for (const accepted of answer.accepted) {
        await trx
          .updateTable('sync_outbox')
          .set({ seq: accepted.seq })
          .where('change_id', '=', accepted.changeId)
          .execute();
      }
    });
    pushed += answer.accepted.length;
  }
}

/** The office chain head after `changes`, from `previous` (base64; null: the partition's start). */
export function followChain(
  partitionId: string,
  previous: string | null,
  changes: readonly PulledChange[],
): string {
  let head = previous ? Buffer.from(previous, 'base64') : chainGenesis(partitionId);
  for (const change of changes) {
    // A change the office erased (./purge.ts) comes with the hash its sealed bytes had.
    const hash = change.erasedHash
      ? Buffer.from(change.erasedHash, 'base64')
      : createHash('sha256').update(Buffer.from(change.sealed, 'base64')).digest();
    head = chainLink(head, {
      partitionId,
      seq: change.seq,
      changeId: change.changeId,
      keyVersion: change.keyVersion,
      hash,
    });
  }
  return head.toString('base64');
}

/** Pulls every held partition from its cursor until nothing more; answers (pulled, conflicts). */
export async function pullAll(
  db: Kysely<Database>,
  session: OfficeSession,
  waitMs = 0,
  audit: SqliteSource | null = null,
): Promise<{ pulled: number; conflicts: number; dropped: string[] }> {
  let pulled = 0;
  let conflicts = 0;
  const dropped: string[] = [];
  let wait = waitMs;
  for (;;) {
    const held = await heldPartitions(db);
    if (held.length === 0) return { pulled, conflicts, dropped };
    const answer = await session.post<PullResponse>('/v1/pull', {
      cursors: held.map(p => ({ partitionId: p.partition_id, after: p.after_seq })),
      limit: MAX_PULL_CHANGES,
      waitMs: wait,
    });
    wait = 0;
    let more = false;
    for (const part of answer.partitions) {
      const mine = held.find(p => p.partition_id === part.partitionId);
      if (!mine || part.changes.length === 0) continue;
      const fresh = part.changes.filter(c => c.seq > mine.after_seq);
      const head = followChain(part.partitionId, mine.chain_head, fresh);
      const result =
        mine.kind === 'audit'
          ? await applyAuditPulled(db, part.partitionId, fresh, head, audit)
          : await applyPulled(db, part.partitionId, fresh, head);
      addProgress(db, fresh.length);
      pulled += result.applied;
      conflicts += result.conflicts;
      dropped.push(...result.droppedDocuments);
      more ||= part.more;
    }
    if (!more) return { pulled, conflicts, dropped };
  }
}

/** How many changes the server holds past this laptop's cursors (its partition list's last seqs). */
async function changesBehind(db: Kysely<Database>, listed: ListedPartition[]): Promise<number> {
  const held = await heldPartitions(db);
  return listed.reduce((sum, p) => {
    if (p.mayPull === false) return sum;
    const after = held.find(h => h.partition_id === p.partitionId)?.after_seq ?? 0;
    return sum + Math.max(0, Number(p.lastSeq) - after);
  }, 0);
}

/** Notes the outcome of a round (an error code only, never a message with data). */
async function noteRound(db: Kysely<Database>, error: string | null): Promise<void> {
  await db
    .updateTable('office_settings')
    .set(
      error
        ? { last_error: error }
        : { last_error: null, last_sync_at: new Date().toISOString(), status: 'active' },
    )
    .execute();
}

/** Shreds the files of documents whose rows left the vault (their keys went with the rows). */
async function shredDropped(attachments: string | undefined, ids: readonly string[]) {
  if (!attachments) return;
  for (const id of ids) await shredFile(documentPath(attachments, id));
}

/**
 * One sync round (sign in, partitions, push, pull). Throws `NotJoinedError`, `OfficeCallError`, or
 * `DeviceRemovedError` (the office removed this device: the caller wipes the vault, ./wipe.ts).
 * `attachments`: the vault's document folder, where files of records that left are shredded;
 * `eraser`: carries out erasures received from other laptops (./erasure-in.ts); `audit`: the vault's
 * connection, where breaks found in other laptops' audit chains are recorded (./audit-breaks.ts).
 */
export async function syncNow(
  db: Kysely<Database>,
  o: { waitMs?: number; attachments?: string; eraser?: Eraser; audit?: SqliteSource } = {},
): Promise<SyncReport> {
  const settings = await loadOfficeSettings(db);
  if (!settings) throw new NotJoinedError();
  try {
    const session = await OfficeSession.signIn(settings);
    const { partitions, dropped } = await refreshPartitions(db, session, settings);
    await shredDropped(o.attachments, dropped);
    // Queued office steps (a dismissal) first: their rotations re-seal what the push sends.
    await runDueJobs(db);
    // The first round: count the pull for the progress bar (the server says how much there is).
    if (settings.last_sync_at === null) startProgress(db, await changesBehind(db, partitions));
    // The first round after approval: what this user already had goes up with it.
    if (settings.status === 'pending') await queueExistingRecords(db, settings.user_id);
    await auditRound(db, session, settings);
    // Documents' content first: their metadata joins the outbox only once it is at the office.
    if (o.attachments) await uploadDocuments(db, session, o.attachments);
    const pushed = await pushOutbox(db, session);
    // Acknowledged erasures, document deletions and moves: their ciphertext leaves the office
    // before the pull takes the acknowledged changes out of the outbox (./purge.ts).
    await purgeAcknowledged(db, session);
    const pull = await pullAll(db, session, o.waitMs ?? 0, o.audit ?? null);
    await shredDropped(o.attachments, pull.dropped);
    if (o.eraser) await runPendingErasures(db, o.eraser);
    await noteRound(db, null);
    endProgress(db);
    return {
      pushed,
      pulled: pull.pulled,
      conflicts: pull.conflicts,
      partitions: partitions.length,
    };
  } catch (error) {
    endProgress(db);
    // A removed device notes nothing more: its caller wipes the vault.
    if (isDeviceRemoved(error)) throw new DeviceRemovedError();
    await noteRound(db, error instanceof OfficeCallError ? error.code : 'failed');
    throw error;
  }
}
