/**
 * Undoing an import batch: records it created are deleted (soft, through the record modules, so
 * they can still be restored), records it updated get their fields from before the import back —
 * but only where the record is exactly as the import left it (`updated_at` unchanged). A record
 * edited (or deleted) since is kept as it is and listed. Custom values come back too: the batch
 * row's `before` carries them as `customValues` (./commit.ts). A deals batch only created deals
 * (./deals/commit.ts): its undo deletes exactly those, when untouched since. Runs inside the caller's transaction (the
 * audit wrapper's), so the undo and its audit entries commit together.
 */
import type { Kysely } from 'kysely';
import type { Company } from '../../src-shared/companies';
import type { Contact } from '../../src-shared/contacts';
import type { CustomValues, CustomValuesInput } from '../../src-shared/custom-fields';
import { setRecordValues, valuesByLabel } from '../crm/custom-fields/values';
import { companyFields } from '../crm/companies/tables';
import { deleteCompany, getCompany, updateCompany } from '../crm/companies/repository';
import { deleteContact, getContact, updateContact } from '../crm/contacts/repository';
import { contactFields } from '../crm/contacts/tables';
import { deleteDeal, getDeal } from '../crm/deals/repository';
import { RecordError, recordNotFound } from '../crm/record/errors';
import type { Viewer } from '../crm/record/viewer';
import type { Database } from '../vault/schema';
import type { CustomWrite, ImportWrite } from './commit';
import { storedCustomValues } from './custom';

/** What an undo did. */
export interface UndoResult {
  batchId: string;
  type: 'contacts' | 'companies' | 'deals';
  deleted: number;
  restored: number;
  /** Records changed since the import: left as they are. */
  kept: { recordId: string; action: 'create' | 'update' }[];
}

const TYPE_OF = { contact: 'contacts', company: 'companies', deal: 'deals' } as const;

/** The batch's type and creator (for the handler's permission check); `not_found` otherwise. */
export async function importBatchOf(
  db: Kysely<Database>,
  batchId: string,
): Promise<{ type: 'contacts' | 'companies' | 'deals'; createdBy: string; status: string }> {
  const batch = await db
    .selectFrom('import_batches')
    .select(['record_type', 'created_by', 'status'])
    .where('id', '=', batchId)
    .executeTakeFirst();
  if (!batch) throw recordNotFound('import');
  return {
    type: TYPE_OF[batch.record_type],
    createdBy: batch.created_by,
    status: batch.status,
  };
}

/**
 * Puts a record's custom values back to `kept` (fields the import added are cleared); the change
 * by label for the audit entry, or undefined when nothing changed (or `kept` is not recorded).
 */
async function restoreCustom(
  db: Kysely<Database>,
  viewer: Viewer,
  type: 'contacts' | 'companies',
  id: string,
  kept: CustomValues | undefined,
  now: Date,
): Promise<{ custom: CustomWrite } | undefined> {
  if (kept === undefined) return undefined;
  const current = await storedCustomValues(db, type, id);
  const changes: CustomValuesInput = {};
  for (const fieldId of new Set([...Object.keys(current), ...Object.keys(kept)])) {
    if (current[fieldId] !== kept[fieldId]) changes[fieldId] = kept[fieldId] ?? null;
  }
  if (Object.keys(changes).length === 0) return undefined;
  const recordType = type === 'contacts' ? 'contact' : 'company';
  const change = await setRecordValues(db, viewer, recordType, id, changes, { now });
  const { fields } = change;
  const labelled = { before: change.before, after: change.after };
  return {
    custom: {
      before: valuesByLabel(fields, labelled.before),
      after: valuesByLabel(fields, labelled.after),
    },
  };
}

/**
 * Undoes batch `batchId` as `actor` (the importer: the caller checked). `onWrite` gets each
 * deletion and restore (for the audit log).
 */
export async function undoImport(
  db: Kysely<Database>,
  batchId: string,
  actor: { userId: string; teamId: string | null },
  options: { now?: () => Date; onWrite?: (write: ImportWrite) => void } = {},
): Promise<UndoResult> {
  const now = options.now ?? (() => new Date());
  const batch = await importBatchOf(db, batchId);
  if (batch.status === 'undone' || batch.status === 'running')
    throw new RecordError('conflict', 'This import was already undone or is still running.', {
      reason: `import_${batch.status}`,
    });
  // The importer acts on what the import wrote, wherever its owner now is.
  const viewer: Viewer = { userId: actor.userId, teamId: actor.teamId, scope: 'all' };
  const rows = await db
    .selectFrom('import_batch_records')
    .selectAll()
    .where('batch_id', '=', batchId)
    .orderBy('record_id')
    .execute();
  const result: UndoResult = { batchId, type: batch.type, deleted: 0, restored: 0, kept: [] };
  for (const row of rows) {
    const action = row.action;
    const read = { includeDeleted: true };
    const current = await (
      batch.type === 'contacts'
        ? getContact(db, viewer, row.record_id, read)
        : batch.type === 'companies'
          ? getCompany(db, viewer, row.record_id, read)
          : getDeal(db, viewer, row.record_id, read)
    ).catch(() => null);
    if (
      current === null ||
      current.deletedAt !== null ||
      current.updatedAt !== row.after_updated_at
    ) {
      result.kept.push({ recordId: row.record_id, action });
      continue;
    }
    if (action === 'create') {
      if (batch.type === 'contacts') {
        const change = await deleteContact(db, viewer, row.record_id, now());
        options.onWrite?.({ type: 'contacts', action: 'delete', ...change });
      } else if (batch.type === 'deals') {
        const change = await deleteDeal(db, viewer, row.record_id, now());
        options.onWrite?.({ type: 'deals', action: 'delete', ...change });
      } else {
        const change = await deleteCompany(db, viewer, row.record_id, now());
        options.onWrite?.({ type: 'companies', action: 'delete', ...change });
      }
      result.deleted++;
      continue;
    }
    // A deals import only creates: an update row is another type's.
    if (batch.type === 'deals') throw new Error('a deals import recorded an update');
    const before: unknown = JSON.parse(row.before ?? 'null');
    const kept = (before as { customValues?: CustomValues }).customValues;
    if (batch.type === 'contacts') {
      const fields = contactFields(before as Contact);
      const change = await updateContact(
        db,
        viewer,
        row.record_id,
        fields,
        row.after_updated_at,
        now(),
      );
      const custom = await restoreCustom(db, viewer, batch.type, row.record_id, kept, now());
      const after = custom ? await getContact(db, viewer, row.record_id) : change.after;
      options.onWrite?.({ type: 'contacts', action: 'update', ...change, after, ...custom });
    } else {
      const fields = companyFields(before as Company);
      const change = await updateCompany(
        db,
        viewer,
        row.record_id,
        fields,
        row.after_updated_at,
        now(),
      );
      const custom = await restoreCustom(db, viewer, batch.type, row.record_id, kept, now());
      const after = custom ? await getCompany(db, viewer, row.record_id) : change.after;
      options.onWrite?.({ type: 'companies', action: 'update', ...change, after, ...custom });
    }
    result.restored++;
  }
  await db
    .updateTable('import_batches')
    .set({ status: 'undone', finished_at: now().toISOString() })
    .where('id', '=', batchId)
    .execute();
  return result;
}
