/**
 * The export limits' pre-count (src-main/app/export-limits.ts, for declarations with
 * `countFirst`): how many records a request would export for the caller, counted in SQL within
 * the channel's grant scope (as the export itself selects), without making the file. Contacts
 * only; other types answer null and are counted by their file.
 */
import type { ExportLimitRequest } from '../../src-shared/ipc/records';
import { countExportRows, isExportAll } from '../crm/contacts/export';
import type { ExportPrecounter } from './export-limits';
import { requireVault, viewerOf, type VaultSource } from './handlers/kit';

/** The pre-count over the session's vault. */
export function createExportPrecount(deps: VaultSource): ExportPrecounter {
  return async (ctx, request: ExportLimitRequest) => {
    if (request.type !== 'contacts') return null;
    const { selection } = request;
    const count = await countExportRows(requireVault(deps).db, viewerOf(ctx), selection);
    // The details the contacts export's own entry carries besides the count (never contents).
    return { count, details: { format: request.format, all: isExportAll(selection) } };
  };
}
