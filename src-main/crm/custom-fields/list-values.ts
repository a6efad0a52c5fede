/**
 * Custom field values in list rows: only the fields the owner marked "show in list" (migration
 * 0041) travel with a page of the contacts or companies list, so a row carries a few short values
 * and not every field a record holds.
 */
import type { Kysely } from 'kysely';
import {
  parseStoredValues,
  type CustomRecordType,
  type CustomValues,
} from '../../../src-shared/custom-fields';
import type { Database } from '../../vault/schema';

/** The ids of a record type's live fields shown in its list, in form order. */
export async function shownFieldIds(
  db: Kysely<Database>,
  recordType: CustomRecordType,
): Promise<string[]> {
  const rows = await db
    .selectFrom('custom_fields')
    .select('id')
    .where('record_type', '=', recordType)
    .where('archived_at', 'is', null)
    .where('show_in_list', '=', 1)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map(r => r.id);
}

/** A row's stored values (`custom_values` JSON) narrowed to the shown fields. */
export function shownValues(stored: string | null, shown: readonly string[]): CustomValues {
  if (stored === null || shown.length === 0) return {};
  const all = parseStoredValues(stored);
  const out: CustomValues = {};
  for (const id of shown) {
    const value = all[id];
    if (value !== undefined) out[id] = value;
  }
  return out;
}
