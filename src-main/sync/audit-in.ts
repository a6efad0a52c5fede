/**
 * Audit entries of other laptops, as an audit reader (owner, auditor) pulls their office audit
 * partitions (one per device). They are stored in `office_audit`, apart from this vault's own hash chain (never
 * appended to it), and verified on arrival per device: each entry's hash and payload digest, and
 * its link to the previous entry of the same device. An entry that does not verify is kept with
 * its problem named (the office audit screen and `zamok audit verify --office` show it), never
 * silently accepted or dropped. This laptop's own changes coming back only leave the outbox.
 */
import type { Kysely } from 'kysely';
import type { PulledChange } from '../../src-shared/office/contracts';
import { auditPartitionId } from '../../src-shared/office/audit';
import type { SqliteSource } from '../audit';
import type { Database } from '../vault/schema';
import { AuditBreaks, type HeldBefore } from './audit-breaks';
import {
  entryProblem,
  officeAuditChangeSchema,
  type OfficeAuditChange,
  type OfficeAuditEntry,
  type OfficeAuditProblem,
} from './audit-format';
import { SyncApplyError, movePullCursor, openPulled, pullCursor, type ApplyResult } from './apply';
import { loadOfficeSettings, partitionKey } from './store';

/** The newest entry held of `deviceId` (its seq, hash and problem), or null. */
async function lastOf(trx: Kysely<Database>, deviceId: string) {
  return (
    (await trx
      .selectFrom('office_audit')
      .select(['seq', 'hash', 'problem'])
      .where('device_id', '=', deviceId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst()) ?? null
  );
}

async function store(
  trx: Kysely<Database>,
  o: { deviceId: string; partitionSeq: number; problem: OfficeAuditProblem | null },
  entry: OfficeAuditEntry,
): Promise<'stored' | 'same' | 'forked'> {
  const { device_id: localDeviceId, ...rest } = entry;
  const held = await trx
    .selectFrom('office_audit')
    .select('hash')
    .where('device_id', '=', o.deviceId)
    .where('seq', '=', entry.seq)
    .executeTakeFirst();
  if (held) {
    // The same entry twice (a change sealed again after a key rotation) changes nothing; another
    // entry under the same seq means the device's chain forked: the held one is flagged.
    if (held.hash !== entry.hash) {
      await trx
        .updateTable('office_audit')
        .set({ problem: 'prev_mismatch' })
        .where('device_id', '=', o.deviceId)
        .where('seq', '=', entry.seq)
        .execute();
      return 'forked';
    }
    return 'same';
  }
  await trx
    .insertInto('office_audit')
    .values({
      ...rest,
      device_id: o.deviceId,
      local_device_id: localDeviceId,
      partition_seq: o.partitionSeq,
      problem: o.problem,
      received_at: new Date().toISOString(),
    })
    .execute();
  return 'stored';
}

/** The device whose own audit partition `partitionId` is (`audit-<deviceId>`). */
function partitionDevice(partitionId: string): string {
  return partitionId.replace(/^audit-/, '');
}

/** Notes the break (if any) `problem` of `entry` makes after `before` (./audit-breaks.ts). */
function noteBreak(
  breaks: AuditBreaks,
  deviceId: string,
  before: HeldBefore | null,
  o: { entry: OfficeAuditEntry; problem: OfficeAuditProblem; expected: number },
): void {
  const gap = o.problem === 'seq_gap' ? o.entry.seq - o.expected : 0;
  // A seq behind the one expected is another entry in a place already taken: an edit.
  breaks.note(deviceId, before, gap > 0 ? 0 : 1, Math.max(0, gap));
}

/**
 * Applies one pull answer of the audit partition in one transaction and moves its cursor (and
 * office chain head). This laptop's own changes are not stored here (they are its own chain).
 */
export async function applyAuditPulled(
  db: Kysely<Database>,
  partitionId: string,
  changes: readonly PulledChange[],
  chainHead: string | null = null,
  audit: SqliteSource | null = null,
): Promise<ApplyResult & { problems: number }> {
  return db.transaction().execute(async trx => {
    const ownDeviceId = (await loadOfficeSettings(trx))?.device_id;
    let cursor = await pullCursor(trx, partitionId);
    let applied = 0;
    let problems = 0;
    const breaks = new AuditBreaks();
    for (const change of [...changes].sort((a, b) => a.seq - b.seq)) {
      if (change.seq <= cursor) continue;
      cursor = change.seq;
      applied += 1;
      await trx.deleteFrom('sync_outbox').where('change_id', '=', change.changeId).execute();
      if (change.deviceId === ownDeviceId) continue;
      const key = await partitionKey(trx, partitionId, change.keyVersion);
      if (!key) throw new SyncApplyError('missing_key', `No key version ${change.keyVersion}.`);
      let body: OfficeAuditChange;
      try {
        body = openPulled(change, partitionId, key, officeAuditChangeSchema);
      } catch (error) {
        // Without an audit log to record it in, a change that does not open stops the round.
        if (!audit || !(error instanceof SyncApplyError)) throw error;
        // Edited on the server (or sealed wrong): skipped, recorded as a break of its device.
        const device = partitionDevice(partitionId);
        breaks.note(device, await lastOf(trx, device), 1, 0);
        problems += 1;
        continue;
      }
      // The server names who pushed the change: only the partition's own device writes its chain.
      const forged =
        body.deviceId !== change.deviceId || auditPartitionId(change.deviceId) !== partitionId;
      let previous: (HeldBefore & { hash: string }) | null = await lastOf(trx, change.deviceId);
      // Problems later in one change continue the break its first problem began.
      let breakAfter: HeldBefore | null | undefined;
      for (const entry of body.entries) {
        const expected = previous ? previous.seq + 1 : body.from;
        const problem = forged ? 'wrong_device' : entryProblem(entry, previous, body.from);
        const stored = await store(
          trx,
          { deviceId: change.deviceId, partitionSeq: change.seq, problem },
          entry,
        );
        if (problem && stored !== 'same') {
          problems += 1;
          if (breakAfter === undefined) breakAfter = previous;
          noteBreak(breaks, change.deviceId, breakAfter, { entry, problem, expected });
        }
        previous = {
          seq: entry.seq,
          hash: entry.hash,
          problem: stored === 'stored' ? problem : null,
        };
      }
    }
    if (audit) await breaks.record(trx, audit);
    await movePullCursor(trx, partitionId, cursor, chainHead);
    return { applied, conflicts: 0, cursor, dropped: 0, droppedDocuments: [], problems };
  });
}
