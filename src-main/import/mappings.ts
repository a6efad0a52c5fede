/**
 * Saved column mappings (table `import_mappings`, migration 0022): a name, the record type, the
 * header set it was made for (`headerKey`) and the fields per column. A file whose headers match a
 * saved set gets that mapping without asking. Shared by the office: they hold header names and
 * field names only.
 */
import type { Kysely } from 'kysely';
import {
  headerKey,
  mappingFits,
  type ColumnMapping,
  type CustomTargetField,
  type ImportTarget,
  type ImportType,
  type NameOrder,
} from '../../src-shared/import';
import { listFields } from '../crm/custom-fields/definitions';
import { newRecordId } from '../crm/record-id';
import type { Database } from '../vault/schema';
import { importError } from './errors';

/** A saved mapping. */
export interface SavedMapping {
  name: string;
  mapping: ColumnMapping;
}

function recordType(type: ImportType): 'contact' | 'company' {
  return type === 'contacts' ? 'contact' : 'company';
}

/** The record type's live custom fields as import targets (id and label). */
export async function customTargets(
  db: Kysely<Database>,
  type: ImportType,
): Promise<CustomTargetField[]> {
  const fields = await listFields(db, recordType(type));
  return fields.map(f => ({ id: f.id, label: f.label }));
}

/** The ids of the record type's live custom fields (what a `custom:<id>` column may name). */
export async function customIds(db: Kysely<Database>, type: ImportType): Promise<Set<string>> {
  return new Set((await customTargets(db, type)).map(f => f.id));
}

function parseStored(type: ImportType, text: string): ColumnMapping | null {
  try {
    const value = JSON.parse(text) as { columns?: unknown; nameOrder?: unknown };
    if (!Array.isArray(value.columns)) return null;
    const nameOrder: NameOrder =
      value.nameOrder === 'given-first' ? 'given-first' : 'surname-first';
    return { type, columns: value.columns as (ImportTarget | null)[], nameOrder };
  } catch {
    return null;
  }
}

/** Saves (or replaces) the mapping `name` for files with `headers`. */
export async function saveMapping(
  db: Kysely<Database>,
  o: {
    name: string;
    headers: readonly string[];
    mapping: ColumnMapping;
    userId: string;
    now: Date;
  },
): Promise<void> {
  if (!mappingFits(o.mapping, o.headers, await customIds(db, o.mapping.type)))
    throw importError('mapping_invalid', 'The mapping does not fit the file’s columns.');
  const stored = JSON.stringify({ columns: o.mapping.columns, nameOrder: o.mapping.nameOrder });
  await db
    .insertInto('import_mappings')
    .values({
      id: newRecordId(),
      record_type: recordType(o.mapping.type),
      name: o.name,
      header_key: headerKey(o.headers),
      mapping: stored,
      created_by: o.userId,
      created_at: o.now.toISOString(),
    })
    .onConflict(oc =>
      oc.columns(['record_type', 'name']).doUpdateSet({
        header_key: headerKey(o.headers),
        mapping: stored,
        created_by: o.userId,
        created_at: o.now.toISOString(),
      }),
    )
    .execute();
}

/** The newest saved mapping made for exactly these headers, if any. */
export async function mappingForHeaders(
  db: Kysely<Database>,
  type: ImportType,
  headers: readonly string[],
): Promise<SavedMapping | null> {
  const rows = await db
    .selectFrom('import_mappings')
    .select(['name', 'mapping'])
    .where('record_type', '=', recordType(type))
    .where('header_key', '=', headerKey(headers))
    .orderBy('created_at', 'desc')
    .execute();
  const ids = await customIds(db, type);
  for (const row of rows) {
    const mapping = parseStored(type, row.mapping);
    if (mapping !== null && mappingFits(mapping, headers, ids)) return { name: row.name, mapping };
  }
  return null;
}

/** The saved mapping `name`; `invalid_input` (mapping_invalid) when missing or not fitting. */
export async function mappingNamed(
  db: Kysely<Database>,
  type: ImportType,
  name: string,
  headers: readonly string[],
): Promise<ColumnMapping> {
  const row = await db
    .selectFrom('import_mappings')
    .select('mapping')
    .where('record_type', '=', recordType(type))
    .where('name', '=', name)
    .executeTakeFirst();
  const mapping = row ? parseStored(type, row.mapping) : null;
  if (mapping === null || !mappingFits(mapping, headers, await customIds(db, type)))
    throw importError('mapping_invalid', 'No saved mapping of that name fits this file.');
  return mapping;
}
