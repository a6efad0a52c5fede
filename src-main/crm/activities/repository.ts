/**
 * Activity records: read one, log one, edit (optimistic concurrency), mark a task done, soft delete.
 * Every statement carries the caller's owner scope in its WHERE (./scope.ts); logging an activity on a
 * record first checks, in SQL, that the caller may read that record. Mutations return
 * `{ before, after }` for the audit log's field-level changes.
 */
import { ownerNameSql } from '../record/owner-name';
import { inScope, UNSCOPED, type Viewer } from '../record/viewer';
import {
  changeRecord,
  edit,
  newRecordStamps,
  nextTime,
  softDelete,
  type RecordAccess,
  recordCreated,
} from '../record/changes';
import type { Database } from '../../vault/schema';
import { RecordError, recordNotFound } from '../record/errors';
import { newRecordId } from '../record-id';
import type { Kysely } from 'kysely';
import {
  taskTimeIssues,
  type Activity,
  type ActivityInput,
  type ActivityPatch,
} from '../../../src-shared/activities';
import { requireReadableRecord } from './records';
import { rowToActivity, storedTime, type ActivityViewer } from './tables';

/** A change to one activity: before (null when new) and after. */
export interface ActivityChange {
  before: Activity | null;
  after: Activity;
}

/** The activity if the owner scope reaches it and it is not deleted; else `not_found`. */
export async function getActivity(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  options: { includeDeleted?: boolean } = {},
): Promise<Activity> {
  const row = await db
    .selectFrom('activities')
    .selectAll('activities')
    .select(ownerNameSql('activities'))
    .where('activities.id', '=', id)
    .where(inScope('activities', viewer))
    .$if(options.includeDeleted !== true, q => q.where('activities.deleted_at', 'is', null))
    .executeTakeFirst();
  if (!row) throw recordNotFound('activity');
  const { owner_name: ownerName, ...activity } = row;
  return rowToActivity(activity, ownerName);
}

/** The same activity without a scope (after a write the caller was allowed to make). */
async function readActivity(db: Kysely<Database>, id: string) {
  return getActivity(db, UNSCOPED, id, { includeDeleted: true });
}

/** How the shared writes (crm/record) reach this activity as the viewer may touch it. */
function activity(viewer: Viewer, id: string): RecordAccess<Activity> {
  return {
    table: 'activities',
    id,
    get: db => getActivity(db, viewer, id),
    read: db => readActivity(db, id),
  };
}

/**
 * Logs an activity owned by the caller on the records it names; each must be readable by the caller
 * (else `not_found`, nothing written). `input` is parsed by `activityInputSchema`.
 */
export async function createActivity(
  db: Kysely<Database>,
  viewer: ActivityViewer,
  input: ActivityInput,
  now: Date = new Date(),
): Promise<ActivityChange> {
  const k = db;
  return k.transaction().execute(async trx => {
    const links = [
      ['contact', input.contactId],
      ['company', input.companyId],
      ['deal', input.dealId],
    ] as const;
    for (const [entity, id] of links) {
      if (id !== undefined) await requireReadableRecord(trx, viewer, entity, id);
    }
    const at = nextTime(now);
    const id = newRecordId();
    await trx
      .insertInto('activities')
      .values({
        id,
        kind: input.kind,
        subject: input.subject,
        body: input.body ?? null,
        occurred_at: input.occurredAt ? storedTime(input.occurredAt) : at,
        due_at: input.dueAt ? storedTime(input.dueAt) : null,
        remind_at: input.remindAt ? storedTime(input.remindAt) : null,
        reminded_at: null,
        done_at: null,
        contact_id: input.contactId ?? null,
        company_id: input.companyId ?? null,
        deal_id: input.dealId ?? null,
        ...newRecordStamps(viewer.userId, at),
      })
      .execute();
    await recordCreated(trx, 'activities', id);
    return { before: null, after: await readActivity(trx, id) };
  });
}

/**
 * Applies an edit when the activity is in the caller's scope and unchanged since `expectedUpdatedAt`
 * (else `conflict`). A new reminder time is delivered again.
 */
export async function updateActivity(
  db: Kysely<Database>,
  viewer: ActivityViewer,
  id: string,
  patch: ActivityPatch,
  expectedUpdatedAt: string,
  now: Date = new Date(),
): Promise<ActivityChange> {
  const check = {
    expectedUpdatedAt,
    now,
    what: 'activity',
    staleMessage: 'This activity was changed since you opened it. Reload it and try again.',
  };
  return edit(db, activity(viewer, id), check, (trx, before, at, unchanged) => {
    const pick = <T>(value: T | undefined, old: T): T => (value === undefined ? old : value);
    const dueAt = pick(patch.dueAt, before.dueAt);
    const remindAt = pick(patch.remindAt, before.remindAt);
    const [issue] = taskTimeIssues({ kind: before.kind, dueAt, remindAt });
    if (issue) throw new RecordError('invalid_input', `${issue.path}: ${issue.message}`);
    const remind = remindAt ? storedTime(remindAt) : null;
    return trx
      .updateTable('activities')
      .set({
        subject: pick(patch.subject, before.subject),
        body: pick(patch.body, before.body),
        occurred_at: patch.occurredAt ? storedTime(patch.occurredAt) : before.occurredAt,
        due_at: dueAt ? storedTime(dueAt) : null,
        remind_at: remind,
        reminded_at: remind === before.remindAt ? before.remindedAt : null,
        updated_at: at,
        updated_by: viewer.userId,
      })
      .where(unchanged)
      .executeTakeFirst();
  });
}

/** Marks a task done (or open again); `invalid_input` for an activity that is not a task. */
export async function completeActivity(
  db: Kysely<Database>,
  viewer: ActivityViewer,
  id: string,
  done: boolean,
  now: Date = new Date(),
): Promise<ActivityChange> {
  return changeRecord(db, activity(viewer, id), async (trx, before) => {
    if (before.kind !== 'task') {
      throw new RecordError('invalid_input', 'Only tasks can be marked done.');
    }
    if ((before.doneAt !== null) === done) return false;
    const at = nextTime(now, before.updatedAt);
    await trx
      .updateTable('activities')
      .set({ done_at: done ? at : null, updated_at: at, updated_by: viewer.userId })
      .where('id', '=', id)
      .execute();
  });
}

/** Soft delete: the activity leaves timelines, task lists and reminders. */
export async function deleteActivity(
  db: Kysely<Database>,
  viewer: ActivityViewer,
  id: string,
  now: Date = new Date(),
): Promise<ActivityChange> {
  return softDelete(db, activity(viewer, id), viewer.userId, now);
}
