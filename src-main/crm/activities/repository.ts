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
import type { ActivitiesTable, Database } from '../../vault/schema';
import { RecordError, recordNotFound } from '../record/errors';
import { newRecordId } from '../record-id';
import type { Insertable, Kysely } from 'kysely';
import {
  factIssues,
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

/** A logged activity and, when the input named a next step, the task created with it. */
export interface LoggedChange extends ActivityChange {
  next: ActivityChange | null;
}

/**
 * Logs an activity owned by the caller on the records it names; each must be readable by the caller
 * (else `not_found`, nothing written). A task may name none. A next step becomes a task on the same
 * records in the same transaction. `input` is parsed by `activityInputSchema`.
 */
export async function createActivity(
  db: Kysely<Database>,
  viewer: ActivityViewer,
  input: ActivityInput,
  now: Date = new Date(),
): Promise<LoggedChange> {
  return db.transaction().execute(async trx => {
    const links = [
      ['contact', input.contactId],
      ['company', input.companyId],
      ['deal', input.dealId],
    ] as const;
    for (const [entity, id] of links) {
      if (id !== undefined) await requireReadableRecord(trx, viewer, entity, id);
    }
    const at = nextTime(now);
    const records = {
      contact_id: input.contactId ?? null,
      company_id: input.companyId ?? null,
      deal_id: input.dealId ?? null,
    };
    const id = await insertActivity(trx, viewer.userId, at, {
      kind: input.kind,
      subject: input.subject,
      body: input.body ?? null,
      occurred_at: input.occurredAt ? storedTime(input.occurredAt) : at,
      due_at: input.dueAt ? storedTime(input.dueAt) : null,
      remind_at: input.remindAt ? storedTime(input.remindAt) : null,
      direction: input.direction ?? null,
      duration_minutes: input.durationMinutes ?? null,
      outcome: input.outcome ?? null,
      ...records,
    });
    const logged = { before: null, after: await readActivity(trx, id) };
    const step = input.nextStep;
    if (!step) return { ...logged, next: null };
    const taskId = await insertActivity(trx, viewer.userId, at, {
      kind: 'task',
      subject: step.subject,
      body: null,
      occurred_at: at,
      due_at: storedTime(step.dueAt),
      remind_at: step.remindAt ? storedTime(step.remindAt) : null,
      direction: null,
      duration_minutes: null,
      outcome: null,
      ...records,
    });
    return { ...logged, next: { before: null, after: await readActivity(trx, taskId) } };
  });
}

/** The columns a new activity sets itself (the rest are stamps and bookkeeping). */
type NewActivity = Omit<
  Insertable<ActivitiesTable>,
  | 'id'
  | 'owner_id'
  | 'reminded_at'
  | 'done_at'
  | 'created_at'
  | 'created_by'
  | 'updated_at'
  | 'updated_by'
  | 'deleted_at'
  | 'deleted_by'
>;

/** Inserts one activity owned by `userId`, stamped `at`; returns its id. */
async function insertActivity(
  trx: Kysely<Database>,
  userId: string,
  at: string,
  values: NewActivity,
): Promise<string> {
  const id = newRecordId();
  await trx
    .insertInto('activities')
    .values({ id, ...values, reminded_at: null, done_at: null, ...newRecordStamps(userId, at) })
    .execute();
  await recordCreated(trx, 'activities', id);
  return id;
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
    const facts = {
      direction: pick(patch.direction, before.direction),
      durationMinutes: pick(patch.durationMinutes, before.durationMinutes),
      outcome: pick(patch.outcome, before.outcome),
    };
    const [issue] = [
      ...taskTimeIssues({ kind: before.kind, dueAt, remindAt }),
      ...factIssues({ kind: before.kind, ...facts }),
    ];
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
        direction: facts.direction,
        duration_minutes: facts.durationMinutes,
        outcome: facts.outcome,
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

/**
 * Marks several tasks done (or open again), each exactly as {@link completeActivity} would: the same
 * scope in each WHERE, so an id the caller cannot reach (or that is not a task) throws. Run it inside
 * the call's transaction (the audit wrapper's; kysely cannot nest one here): the throw then rolls the
 * whole batch back. Unchanged tasks are left out of the result.
 */
export async function completeActivities(
  db: Kysely<Database>,
  viewer: ActivityViewer,
  ids: readonly string[],
  done: boolean,
  now: Date = new Date(),
): Promise<ActivityChange[]> {
  const changes: ActivityChange[] = [];
  for (const id of new Set(ids)) {
    const change = await completeActivity(db, viewer, id, done, now);
    if (change.before?.updatedAt !== change.after.updatedAt) changes.push(change);
  }
  return changes;
}

/**
 * Moves a task's reminder to `until` and delivers it again then; a due time before `until` moves
 * with it (a reminder never comes after the due time). `invalid_input` for a done task or another
 * kind.
 */
export async function snoozeActivity(
  db: Kysely<Database>,
  viewer: ActivityViewer,
  id: string,
  until: string,
  now: Date = new Date(),
): Promise<ActivityChange> {
  return changeRecord(db, activity(viewer, id), async (trx, before) => {
    if (before.kind !== 'task' || before.doneAt !== null) {
      throw new RecordError('invalid_input', 'Only open tasks can be snoozed.');
    }
    const remind = storedTime(until);
    const due = before.dueAt !== null && before.dueAt > remind ? before.dueAt : remind;
    const at = nextTime(now, before.updatedAt);
    await trx
      .updateTable('activities')
      .set({
        remind_at: remind,
        reminded_at: null,
        due_at: due,
        updated_at: at,
        updated_by: viewer.userId,
      })
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
