/**
 * Saved column mappings of deals imports: the same table (`import_mappings`, record type `deal`
 * since migration 0045) and the same rule as ../mappings.ts — found again by the file's header set
 * (`headerKey`), header and field names only.
 */
import type { Kysely } from 'kysely';
import {
  dealMappingFits,
  headerKey,
  type DealColumnMapping,
  type DealImportField,
} from '../../../src-shared/import';
import { newRecordId } from '../../crm/record-id';
import type { Database } from '../../vault/schema';
import { importError } from '../errors';

function parseStored(text: string): DealColumnMapping | null {
  try {
    const value = JSON.parse(text) as { columns?: unknown };
    if (!Array.isArray(value.columns)) return null;
    return { type: 'deals', columns: value.columns as (DealImportField | null)[] };
  } catch {
    return null;
  }
}

/** Saves (or replaces) the deals mapping `name` for files with `headers`. */
export async function saveDealMapping(
  db: Kysely<Database>,
  o: {
    name: string;
    headers: readonly string[];
    mapping: DealColumnMapping;
    userId: string;
    now: Date;
  },
): Promise<void> {
  if (!dealMappingFits(o.mapping, o.headers))
    throw importError('mapping_invalid', 'The mapping does not fit the file’s columns.');
  const stored = JSON.stringify({ columns: o.mapping.columns });
  const at = o.now.toISOString();
  const key = headerKey(o.headers);
  await db
    .insertInto('import_mappings')
    .values({
      id: newRecordId(),
      record_type: 'deal',
      name: o.name,
      header_key: key,
      mapping: stored,
      created_by: o.userId,
      created_at: at,
    })
    .onConflict(oc =>
      oc
        .columns(['record_type', 'name'])
        .doUpdateSet({ header_key: key, mapping: stored, created_by: o.userId, created_at: at }),
    )
    .execute();
}

/** The newest saved deals mapping made for exactly these headers, if any. */
export async function dealMappingForHeaders(
  db: Kysely<Database>,
  headers: readonly string[],
): Promise<{ name: string; mapping: DealColumnMapping } | null> {
  const rows = await db
    .selectFrom('import_mappings')
    .select(['name', 'mapping'])
    .where('record_type', '=', 'deal')
    .where('header_key', '=', headerKey(headers))
    .orderBy('created_at', 'desc')
    .execute();
  for (const row of rows) {
    const mapping = parseStored(row.mapping);
    if (mapping !== null && dealMappingFits(mapping, headers)) return { name: row.name, mapping };
  }
  return null;
}

/** The saved deals mapping `name`; `invalid_input` (mapping_invalid) when missing or not fitting. */
export async function dealMappingNamed(
  db: Kysely<Database>,
  name: string,
  headers: readonly string[],
): Promise<DealColumnMapping> {
  const row = await db
    .selectFrom('import_mappings')
    .select('mapping')
    .where('record_type', '=', 'deal')
    .where('name', '=', name)
    .executeTakeFirst();
  const mapping = row ? parseStored(row.mapping) : null;
  if (mapping === null || !dealMappingFits(mapping, headers))
    throw importError('mapping_invalid', 'No saved mapping of that name fits this file.');
  return mapping;
}
