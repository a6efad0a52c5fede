/**
 * Committing an import: the file is read again and planned row by row (./plan.ts, the dry run's
 * own decisions), and the planned writes go through the record modules (`createContact`,
 * `updateContact`, `createCompany`, `updateCompany`: the same writes, stamps and checks as the
 * forms) in batches, each batch one transaction together with its `import_batch_records` rows and
 * — through `onWrite`, which the app uses to append the audit entries — whatever else must commit
 * with it. Between batches: the progress callback, and the abort signal (a cancelled import keeps
 * the batches already committed; its status says `cancelled` and undo can remove them).
 */
import type { Kysely } from 'kysely';
import type { Company } from '../../src-shared/companies';
import type { Contact } from '../../src-shared/contacts';
import type { Deal } from '../../src-shared/deals';
import type { ColumnMapping } from '../../src-shared/import';
import type { ImportNameSuggestion } from '../../src-shared/ipc/imports';
import type { CustomValues } from '../../src-shared/custom-fields';
import { getCompany, updateCompany } from '../crm/companies/repository';
import { createContact, getContact, updateContact } from '../crm/contacts/repository';
import { listFields } from '../crm/custom-fields/definitions';
import { setRecordValues, valuesByLabel } from '../crm/custom-fields/values';
import { isRecordError } from '../crm/record/errors';
import { newRecordId } from '../crm/record-id';
import type { Viewer } from '../crm/record/viewer';
import type { Database } from '../vault/schema';
import { editedRows, type RowEdits } from './edits';
import { NameSuggester } from './dry-run-names';
import { BulkCreator } from './bulk';
import { storedCustomValues } from './custom';
import type { ImportTable } from './read';
import { inBatches, inTransaction, startBatch, type ImportVault } from './batches';
import {
  ImportPlanner,
  ImportTally,
  type ImportCounts,
  type ImportViewer,
  type PlannedRow,
  type RowProblem,
} from './plan';

/** A record's custom values before and after a write, keyed by field label (for the audit log). */
export interface CustomWrite {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** One record an import (or its undo) wrote, as the audit log wants it. */
export type ImportWrite = (
  | {
      type: 'contacts';
      action: 'create' | 'update' | 'delete';
      before: Contact | null;
      after: Contact;
    }
  | {
      type: 'companies';
      action: 'create' | 'update' | 'delete';
      before: Company | null;
      after: Company;
    }
  | { type: 'deals'; action: 'create' | 'delete'; before: Deal | null; after: Deal }
) & { custom?: CustomWrite };

/** How far an import has got (after each batch). */
export interface ImportProgress {
  batchId: string;
  counts: ImportCounts;
}

/** Options of {@link commitImport}. */
export interface CommitOptions {
  /** The importer (created_by) and the owner of new records (defaults to the importer). */
  actorId: string;
  ownerId?: string;
  /** Rows per transaction (default 1,000). */
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Hears of every row not imported (for the error report), beyond the listed problems too. */
  onProblem?: (problem: RowProblem) => void;
  /** Called inside the write's transaction (the app appends the record's audit entry here). */
  onWrite?: (write: ImportWrite, batchId: string) => void;
  /** Called once the batch row exists, before any record is written. */
  onStart?: (batchId: string) => void;
  /** The wizard's fixes: rows edited or left out (./edits.ts). */
  edits?: RowEdits;
  now?: () => Date;
}

export type { ImportVault } from './batches';

/** What a committed (or cancelled) import did. */
export interface CommitResult {
  batchId: string;
  status: 'done' | 'cancelled';
  counts: ImportCounts;
  problems: RowProblem[];
  problemsTruncated: boolean;
}

/** Imports `table`'s rows as `mapping` says, for `viewer`; see the module comment. */
export async function commitImport(
  vault: ImportVault,
  table: ImportTable,
  mapping: ColumnMapping,
  viewer: ImportViewer,
  options: CommitOptions,
): Promise<CommitResult> {
  const { db } = vault;
  const now = options.now ?? (() => new Date());
  const ownerId = options.ownerId ?? options.actorId;
  const batchId = newRecordId();
  const batchSize = options.batchSize ?? 1000;
  const recordType = mapping.type === 'contacts' ? 'contact' : 'company';
  await startBatch(db, { batchId, recordType, actorId: options.actorId, ownerId, table, now });
  options.onStart?.(batchId);
  const planner = await ImportPlanner.start(db, mapping, viewer);
  const tally = new ImportTally(options.onProblem);
  const actor = { userId: options.actorId, teamId: viewer.read.teamId };
  const bulk = await BulkCreator.start(vault, { batchId, actorId: options.actorId, ownerId });
  const fields = await listFields(db, mapping.type === 'contacts' ? 'contact' : 'company', true);
  /** The custom part of a write's audit entry (nothing when the values did not change). */
  const labelled = (before: CustomValues, after: CustomValues): { custom?: CustomWrite } =>
    JSON.stringify(before) === JSON.stringify(after)
      ? {}
      : { custom: { before: valuesByLabel(fields, before), after: valuesByLabel(fields, after) } };

  async function write(trx: Kysely<Database>, planned: PlannedRow): Promise<PlannedRow> {
    if (planned.kind === 'create') {
      // New records take the bulk path (./bulk.ts); a contact linked to a company the module's.
      if (planned.type === 'contacts' && !planned.input.companyId) {
        const after = await bulk.contact(planned.input, now(), planned.custom);
        const custom = labelled({}, planned.custom);
        options.onWrite?.(
          { type: 'contacts', action: 'create', before: null, after, ...custom },
          batchId,
        );
        return planned;
      }
      if (planned.type === 'companies') {
        const after = await bulk.company(planned.input, now(), planned.custom);
        const custom = labelled({}, planned.custom);
        options.onWrite?.(
          { type: 'companies', action: 'create', before: null, after, ...custom },
          batchId,
        );
        return planned;
      }
      const change = await createContact(trx, actor, planned.input, now(), ownerId);
      const editor = { userId: options.actorId, teamId: viewer.read.teamId, scope: 'all' as const };
      const written = await writeCustom(trx, editor, 'contacts', change.after, {}, planned.custom);
      const after =
        written.at === change.after.updatedAt
          ? change.after
          : await getContact(trx, editor, change.after.id);
      await record(trx, 'create', change.after.id, null, written.at);
      const custom = labelled({}, written.values);
      options.onWrite?.(
        { type: 'contacts', ...change, after, action: 'create', ...custom },
        batchId,
      );
      return planned;
    }
    if (planned.kind !== 'update') return planned;
    const editor = viewer.update;
    if (editor === undefined) throw new Error('update planned without an edit scope');
    const { before } = planned;
    try {
      const stored = await storedCustomValues(trx, planned.type, before.id);
      const change =
        planned.type === 'contacts'
          ? {
              type: 'contacts' as const,
              ...(planned.patch === null
                ? { before, after: before }
                : await updateContact(
                    trx,
                    editor,
                    before.id,
                    planned.patch,
                    before.updatedAt,
                    now(),
                  )),
            }
          : {
              type: 'companies' as const,
              ...(planned.patch === null
                ? { before, after: before }
                : await updateCompany(
                    trx,
                    editor,
                    before.id,
                    planned.patch,
                    before.updatedAt,
                    now(),
                  )),
            };
      const written = await writeCustom(
        trx,
        editor,
        planned.type,
        change.after,
        stored,
        planned.custom,
      );
      const at = written.at;
      if (at !== change.after.updatedAt)
        change.after =
          planned.type === 'contacts'
            ? await getContact(trx, editor, before.id)
            : await getCompany(trx, editor, before.id);
      // `customValues`: the values before the import, for undo (./undo.ts).
      await record(trx, 'update', before.id, { ...before, customValues: stored }, at);
      const custom = labelled(stored, written.values);
      options.onWrite?.({ ...change, action: 'update', ...custom } as ImportWrite, batchId);
      return planned;
    } catch (err) {
      // Edited (or deleted) by someone since the row was planned: not imported, said so.
      if (!isRecordError(err, 'conflict') && !isRecordError(err, 'not_found')) throw err;
      const problem: RowProblem = {
        row: planned.row,
        kind: 'error',
        issues: [{ field: '', code: 'import.record_changed' }],
      };
      return { kind: 'skip', row: planned.row, problem };
    }
  }

  /**
   * Lays the row's custom values over the record's (the record module's write); the new stamp and
   * the values now stored.
   */
  async function writeCustom(
    trx: Kysely<Database>,
    editor: Viewer,
    type: 'contacts' | 'companies',
    after: { id: string; updatedAt: string },
    stored: CustomValues,
    custom: CustomValues,
  ): Promise<{ at: string; values: CustomValues }> {
    if (!Object.entries(custom).some(([id, value]) => stored[id] !== value))
      return { at: after.updatedAt, values: stored };
    const recordType = type === 'contacts' ? 'contact' : 'company';
    const options = { expectedUpdatedAt: after.updatedAt, now: now() };
    const change = await setRecordValues(trx, editor, recordType, after.id, custom, options);
    return { at: change.updatedAt, values: change.after };
  }

  async function record(
    trx: Kysely<Database>,
    action: 'create' | 'update',
    recordId: string,
    before: ((Contact | Company) & { customValues?: CustomValues }) | null,
    afterUpdatedAt: string,
  ): Promise<void> {
    await trx
      .insertInto('import_batch_records')
      .values({
        batch_id: batchId,
        record_id: recordId,
        action,
        before: before === null ? null : JSON.stringify(before),
        after_updated_at: afterUpdatedAt,
      })
      .execute();
  }

  async function flush(pending: PlannedRow[]): Promise<void> {
    if (pending.length === 0) return;
    const done = await inTransaction(vault, async () => {
      const out: PlannedRow[] = [];
      for (const planned of pending) out.push(await write(db, planned));
      await db
        .updateTable('import_batches')
        .set(eb => ({
          created_count: eb('created_count', '+', out.filter(p => p.kind === 'create').length),
          updated_count: eb('updated_count', '+', out.filter(p => p.kind === 'update').length),
        }))
        .where('id', '=', batchId)
        .execute();
      return out;
    });
    for (const planned of done) tally.add(planned);
    pending.length = 0;
    options.onProgress?.({ batchId, counts: { ...tally.counts } });
  }

  const status = await inBatches(db, batchId, editedRows(table, options.edits), {
    plan: (row, cells) => planner.plan(row, [...cells]),
    flush,
    batchSize,
    signal: options.signal,
    now,
  });
  return {
    batchId,
    status,
    counts: tally.counts,
    problems: tally.problems,
    problemsTruncated: tally.truncated,
  };
}

/** A dry run: every row planned, nothing written. */
export async function dryRunImport(
  db: Kysely<Database>,
  table: ImportTable,
  mapping: ColumnMapping,
  viewer: ImportViewer,
  signal?: AbortSignal,
  onProblem?: (problem: RowProblem) => void,
  edits?: RowEdits,
): Promise<
  Omit<CommitResult, 'batchId' | 'status'> & { nameSuggestions?: ImportNameSuggestion[] }
> {
  const planner = await ImportPlanner.start(db, mapping, viewer);
  const tally = new ImportTally(onProblem);
  const names = await NameSuggester.start(db, mapping.type, viewer.read);
  for await (const [row, cells] of editedRows(table, edits)) {
    if (signal?.aborted === true) break;
    const planned = await planner.plan(row, [...cells]);
    tally.add(planned);
    names.add(planned);
  }
  const nameSuggestions = names.suggestions;
  return {
    counts: tally.counts,
    problems: tally.problems,
    problemsTruncated: tally.truncated,
    ...(nameSuggestions.length > 0 ? { nameSuggestions } : {}),
  };
}
