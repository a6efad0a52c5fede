/**
 * Custom fields in exports: one column per live field of the record type, after the built-in ones,
 * headed by the field's label (the same in both languages: the owner named it). Numbers and text
 * as text, dates as calendar days, yes/no as words of the export's language.
 */
import { sql, type Kysely } from 'kysely';
import {
  CUSTOM_TABLE,
  parseStoredValues,
  type CustomField,
  type CustomRecordType,
  type CustomValue,
  type CustomValues,
} from '../../../src-shared/custom-fields';
import type { Cell, ExportTable } from '../../exports/table';
import type { Database } from '../../vault/schema';
import { listFields } from './definitions';

/** The live fields of a record type and the values of the exported records by id. */
export interface CustomColumns {
  fields: CustomField[];
  values: ReadonlyMap<string, CustomValues>;
}

const YES_NO = { uk: ['так', 'ні'], en: ['yes', 'no'] } as const;

/** The fields and values of the records `ids` (one JSON parameter: many ids fit). */
export async function customColumns(
  db: Kysely<Database>,
  recordType: CustomRecordType,
  ids: readonly string[],
): Promise<CustomColumns> {
  const fields = await listFields(db, recordType);
  if (fields.length === 0 || ids.length === 0) return { fields, values: new Map() };
  const table = CUSTOM_TABLE[recordType];
  const rows = await sql<{ id: string; custom_values: string | null }>`select id, custom_values
    from ${sql.table(table)} where id in (select value from json_each(${JSON.stringify(ids)}))`.execute(
    db,
  );
  return {
    fields,
    values: new Map(rows.rows.map(r => [r.id, parseStoredValues(r.custom_values)])),
  };
}

/** A value as text ('' when absent). */
export function customText(
  field: CustomField,
  value: CustomValue | undefined,
  locale: 'uk' | 'en',
): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return YES_NO[locale][value ? 0 : 1];
  if (field.kind === 'number' && typeof value === 'number') return String(value);
  return String(value);
}

function cellOf(field: CustomField, value: CustomValue | undefined, locale: 'uk' | 'en'): Cell {
  if (value === undefined) return null;
  if (field.kind === 'date' && typeof value === 'string') return { day: value };
  return customText(field, value, locale);
}

/**
 * `table` with the custom columns appended; each row's record id is its last cell (every record
 * table ends with the id column: src-main/exports/contact-sheets.ts `RECORD_COLUMNS`).
 */
export function withCustomColumns(
  table: ExportTable,
  custom: CustomColumns,
  locale: 'uk' | 'en',
): ExportTable {
  if (custom.fields.length === 0) return table;
  return {
    ...table,
    columns: [...table.columns, ...custom.fields.map(f => ({ uk: f.label, en: f.label }))],
    rows: table.rows.map(row => {
      const id = row.at(-1);
      const values = typeof id === 'string' ? (custom.values.get(id) ?? {}) : {};
      return [...row, ...custom.fields.map(f => cellOf(f, values[f.id], locale))];
    }),
  };
}

/** The ids of a table's rows (the last cell of each). */
export function rowIds(table: ExportTable): string[] {
  return table.rows.map(row => row.at(-1)).filter((id): id is string => typeof id === 'string');
}
