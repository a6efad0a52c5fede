/**
 * What points at a contact or a company, and so moves to the survivor of a merge. Every table of
 * the vault (src-main/vault/schema.ts) holding a contact or company id is listed here or below with
 * the reason it stays:
 * - `import_batch_records` stays with the merged-away record: it says what an import did to that
 *   record; the merge's soft delete moved its `updated_at`, so undoing the import keeps it and lists
 *   it (moving it would make the undo delete the survivor);
 * - `sync_fields` / `sync_conflicts` / `sync_outbox` describe the stored row of that record, which
 *   still exists (deleted); the merge's own writes reach the outbox through the record module;
 * - `erasures`, `audit_log`, `alerts` are history, never rewritten;
 * - `record_merges` / `record_merge_members` are the merges themselves.
 */
import type { MergeType } from '../../../src-shared/merge';

/** A table whose `column` holds the merged records' ids (`filter`: only rows of this kind). */
export interface LinkSpec {
  table: string;
  column: string;
  key: readonly string[];
  filter?: { column: string; value: string };
  /**
   * How rows move: `update` (plain), or `unique` when the survivor may already hold such a row
   * (a share with the same colleague, an objection): then the merged record's row is dropped.
   */
  move: 'update' | 'unique';
}

const CONTACT_LINKS: readonly LinkSpec[] = [
  { table: 'deals', column: 'contact_id', key: ['id'], move: 'update' },
  { table: 'activities', column: 'contact_id', key: ['id'], move: 'update' },
  {
    table: 'documents',
    column: 'record_id',
    key: ['id'],
    filter: { column: 'record_type', value: 'contact' },
    move: 'update',
  },
  { table: 'contact_shares', column: 'contact_id', key: ['contact_id', 'user_id'], move: 'unique' },
  { table: 'privacy_consents', column: 'contact_id', key: ['id'], move: 'update' },
  { table: 'privacy_objections', column: 'contact_id', key: ['contact_id'], move: 'unique' },
  { table: 'privacy_requests', column: 'contact_id', key: ['id'], move: 'update' },
];

const COMPANY_LINKS: readonly LinkSpec[] = [
  { table: 'contacts', column: 'company_id', key: ['id'], move: 'update' },
  { table: 'deals', column: 'company_id', key: ['id'], move: 'update' },
  { table: 'activities', column: 'company_id', key: ['id'], move: 'update' },
  {
    table: 'documents',
    column: 'record_id',
    key: ['id'],
    filter: { column: 'record_type', value: 'company' },
    move: 'update',
  },
];

/** The links of a record type, moved from the merged records to the survivor. */
export function linksOf(type: MergeType): readonly LinkSpec[] {
  return type === 'contacts' ? CONTACT_LINKS : COMPANY_LINKS;
}

/** The merged records' own rows (the survivor's and the merged-away ones). */
export function recordSpec(type: MergeType): LinkSpec {
  return { table: type, column: 'id', key: ['id'], move: 'update' };
}

/** Every table a merge of `type` may write, the records first. */
export function touchedSpecs(type: MergeType): readonly LinkSpec[] {
  return [recordSpec(type), ...linksOf(type)];
}
