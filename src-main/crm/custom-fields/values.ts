/**
 * A record's custom values: read as far as the caller's read scope reaches the record, changed as
 * far as their update scope does. A change is checked per kind against the record type's fields
 * (src-shared/custom-fields/values.ts) before anything is written, then goes through the shared
 * record write (crm/record/changes.ts `changeRecord`): one transaction, a new concurrency token,
 * the office sync outbox (the values are a column of the record's row, so sync carries them like
 * any other field), and `{ before, after }` for the audit log.
 */
import type { Kysely } from 'kysely';
import {
  CUSTOM_TABLE,
  mergeCustomValues,
  parseStoredValues,
  type CustomField,
  type CustomRecordType,
  type CustomValues,
  type CustomValuesInput,
} from '../../../src-shared/custom-fields';
import type { Database } from '../../vault/schema';
import { getCompany } from '../companies/repository';
import { getContact } from '../contacts/repository';
import { getDeal } from '../deals/repository';
import { changeRecord, expectFresh, nextTime, staleMessage } from '../record/changes';
import { RecordError } from '../record/errors';
import { UNSCOPED, type Viewer } from '../record/viewer';
import { listFields } from './definitions';

/** A record's stamps as the scoped read found it. */
interface Reached {
  id: string;
  updatedAt: string;
}

/** The record as `viewer` may touch it (`not_found` otherwise: the record's own scoped read). */
function reach(
  db: Kysely<Database>,
  recordType: CustomRecordType,
  viewer: Viewer,
  id: string,
): Promise<Reached> {
  if (recordType === 'contact') return getContact(db, viewer, id);
  if (recordType === 'company') return getCompany(db, viewer, id);
  return getDeal(db, viewer, id);
}

async function storedValues(
  db: Kysely<Database>,
  recordType: CustomRecordType,
  id: string,
): Promise<{ values: CustomValues; updatedAt: string }> {
  const row = await db
    .selectFrom(CUSTOM_TABLE[recordType])
    .select(['custom_values', 'updated_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { values: parseStoredValues(row.custom_values), updatedAt: row.updated_at };
}

/** A record's values with its type's fields (archived ones too, so their kept values show). */
export async function readRecordValues(
  db: Kysely<Database>,
  viewer: Viewer,
  recordType: CustomRecordType,
  id: string,
): Promise<{ fields: CustomField[]; values: CustomValues; updatedAt: string }> {
  await reach(db, recordType, viewer, id);
  const stored = await storedValues(db, recordType, id);
  return { fields: await listFields(db, recordType, true), ...stored };
}

/** Values by label (for the audit log: the entry reads as the owner named the fields then). */
export function valuesByLabel(
  fields: readonly CustomField[],
  values: CustomValues,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.id in values) out[field.label] = values[field.id];
  }
  return out;
}

/** What {@link setRecordValues} changed. */
export interface ValuesChange {
  fields: CustomField[];
  before: CustomValues;
  after: CustomValues;
  updatedAt: string;
}

/**
 * Lays `changes` over the record's values if `viewer` may update it and (when given) nobody saved
 * it since `expectedUpdatedAt`. A bad value is `invalid_input` naming `values.<fieldId>` with its
 * message code; nothing is written then.
 */
export async function setRecordValues(
  db: Kysely<Database>,
  viewer: Viewer,
  recordType: CustomRecordType,
  id: string,
  changes: CustomValuesInput,
  options: { expectedUpdatedAt?: string | undefined; now: Date },
): Promise<ValuesChange> {
  const table = CUSTOM_TABLE[recordType];
  const fields = await listFields(db, recordType, true);
  const access = {
    table,
    id,
    get: (trx: Kysely<Database>) => reach(trx, recordType, viewer, id),
    read: (trx: Kysely<Database>) => reach(trx, recordType, UNSCOPED, id),
  };
  let result: ValuesChange | undefined;
  await changeRecord(db, access, async (trx, record) => {
    if (options.expectedUpdatedAt !== undefined) {
      const stamped = { ownerId: '', deletedAt: null, updatedAt: record.updatedAt };
      expectFresh(stamped, options.expectedUpdatedAt, staleMessage(recordType));
    }
    const before = (await storedValues(trx, recordType, id)).values;
    const { values, problems } = mergeCustomValues(fields, before, changes);
    if (problems.length > 0) {
      const marks = problems.map(p => ({ field: `values.${p.fieldId}`, code: p.code }));
      throw new RecordError(
        'invalid_input',
        `Custom values refused: ${problems.map(p => p.code).join(', ')}`,
        {
          fields: marks.map(m => m.field),
          codes: marks,
        },
      );
    }
    const changed = JSON.stringify(before) !== JSON.stringify(values);
    const at = changed ? nextTime(options.now, record.updatedAt) : record.updatedAt;
    result = { fields, before, after: values, updatedAt: at };
    if (!changed) return false;
    await trx
      .updateTable(table)
      .set({ custom_values: JSON.stringify(values), updated_at: at, updated_by: viewer.userId })
      .where('id', '=', id)
      .where('updated_at', '=', record.updatedAt)
      .execute();
    return true;
  });
  if (!result) throw new RecordError('not_found', 'No such record.');
  return result;
}
