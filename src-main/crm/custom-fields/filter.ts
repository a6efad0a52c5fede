/**
 * The lists' custom field filter as SQL on the record's `custom_values` column: each condition
 * must hold. A choice or yes/no matches its value exactly, a text field contains the words as
 * typed, a number or a date lies within `min`…`max` (inclusive, either end open). A condition on a
 * field this record type does not have (or an archived one) is `invalid_input`, never ignored:
 * a filter that silently matched everything would export more than the user asked for.
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import {
  isCalendarDate,
  type CustomField,
  type CustomFilterCondition,
  type CustomRecordType,
} from '../../../src-shared/custom-fields';
import type { Database } from '../../vault/schema';
import { RecordError } from '../record/errors';
import { listFields } from './definitions';

/** `json_extract` of one field's value in `table`'s row (ids are `[A-Za-z0-9-]`, bound anyway). */
export function customValueSql(table: string, fieldId: string) {
  return sql`json_extract(${sql.ref(`${table}.custom_values`)}, ${`$."${fieldId}"`})`;
}

function refuse(i: number, what: string): never {
  throw new RecordError('invalid_input', `filter.custom.${i}: ${what}`, {
    fields: [`filter.custom.${i}`],
  });
}

function bound(field: CustomField, raw: number | string | undefined, i: number) {
  if (raw === undefined) return undefined;
  if (field.kind === 'number' && typeof raw === 'number' && Number.isFinite(raw)) return raw;
  if (field.kind === 'date' && typeof raw === 'string' && isCalendarDate(raw)) return raw;
  return refuse(i, 'a bound of the wrong kind');
}

function conditionSql(
  table: string,
  field: CustomField,
  c: CustomFilterCondition,
  i: number,
): Expression<SqlBool> {
  const value = customValueSql(table, field.id);
  if (field.kind === 'number' || field.kind === 'date') {
    if (c.equals !== undefined) refuse(i, 'a range field takes min/max');
    const min = bound(field, c.min, i);
    const max = bound(field, c.max, i);
    if (min === undefined && max === undefined) refuse(i, 'no bound');
    return sql<SqlBool>`(${value} is not null
      ${min === undefined ? sql`` : sql`and ${value} >= ${min}`}
      ${max === undefined ? sql`` : sql`and ${value} <= ${max}`})`;
  }
  if (c.min !== undefined || c.max !== undefined || c.equals === undefined) {
    refuse(i, 'this field takes one value');
  }
  if (field.kind === 'yesno') {
    if (typeof c.equals !== 'boolean') refuse(i, 'yes/no takes true or false');
    return sql<SqlBool>`${value} = ${c.equals ? 1 : 0}`;
  }
  if (typeof c.equals !== 'string') refuse(i, 'this field takes text');
  if (field.kind === 'choice') return sql<SqlBool>`${value} = ${c.equals}`;
  return sql<SqlBool>`instr(${value}, ${c.equals}) > 0`;
}

/**
 * The condition for `conditions` on `table` (the record type's table), or null when there are
 * none. Reads the record type's live fields first.
 */
export async function customFilterSql(
  db: Kysely<Database>,
  recordType: CustomRecordType,
  table: 'contacts' | 'companies' | 'deals',
  conditions: readonly CustomFilterCondition[] | undefined,
): Promise<Expression<SqlBool> | null> {
  if (!conditions || conditions.length === 0) return null;
  const fields = await listFields(db, recordType);
  const parts = conditions.map((c, i) => {
    const field = fields.find(f => f.id === c.fieldId);
    if (!field) return refuse(i, 'no such field');
    return conditionSql(table, field, c, i);
  });
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}
