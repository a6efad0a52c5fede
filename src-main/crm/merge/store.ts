/**
 * The merge records (`record_merges`, `record_merge_members`, migration 0033): written by a merge,
 * read and emptied by an unmerge, listed in a record's history.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../vault/schema';
import type { MergeSummary, MergeType } from '../../../src-shared/merge';
import { recordNotFound } from '../record/errors';
import type { RowChange } from './rows';

const RECORD_TYPE = { contacts: 'contact', companies: 'company' } as const;

/** A stored merge with the rows it changed. */
export interface StoredMerge extends MergeSummary {
  changes: RowChange[];
}

/** Writes a merge record. */
export async function saveMerge(db: Kysely<Database>, merge: StoredMerge): Promise<void> {
  await db
    .insertInto('record_merges')
    .values({
      id: merge.id,
      record_type: RECORD_TYPE[merge.type],
      survivor_id: merge.survivorId,
      merged_by: merge.mergedBy,
      merged_at: merge.mergedAt,
      changes: JSON.stringify(merge.changes),
      unmerged_at: null,
      unmerged_by: null,
    })
    .execute();
  await db
    .insertInto('record_merge_members')
    .values([
      { merge_id: merge.id, record_id: merge.survivorId, role: 'survivor' },
      ...merge.mergedIds.map(id => ({
        merge_id: merge.id,
        record_id: id,
        role: 'merged' as const,
      })),
    ])
    .execute();
}

async function members(db: Kysely<Database>, mergeId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('record_merge_members')
    .select('record_id')
    .where('merge_id', '=', mergeId)
    .where('role', '=', 'merged')
    .orderBy('record_id')
    .execute();
  return rows.map(r => r.record_id);
}

/** The record type and survivor of merge `id`, whatever its type (`not_found` when none). */
export async function mergeKindOf(
  db: Kysely<Database>,
  id: string,
): Promise<{ type: MergeType; survivorId: string }> {
  const row = await db
    .selectFrom('record_merges')
    .select(['record_type', 'survivor_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw recordNotFound('merge');
  return {
    type: row.record_type === 'company' ? 'companies' : 'contacts',
    survivorId: row.survivor_id,
  };
}

/** The merge with this id and type (`not_found` otherwise). */
export async function readMerge(
  db: Kysely<Database>,
  type: MergeType,
  id: string,
): Promise<StoredMerge> {
  const row = await db
    .selectFrom('record_merges')
    .selectAll()
    .where('id', '=', id)
    .where('record_type', '=', RECORD_TYPE[type])
    .executeTakeFirst();
  if (!row) throw recordNotFound('merge');
  return {
    id: row.id,
    type,
    survivorId: row.survivor_id,
    mergedIds: await members(db, id),
    mergedAt: row.merged_at,
    mergedBy: row.merged_by,
    unmergedAt: row.unmerged_at,
    changes: JSON.parse(row.changes) as RowChange[],
  };
}

/** Marks a merge undone and drops the rows it kept (they are personal data, no longer needed). */
export async function markUnmerged(
  db: Kysely<Database>,
  id: string,
  actorId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('record_merges')
    .set({ unmerged_at: at, unmerged_by: actorId, changes: '[]' })
    .where('id', '=', id)
    .execute();
}

/** The merges a record survived, newest first (its history). */
export async function mergesOf(
  db: Kysely<Database>,
  type: MergeType,
  survivorId: string,
): Promise<MergeSummary[]> {
  const rows = await db
    .selectFrom('record_merges')
    .select(['id', 'survivor_id', 'merged_at', 'merged_by', 'unmerged_at'])
    .where('survivor_id', '=', survivorId)
    .where('record_type', '=', RECORD_TYPE[type])
    .orderBy('merged_at', 'desc')
    .execute();
  const out: MergeSummary[] = [];
  for (const row of rows) {
    out.push({
      id: row.id,
      type,
      survivorId: row.survivor_id,
      mergedIds: await members(db, row.id),
      mergedAt: row.merged_at,
      mergedBy: row.merged_by,
      unmergedAt: row.unmerged_at,
    });
  }
  return out;
}
