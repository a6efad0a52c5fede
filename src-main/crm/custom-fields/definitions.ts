/**
 * Custom field definitions (migration 0030): small kysely functions, `db` first. Every refusal is
 * a `RecordError` thrown before anything is written; the router's wrappers check `fields.manage`
 * and write the audit entry the handler describes. An archived field keeps its values; a field is
 * deleted only while no record (deleted ones included) holds a value for it.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import {
  CUSTOM_FIELD_LIMITS,
  CUSTOM_TABLE,
  type CustomField,
  type CustomFieldKind,
  type CustomRecordType,
} from '../../../src-shared/custom-fields';
import type { CustomFieldsTable, Database } from '../../vault/schema';
import { RecordError } from '../record/errors';

/** The label as compared for uniqueness: lower case in any alphabet. */
export function labelKey(label: string): string {
  return label.normalize('NFC').toLocaleLowerCase('uk');
}

function optionsOf(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((o): o is string => typeof o === 'string') : [];
  } catch {
    return [];
  }
}

function rowToField(row: CustomFieldsTable): CustomField {
  return {
    id: row.id,
    recordType: row.record_type,
    label: row.label,
    kind: row.kind,
    options: optionsOf(row.options),
    position: row.position,
    archived: row.archived_at !== null,
    showInList: row.show_in_list === 1,
  };
}

/** The fields of a record type (all types when left out) in form order; archived ones if asked. */
export async function listFields(
  db: Kysely<Database>,
  recordType?: CustomRecordType,
  includeArchived = false,
): Promise<CustomField[]> {
  const rows = await db
    .selectFrom('custom_fields')
    .selectAll()
    .$if(recordType !== undefined, q => q.where('record_type', '=', recordType ?? 'contact'))
    .$if(!includeArchived, q => q.where('archived_at', 'is', null))
    .orderBy('record_type')
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map(rowToField);
}

/** One field, or `not_found`. */
export async function requireField(db: Kysely<Database>, id: string): Promise<CustomField> {
  const row = await db
    .selectFrom('custom_fields')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new RecordError('not_found', 'No such custom field.');
  return rowToField(row);
}

async function assertLabelFree(
  db: Kysely<Database>,
  recordType: CustomRecordType,
  label: string,
  except?: string,
) {
  const taken = await db
    .selectFrom('custom_fields')
    .select('id')
    .where('record_type', '=', recordType)
    .where('label_key', '=', labelKey(label))
    .executeTakeFirst();
  if (taken && taken.id !== except) {
    throw new RecordError('conflict', 'A field with this label already exists.', {
      fields: ['label'],
      codes: [{ field: 'label', code: 'custom.label_taken' }],
      reason: 'label_taken',
    });
  }
}

/** A new field at the end of its record type's form. */
export async function createField(
  db: Kysely<Database>,
  input: {
    recordType: CustomRecordType;
    label: string;
    kind: CustomFieldKind;
    options: string[];
    showInList?: boolean | undefined;
  },
  now: Date,
): Promise<CustomField> {
  await assertLabelFree(db, input.recordType, input.label);
  const last = await db
    .selectFrom('custom_fields')
    .select(eb => [eb.fn.count<number>('id').as('n'), eb.fn.max('position').as('max')])
    .where('record_type', '=', input.recordType)
    .executeTakeFirstOrThrow();
  if (Number(last.n) >= CUSTOM_FIELD_LIMITS.fields) {
    throw new RecordError('conflict', 'This record type has as many fields as it may.', {
      reason: 'too_many_fields',
    });
  }
  const id = `field-${randomUUID()}`;
  const at = now.toISOString();
  await db
    .insertInto('custom_fields')
    .values({
      id,
      record_type: input.recordType,
      label: input.label,
      label_key: labelKey(input.label),
      kind: input.kind,
      options: JSON.stringify(input.kind === 'choice' ? input.options : []),
      position: Number(last.max ?? 0) + 1,
      show_in_list: input.showInList === true ? 1 : 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return requireField(db, id);
}

/** How many records of the field's type (deleted ones too) hold a value for it; `value` narrows. */
export async function countValues(
  db: Kysely<Database>,
  field: CustomField,
  value?: string,
): Promise<number> {
  const table = CUSTOM_TABLE[field.recordType];
  const path = `$."${field.id}"`;
  const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}
    where json_extract(custom_values, ${path}) is not null
    ${value === undefined ? sql`` : sql`and json_extract(custom_values, ${path}) = ${value}`}`.execute(
    db,
  );
  return Number(row.rows[0]?.n ?? 0);
}

/**
 * A new label, choice list and/or list display; answers the field before and after. Removing an option that a
 * record still holds is refused (`conflict`, reason `option_in_use`): rename it by adding the new
 * one first, or clear the records.
 */
export async function updateField(
  db: Kysely<Database>,
  input: {
    id: string;
    label?: string | undefined;
    options?: string[] | undefined;
    showInList?: boolean | undefined;
  },
  now: Date,
): Promise<{ before: CustomField; after: CustomField }> {
  const before = await requireField(db, input.id);
  const label = input.label ?? before.label;
  if (input.label !== undefined) await assertLabelFree(db, before.recordType, label, before.id);
  let options = before.options;
  if (input.options !== undefined) {
    if (before.kind !== 'choice' && input.options.length > 0) {
      throw new RecordError('invalid_input', 'options: only a choice field has options.', {
        fields: ['options'],
      });
    }
    if (before.kind === 'choice' && input.options.length === 0) {
      throw new RecordError('invalid_input', 'options: a choice field needs options.', {
        fields: ['options'],
      });
    }
    for (const removed of before.options.filter(o => !input.options?.includes(o))) {
      if ((await countValues(db, before, removed)) > 0) {
        throw new RecordError('conflict', 'A removed option is still chosen on some records.', {
          fields: ['options'],
          reason: 'option_in_use',
        });
      }
    }
    options = input.options;
  }
  await db
    .updateTable('custom_fields')
    .set({
      label,
      label_key: labelKey(label),
      options: JSON.stringify(options),
      show_in_list: (input.showInList ?? before.showInList) ? 1 : 0,
      updated_at: now.toISOString(),
    })
    .where('id', '=', before.id)
    .execute();
  return { before, after: await requireField(db, before.id) };
}

/**
 * A new order for a record type's fields: `ids` must name each of its fields (archived ones
 * included) exactly once. Answers the order before and after.
 */
export async function reorderFields(
  db: Kysely<Database>,
  recordType: CustomRecordType,
  ids: string[],
  now: Date,
): Promise<{ before: string[]; after: string[] }> {
  const before = (await listFields(db, recordType, true)).map(f => f.id);
  const same = ids.length === before.length && new Set(ids).size === ids.length;
  if (!same || !ids.every(id => before.includes(id))) {
    throw new RecordError('invalid_input', 'ids: name every field of this record type once.', {
      fields: ['ids'],
    });
  }
  const at = now.toISOString();
  for (const [i, id] of ids.entries()) {
    await db
      .updateTable('custom_fields')
      .set({ position: i + 1, updated_at: at })
      .where('id', '=', id)
      .execute();
  }
  return { before, after: ids };
}

/** Archives (hides from forms and filters, values kept) or brings back a field. */
export async function setArchived(
  db: Kysely<Database>,
  id: string,
  archived: boolean,
  now: Date,
): Promise<{ before: CustomField; after: CustomField }> {
  const before = await requireField(db, id);
  if (before.archived !== archived) {
    const at = now.toISOString();
    await db
      .updateTable('custom_fields')
      .set({ archived_at: archived ? at : null, updated_at: at })
      .where('id', '=', id)
      .execute();
  }
  return { before, after: await requireField(db, id) };
}

/** Deletes a field no record holds a value for (`conflict`, reason `field_has_values`, otherwise). */
export async function deleteField(db: Kysely<Database>, id: string): Promise<CustomField> {
  const field = await requireField(db, id);
  const held = await countValues(db, field);
  if (held > 0) {
    throw new RecordError('conflict', 'Records still hold values of this field: archive it.', {
      reason: 'field_has_values',
    });
  }
  await db.deleteFrom('custom_fields').where('id', '=', id).execute();
  return field;
}
