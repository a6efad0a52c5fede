/**
 * The breach register (`privacy_breaches`): incidents with their detection time and the 72-hour
 * deadline, affected categories and counts, actions taken. An incident can be opened from a
 * security alert in one step: its rule names the incident and its first time is the detection.
 */
import type { Kysely } from 'kysely';
import { addHours, BREACH_HOURS } from '../../../src-shared/privacy/dates';
import type { Breach, BreachInput, BreachPatch } from '../../../src-shared/privacy';
import { RecordError } from '../../crm/record/errors';
import { newRecordId } from '../../crm/record-id';
import type { Database, PrivacyBreachesTable } from '../../vault/schema';

function rowToBreach(r: PrivacyBreachesTable): Breach {
  const categories: unknown = JSON.parse(r.categories);
  return {
    id: r.id,
    title: r.title,
    detectedAt: r.detected_at,
    deadlineAt: r.deadline_at,
    status: r.status,
    categories: Array.isArray(categories) ? categories.filter(c => typeof c === 'string') : [],
    subjectsCount: r.subjects_count,
    recordsCount: r.records_count,
    actions: r.actions,
    alertId: r.alert_id,
    notifiedAt: r.notified_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Every incident, newest detection first. */
export async function listBreaches(db: Kysely<Database>): Promise<Breach[]> {
  const rows = await db
    .selectFrom('privacy_breaches')
    .selectAll()
    .orderBy('detected_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(rowToBreach);
}

/** One incident, or `not_found`. */
export async function getBreach(db: Kysely<Database>, id: string): Promise<Breach> {
  const row = await db
    .selectFrom('privacy_breaches')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new RecordError('not_found', 'Incident not found.');
  return rowToBreach(row);
}

/** Records an incident (optionally from alert `alertId`). */
export async function createBreach(
  db: Kysely<Database>,
  userId: string,
  input: BreachInput & { alertId?: string },
  now: Date,
): Promise<{ before: null; after: Breach }> {
  const detected = new Date(input.detectedAt);
  if (detected.getTime() > now.getTime() + 60_000) {
    throw new RecordError('invalid_input', 'detectedAt: in the future', { fields: ['detectedAt'] });
  }
  const id = newRecordId();
  const at = now.toISOString();
  await db
    .insertInto('privacy_breaches')
    .values({
      id,
      title: input.title,
      detected_at: detected.toISOString(),
      deadline_at: addHours(detected, BREACH_HOURS).toISOString(),
      status: 'open',
      categories: JSON.stringify(input.categories),
      subjects_count: input.subjectsCount,
      records_count: input.recordsCount,
      actions: input.actions,
      alert_id: input.alertId ?? null,
      notified_at: null,
      created_by: userId,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { before: null, after: await getBreach(db, id) };
}

/** Opens an incident from a security alert: titled by its rule, detected at its first time. */
export async function createBreachFromAlert(
  db: Kysely<Database>,
  userId: string,
  alertId: string,
  titles: Readonly<Record<string, string>>,
  now: Date,
): Promise<{ before: null; after: Breach }> {
  const alert = await db
    .selectFrom('alerts')
    .select(['id', 'rule', 'created_at', 'details'])
    .where('id', '=', alertId)
    .executeTakeFirst();
  if (!alert) throw new RecordError('not_found', 'Alert not found.');
  const details = JSON.parse(alert.details) as Record<string, unknown>;
  const count = typeof details.count === 'number' ? details.count : 0;
  return createBreach(
    db,
    userId,
    {
      title: titles[alert.rule] ?? alert.rule,
      detectedAt: alert.created_at,
      categories: [],
      subjectsCount: 0,
      recordsCount: count,
      actions: '',
      alertId: alert.id,
    },
    now,
  );
}

/** Changes an incident; `notified` stamps when the Ombudsman was told (kept if set before). */
export async function updateBreach(
  db: Kysely<Database>,
  id: string,
  patch: BreachPatch,
  now: Date,
): Promise<{ before: Breach; after: Breach }> {
  const before = await getBreach(db, id);
  const detected = patch.detectedAt !== undefined ? new Date(patch.detectedAt) : null;
  await db
    .updateTable('privacy_breaches')
    .set({
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(detected
        ? {
            detected_at: detected.toISOString(),
            deadline_at: addHours(detected, BREACH_HOURS).toISOString(),
          }
        : {}),
      ...(patch.categories !== undefined ? { categories: JSON.stringify(patch.categories) } : {}),
      ...(patch.subjectsCount !== undefined ? { subjects_count: patch.subjectsCount } : {}),
      ...(patch.recordsCount !== undefined ? { records_count: patch.recordsCount } : {}),
      ...(patch.actions !== undefined ? { actions: patch.actions } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.status === 'notified' && before.notifiedAt === null
        ? { notified_at: now.toISOString() }
        : {}),
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
  return { before, after: await getBreach(db, id) };
}
