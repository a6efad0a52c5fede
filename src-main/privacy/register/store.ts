/**
 * The processing register (`privacy_purposes`): purposes with their legal ground, data categories,
 * retention, recipients and high-risk flag. Purposes are archived, never deleted: consents point at
 * them. Turning high risk on creates the owner's "notify the Ombudsman" task (./ombudsman.ts) in
 * the same transaction: the audited call's (the router runs each audited call in one).
 */
import type { Kysely } from 'kysely';
import type { Purpose, PurposeInput, PurposePatch } from '../../../src-shared/privacy';
import { RecordError } from '../../crm/record/errors';
import { newRecordId } from '../../crm/record-id';
import type { Database, PrivacyPurposesTable } from '../../vault/schema';
import { createOmbudsmanTask } from './ombudsman';

function rowToPurpose(r: PrivacyPurposesTable): Purpose {
  const categories: unknown = JSON.parse(r.categories);
  return {
    id: r.id,
    name: r.name,
    ground: r.ground,
    categories: Array.isArray(categories) ? categories.filter(c => typeof c === 'string') : [],
    retentionMonths: r.retention_months,
    retentionText: r.retention_text,
    recipients: r.recipients,
    highRisk: r.high_risk === 1,
    ombudsmanTaskId: r.ombudsman_task_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    archivedAt: r.archived_at,
  };
}

/** Every purpose (archived ones last), by name. */
export async function listPurposes(db: Kysely<Database>): Promise<Purpose[]> {
  const rows = await db
    .selectFrom('privacy_purposes')
    .selectAll()
    .orderBy(eb => eb('archived_at', 'is not', null))
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(rowToPurpose);
}

/** One purpose, or `not_found`. */
export async function getPurpose(db: Kysely<Database>, id: string): Promise<Purpose> {
  const row = await db
    .selectFrom('privacy_purposes')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new RecordError('not_found', 'Purpose not found.');
  return rowToPurpose(row);
}

/** Adds a purpose; a high-risk one gets the owner's Ombudsman task at once. */
export async function createPurpose(
  db: Kysely<Database>,
  userId: string,
  input: PurposeInput,
  now: Date,
): Promise<{ before: null; after: Purpose }> {
  // No transaction of its own: the audited call runs in one, and createActivity/createCompany
  // begin theirs on this top-level handle (a kysely Transaction cannot begin one).
  const trx = db;
  const at = now.toISOString();
  const id = newRecordId();
  await trx
    .insertInto('privacy_purposes')
    .values({
      id,
      name: input.name,
      ground: input.ground,
      categories: JSON.stringify(input.categories),
      retention_months: input.retentionMonths,
      retention_text: input.retentionText,
      recipients: input.recipients,
      high_risk: input.highRisk ? 1 : 0,
      ombudsman_task_id: input.highRisk ? await createOmbudsmanTask(trx, input.name, now) : null,
      created_by: userId,
      created_at: at,
      updated_at: at,
      archived_at: null,
    })
    .execute();
  return { before: null, after: await getPurpose(trx, id) };
}

/** Changes a purpose; turning high risk on (from off) creates a new Ombudsman task. */
export async function updatePurpose(
  db: Kysely<Database>,
  id: string,
  patch: PurposePatch,
  now: Date,
): Promise<{ before: Purpose; after: Purpose }> {
  const trx = db;
  const before = await getPurpose(trx, id);
  const name = patch.name ?? before.name;
  const turnedOn = patch.highRisk === true && !before.highRisk;
  await trx
    .updateTable('privacy_purposes')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.ground !== undefined ? { ground: patch.ground } : {}),
      ...(patch.categories !== undefined ? { categories: JSON.stringify(patch.categories) } : {}),
      ...(patch.retentionMonths !== undefined ? { retention_months: patch.retentionMonths } : {}),
      ...(patch.retentionText !== undefined ? { retention_text: patch.retentionText } : {}),
      ...(patch.recipients !== undefined ? { recipients: patch.recipients } : {}),
      ...(patch.highRisk !== undefined ? { high_risk: patch.highRisk ? 1 : 0 } : {}),
      ...(turnedOn ? { ombudsman_task_id: await createOmbudsmanTask(trx, name, now) } : {}),
      ...(patch.archived !== undefined
        ? { archived_at: patch.archived ? (before.archivedAt ?? now.toISOString()) : null }
        : {}),
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
  return { before, after: await getPurpose(trx, id) };
}
