/**
 * Merge and unmerge of contacts or companies (issue 15 point 4). A merge, in one transaction: the
 * survivor gets the picked and combined fields (the record module's edit), every link of the
 * merged-away records moves to it (./links.ts, ./move.ts; moved contacts, deals and activities
 * stamped with the merge's time and the person merging), the merged-away records are soft
 * deleted (their full-text rows go with them, by the search triggers), and every row written is
 * kept before and after in a merge record (./store.ts). Unmerge puts the "before" columns back —
 * the rows come back byte for byte, full-text rows included, except that restored contacts,
 * companies, deals and activities get a fresh `updated_at`/`updated_by` (a stale form must not
 * save over them) — but only when every row still holds
 * what the merge left: otherwise `conflict` (`details.reason` `changed_since_merge`, `fields` the
 * `table.column`s that moved on, no values, no ids) and nothing changes. Chosen over "restore and
 * keep later edits": a later edit of the survivor is exactly what unmerge cannot split between the
 * originals without guessing.
 */
import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import type { Database } from '../../vault/schema';
import {
  MERGE_MAX_RECORDS,
  UNMERGE_CHANGED,
  UNMERGE_DONE,
  type MergeResult,
  type MergeSummary,
  type MergeType,
  type UnmergeResult,
} from '../../../src-shared/merge';
import type { Change } from '../record/changes';
import { RecordError } from '../record/errors';
import { newRecordId } from '../record-id';
import type { Viewer } from '../record/viewer';
import { companyMerging, contactMerging, type MergeAdapter, type MergeRecord } from './adapters';
import { linksOf, touchedSpecs } from './links';
import { moveLinks } from './move';
import { captureRows, changedRows, currentRow, driftOf, putBack, type RowChange } from './rows';
import { markUnmerged, mergeKindOf, mergesOf, readMerge, saveMerge } from './store';

/** The vault a merge writes: kysely, and the connection for the one transaction. */
export interface MergeVault {
  db: Kysely<Database>;
  sqlite: SqliteDatabase.Database;
}

/**
 * Who merges: `edit` (the type's update scope) must reach the survivor, `remove` (its delete
 * scope, owned records only: a share is not enough) every record merged away. One viewer: both.
 */
export interface MergeViewers {
  edit: Viewer;
  remove: Viewer;
}

function viewersOf(viewer: Viewer | MergeViewers): MergeViewers {
  return 'edit' in viewer ? viewer : { edit: viewer, remove: viewer };
}

/** What the caller asks to merge. */
export interface MergeRequest {
  type: MergeType;
  survivorId: string;
  mergedIds: readonly string[];
  /** Picked field → the id of the record whose value wins. */
  fields: Readonly<Record<string, string>>;
}

/** A merge's answer with the records' changes for the audit log. */
export interface MergeOutcome<T> {
  result: MergeResult;
  survivor: Change<T>;
  merged: Change<T>[];
}

/** An unmerge's answer with the records' changes for the audit log. */
export interface UnmergeOutcome<T> {
  result: UnmergeResult;
  survivor: Change<T>;
  restored: Change<T>[];
}

let savepoints = 0;

/**
 * Runs `work` in one transaction of the connection (a savepoint inside the audit wrapper's), so
 * the record modules' own transactions nest inside it (src-main/vault/nesting-dialect.ts).
 */
async function atomically<T>(sqlite: SqliteDatabase.Database, work: () => Promise<T>): Promise<T> {
  savepoints += 1;
  const name = `zamok_merge_${savepoints}`;
  sqlite.exec(`SAVEPOINT ${name}`);
  try {
    const value = await work();
    sqlite.exec(`RELEASE ${name}`);
    return value;
  } catch (err) {
    sqlite.exec(`ROLLBACK TO ${name}`);
    sqlite.exec(`RELEASE ${name}`);
    throw err;
  }
}

function checkIds(request: MergeRequest): void {
  const all = [request.survivorId, ...request.mergedIds];
  if (request.mergedIds.length < 1 || all.length > MERGE_MAX_RECORDS) {
    throw new RecordError('invalid_input', `Merge 2 to ${MERGE_MAX_RECORDS} records.`, {
      fields: ['mergedIds'],
    });
  }
  if (new Set(all).size !== all.length) {
    throw new RecordError('invalid_input', 'A record appears twice in the merge.', {
      fields: ['mergedIds'],
    });
  }
}

async function mergeWith<T extends MergeRecord, P>(
  vault: MergeVault,
  adapter: MergeAdapter<T, P>,
  { edit: viewer, remove }: MergeViewers,
  request: MergeRequest,
  now: Date,
): Promise<MergeOutcome<T>> {
  checkIds(request);
  const { db } = vault;
  const { survivorId, mergedIds, type } = request;
  return atomically(vault.sqlite, async () => {
    const survivor = await adapter.get(db, viewer, survivorId, { manage: false, deleted: false });
    const merged: T[] = [];
    for (const id of mergedIds) {
      merged.push(await adapter.get(db, remove, id, { manage: true, deleted: false }));
    }
    const ids = [survivorId, ...mergedIds];
    const specs = touchedSpecs(type);
    const before = await captureRows(db, specs, ids);
    const patch = adapter.patch([survivor, ...merged], request.fields);
    if (patch) await adapter.update(db, viewer, survivorId, patch, survivor.updatedAt, now);
    const moved: Record<string, number> = {};
    for (const spec of linksOf(type)) {
      const count = await moveLinks(db, spec, survivorId, mergedIds, {
        now,
        userId: viewer.userId,
      });
      if (count > 0) moved[spec.table] = count;
    }
    const removed: Change<T>[] = [];
    for (const id of mergedIds) removed.push(await adapter.remove(db, remove, id, now));
    const changes = changedRows(specs, before, await captureRows(db, specs, ids));
    const mergeId = newRecordId();
    const mergedAt = now.toISOString();
    await saveMerge(db, {
      id: mergeId,
      type,
      survivorId,
      mergedIds: [...mergedIds],
      mergedAt,
      mergedBy: viewer.userId,
      unmergedAt: null,
      changes,
    });
    return {
      result: { mergeId, type, survivorId, mergedIds: [...mergedIds], moved },
      survivor: { before: survivor, after: await adapter.read(db, viewer, survivorId) },
      merged: removed,
    };
  });
}

/** Order of putting rows back: added rows out first, changed rows next, removed rows last. */
function restoreOrder(change: RowChange): number {
  if (change.before === null) return 0;
  return change.after === null ? 2 : 1;
}

async function unmergeWith<T extends MergeRecord, P>(
  vault: MergeVault,
  adapter: MergeAdapter<T, P>,
  { edit: viewer, remove }: MergeViewers,
  type: MergeType,
  mergeId: string,
  now: Date,
): Promise<UnmergeOutcome<T>> {
  const { db } = vault;
  return atomically(vault.sqlite, async () => {
    const merge = await readMerge(db, type, mergeId);
    if (merge.unmergedAt !== null) {
      throw new RecordError('conflict', 'This merge was already undone.', {
        reason: UNMERGE_DONE,
      });
    }
    const survivor = await adapter.get(db, viewer, merge.survivorId, {
      manage: false,
      deleted: false,
    });
    const merged: T[] = [];
    for (const id of merge.mergedIds) {
      merged.push(await adapter.get(db, remove, id, { manage: true, deleted: true }));
    }
    const drift = new Set<string>();
    for (const change of merge.changes) {
      for (const field of driftOf(change, await currentRow(db, change))) drift.add(field);
    }
    if (drift.size > 0) {
      throw new RecordError(
        'conflict',
        'Records of this merge were changed since; unmerge would lose those changes.',
        {
          reason: UNMERGE_CHANGED,
          fields: [...drift].sort(),
        },
      );
    }
    const ordered = [...merge.changes].sort((a, b) => restoreOrder(a) - restoreOrder(b));
    for (const change of ordered) await putBack(db, change, { now, userId: viewer.userId });
    await markUnmerged(db, mergeId, viewer.userId, now.toISOString());
    const restored: Change<T>[] = [];
    for (const record of merged) {
      restored.push({ before: record, after: await adapter.read(db, viewer, record.id) });
    }
    return {
      result: {
        mergeId,
        type,
        survivorId: merge.survivorId,
        restoredIds: merge.mergedIds,
      },
      survivor: { before: survivor, after: await adapter.read(db, viewer, merge.survivorId) },
      restored,
    };
  });
}

/** Merges `request.mergedIds` into `request.survivorId` for `viewer` (see the module comment). */
export async function mergeRecords(
  vault: MergeVault,
  viewer: Viewer | MergeViewers,
  request: MergeRequest,
  now: Date = new Date(),
): Promise<MergeOutcome<MergeRecord>> {
  return request.type === 'contacts'
    ? mergeWith(vault, contactMerging, viewersOf(viewer), request, now)
    : mergeWith(vault, companyMerging, viewersOf(viewer), request, now);
}

/** Undoes merge `mergeId` for `viewer` (see the module comment). */
export async function unmergeRecords(
  vault: MergeVault,
  viewer: Viewer | MergeViewers,
  type: MergeType,
  mergeId: string,
  now: Date = new Date(),
): Promise<UnmergeOutcome<MergeRecord>> {
  return type === 'contacts'
    ? unmergeWith(vault, contactMerging, viewersOf(viewer), type, mergeId, now)
    : unmergeWith(vault, companyMerging, viewersOf(viewer), type, mergeId, now);
}

/** The merges record `id` survived, if `viewer` may read it (`not_found` otherwise). */
export async function mergeHistory(
  db: Kysely<Database>,
  viewer: Viewer,
  type: MergeType,
  id: string,
): Promise<MergeSummary[]> {
  const adapter = type === 'contacts' ? contactMerging : companyMerging;
  await adapter.get(db, viewer, id, { manage: false, deleted: false });
  return mergesOf(db, type, id);
}

/**
 * The record type of merge `mergeId` (so an unmerge need not be told it), if the viewer the type
 * asks for may read the merge's survivor (`not_found` otherwise: no merge is named to someone
 * who cannot see its record).
 */
export async function mergeKind(
  db: Kysely<Database>,
  viewerFor: (type: MergeType) => Viewer,
  mergeId: string,
): Promise<MergeType> {
  const { type, survivorId } = await mergeKindOf(db, mergeId);
  const adapter = type === 'contacts' ? contactMerging : companyMerging;
  await adapter.get(db, viewerFor(type), survivorId, { manage: false, deleted: false });
  return type;
}
