/**
 * Custom fields as import targets (issue 18 point 7): a row's `custom:<fieldId>` cells checked with
 * the same per-kind check as the forms (`checkCustomValue`); a bad value is the row's error named
 * by the field's label. Yes/no cells read «так/ні», yes/no, true/false, 1/0.
 */
import type { Kysely } from 'kysely';
import {
  checkCustomValue,
  parseStoredValues,
  type CustomField,
  type CustomValue,
  type CustomValues,
} from '../../src-shared/custom-fields';
import { customCells, type ColumnMapping } from '../../src-shared/import';
import type { Database } from '../vault/schema';

const YES = new Set(['так', 'т', 'yes', 'y', 'true', '1', '+']);
const NO = new Set(['ні', 'н', 'no', 'n', 'false', '0', '-']);

function cellValue(field: CustomField, cell: string): CustomValue {
  if (field.kind !== 'yesno') return cell;
  const key = cell.trim().toLocaleLowerCase('uk');
  return YES.has(key) ? true : NO.has(key) ? false : cell;
}

/** A row's checked custom values, or the issues (field = the field's label, code `custom.*`). */
export function customRowValues(
  fields: readonly CustomField[],
  mapping: ColumnMapping,
  row: readonly string[],
): { ok: true; values: CustomValues } | { ok: false; issues: { field: string; code: string }[] } {
  const values: CustomValues = {};
  const issues: { field: string; code: string }[] = [];
  for (const [id, cell] of customCells(mapping, row)) {
    const field = fields.find(f => f.id === id);
    if (!field) {
      issues.push({ field: id, code: 'custom.unknown_field' });
      continue;
    }
    const checked = checkCustomValue(field, cellValue(field, cell));
    if ('issue' in checked) issues.push({ field: field.label, code: `custom.${checked.issue}` });
    else if (checked.value !== null) values[id] = checked.value;
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, values };
}

/** Whether laying `values` over `current` changes anything. */
export function customChanges(current: CustomValues, values: CustomValues): boolean {
  return Object.entries(values).some(([id, value]) => current[id] !== value);
}

/** A contact's or company's stored custom values (none when the record is not there). */
export async function storedCustomValues(
  db: Kysely<Database>,
  type: 'contacts' | 'companies',
  id: string,
): Promise<CustomValues> {
  const row = await db
    .selectFrom(type)
    .select('custom_values')
    .where('id', '=', id)
    .executeTakeFirst();
  return parseStoredValues(row?.custom_values);
}
