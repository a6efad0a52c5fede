/**
 * Committing a deals import, as ../commit.ts commits contacts and companies: one `import_batches`
 * row (record type `deal`), the file read again and planned row by row (./plan.ts, the dry run's
 * own decisions), batches of rows each one transaction with their `import_batch_records` rows and
 * — through `onWrite` — their audit entries; between batches the progress callback and the abort
 * signal (a cancelled import keeps its committed batches, status `cancelled`). New deals go
 * through the deal module's `createDeal` (stage, probability, closing stamp, the link check in
 * the importer's read scope, the sync outbox), owned by the row's owner. Deals are only created.
 */
import type { DealColumnMapping } from '../../../src-shared/import';
import { createDeal } from '../../crm/deals/repository';
import { newRecordId } from '../../crm/record-id';
import { inBatches, inTransaction, startBatch, type ImportVault } from '../batches';
import type { ImportWrite } from '../commit';
import { editedRows, type RowEdits } from '../edits';
import { ImportTally, type ImportCounts, type RowProblem } from '../plan';
import type { ImportTable } from '../read';
import {
  DealPlanner,
  type DealImportViewer,
  type DuplicatePolicy,
  type PlannedDeal,
  type RowWarning,
} from './plan';

/** Options of {@link commitDealImport} (the contacts import's, plus the duplicate policy). */
export interface DealCommitOptions {
  actorId: string;
  /** Owner of rows without an owner cell (defaults to the importer). */
  ownerId?: string;
  duplicates?: DuplicatePolicy;
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (progress: { batchId: string; counts: ImportCounts }) => void;
  onProblem?: (problem: RowProblem) => void;
  onWrite?: (write: ImportWrite, batchId: string) => void;
  onStart?: (batchId: string) => void;
  edits?: RowEdits;
  now?: () => Date;
}

/** At most this many warnings are listed. */
export const MAX_LISTED_WARNINGS = 1000;

/** What a deals import did (or, as a dry run, would do). */
export interface DealImportResult {
  counts: ImportCounts;
  problems: RowProblem[];
  problemsTruncated: boolean;
  /** Rows imported without a link they named (first {@link MAX_LISTED_WARNINGS}). */
  warnings: RowWarning[];
}

function collect(warnings: RowWarning[], planned: PlannedDeal): void {
  if (planned.kind !== 'create') return;
  for (const w of planned.warnings) if (warnings.length < MAX_LISTED_WARNINGS) warnings.push(w);
}

/** A dry run of a deals import: every row planned, nothing written. */
export async function dryRunDealImport(
  vault: ImportVault,
  table: ImportTable,
  mapping: DealColumnMapping,
  viewer: DealImportViewer,
  options: Pick<DealCommitOptions, 'actorId' | 'ownerId' | 'duplicates' | 'onProblem' | 'edits'>,
): Promise<DealImportResult> {
  const ownerId = options.ownerId ?? options.actorId;
  const planner = await DealPlanner.start(vault.db, mapping, viewer, {
    ownerId,
    ...(options.duplicates ? { duplicates: options.duplicates } : {}),
  });
  const tally = new ImportTally(options.onProblem);
  const warnings: RowWarning[] = [];
  for await (const [row, cells] of editedRows(table, options.edits)) {
    const planned = planner.plan(row, cells);
    tally.add(planned);
    collect(warnings, planned);
  }
  return {
    counts: tally.counts,
    problems: tally.problems,
    problemsTruncated: tally.truncated,
    warnings,
  };
}

/** Imports `table`'s rows as deals; see the module comment. */
export async function commitDealImport(
  vault: ImportVault,
  table: ImportTable,
  mapping: DealColumnMapping,
  viewer: DealImportViewer,
  options: DealCommitOptions,
): Promise<DealImportResult & { batchId: string; status: 'done' | 'cancelled' }> {
  const { db } = vault;
  const now = options.now ?? (() => new Date());
  const ownerId = options.ownerId ?? options.actorId;
  const batchId = newRecordId();
  const batchSize = options.batchSize ?? 1000;
  await startBatch(db, {
    batchId,
    recordType: 'deal',
    actorId: options.actorId,
    ownerId,
    table,
    now,
  });
  options.onStart?.(batchId);
  const planner = await DealPlanner.start(db, mapping, viewer, {
    ownerId,
    ...(options.duplicates ? { duplicates: options.duplicates } : {}),
  });
  const tally = new ImportTally(options.onProblem);
  const warnings: RowWarning[] = [];
  const links = { contacts: viewer.contacts, companies: viewer.companies };
  const actor = { userId: options.actorId };

  async function flush(pending: PlannedDeal[]): Promise<void> {
    if (pending.length === 0) return;
    await inTransaction(vault, async () => {
      let created = 0;
      for (const planned of pending) {
        if (planned.kind !== 'create') continue;
        const change = await createDeal(db, actor, links, planned.input, now(), planned.ownerId);
        await db
          .insertInto('import_batch_records')
          .values({
            batch_id: batchId,
            record_id: change.after.id,
            action: 'create',
            before: null,
            after_updated_at: change.after.updatedAt,
          })
          .execute();
        options.onWrite?.({ type: 'deals', action: 'create', ...change }, batchId);
        created++;
      }
      await db
        .updateTable('import_batches')
        .set(eb => ({ created_count: eb('created_count', '+', created) }))
        .where('id', '=', batchId)
        .execute();
    });
    for (const planned of pending) {
      tally.add(planned);
      collect(warnings, planned);
    }
    pending.length = 0;
    options.onProgress?.({ batchId, counts: { ...tally.counts } });
  }

  const status = await inBatches(db, batchId, editedRows(table, options.edits), {
    plan: (row, cells) => planner.plan(row, cells),
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
    warnings,
  };
}
