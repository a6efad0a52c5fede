/**
 * The deals half of the `imports` handlers (./imports.ts): the planner's viewer from the grants
 * the channel declares (`deals.read`, `deals.reassign`, `contacts.read`, `companies.read`), the
 * mapping a run uses (given, saved by name, saved for the header set, or suggested) and the
 * preview's mapping. What is then planned, committed and undone is src-main/import/deals/.
 */
import type { Kysely } from 'kysely';
import {
  dealMappingFits,
  suggestDealMapping,
  type DealColumnMapping,
  type DealImportField,
} from '../../../src-shared/import';
import type { HandlerContext } from '../../ipc';
import type { DealImportViewer } from '../../import/deals/plan';
import {
  dealMappingForHeaders,
  dealMappingNamed,
  saveDealMapping,
} from '../../import/deals/mappings';
import { importError } from '../../import/errors';
import type { ImportTable } from '../../import/read';
import type { Database } from '../../vault/schema';
import { reachOf, viewerWith } from './kit';

/** What the file turned out to be (format, encoding, delimiter). */
export function fileOf(table: ImportTable) {
  return { format: table.format, encoding: table.encoding, delimiter: table.delimiter };
}

/** The deals importer's scopes, from the grants the `run` channel declares. */
export function dealViewerOf(
  ctx: HandlerContext<'deals.read' | 'deals.reassign' | 'contacts.read' | 'companies.read'>,
): DealImportViewer {
  return {
    read: viewerWith(ctx, ctx.grants['deals.read']),
    contacts: reachOf(ctx, ctx.grants['contacts.read']),
    companies: reachOf(ctx, ctx.grants['companies.read']),
    reassign: ctx.grants['deals.reassign'],
  };
}

/** The preview's mapping of a deals file: the saved one for its header set, else suggested. */
export async function dealPreview(db: Kysely<Database>, headers: readonly string[]) {
  const saved = await dealMappingForHeaders(db, headers);
  const mapping = saved?.mapping ?? suggestDealMapping(headers);
  return {
    mapping: { columns: mapping.columns as (string | null)[], nameOrder: 'surname-first' },
    mappingName: saved?.name ?? null,
    customFields: [],
  };
}

/**
 * The mapping a deals run uses: given (checked against the headers), else the saved one named,
 * else the saved one for these headers, else suggested; saved under `saveMappingAs` when asked.
 */
export async function dealMappingOf(
  db: Kysely<Database>,
  table: ImportTable,
  input: {
    mapping?: { columns: (string | null)[] } | undefined;
    mappingName?: string | undefined;
    saveMappingAs?: string | undefined;
  },
  userId: string,
  now: Date,
): Promise<DealColumnMapping> {
  let mapping: DealColumnMapping;
  if (input.mapping !== undefined) {
    mapping = { type: 'deals', columns: input.mapping.columns as (DealImportField | null)[] };
    if (!dealMappingFits(mapping, table.headers))
      throw importError('mapping_invalid', 'The mapping does not fit the file’s columns.');
  } else if (input.mappingName !== undefined) {
    mapping = await dealMappingNamed(db, input.mappingName, table.headers);
  } else {
    mapping =
      (await dealMappingForHeaders(db, table.headers))?.mapping ??
      suggestDealMapping(table.headers);
  }
  if (input.saveMappingAs !== undefined)
    await saveDealMapping(db, {
      name: input.saveMappingAs,
      headers: table.headers,
      mapping,
      userId,
      now,
    });
  return mapping;
}
