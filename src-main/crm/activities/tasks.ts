/**
 * The caller's open tasks ("My tasks") and the reminders that fell due. Both read one owner's rows
 * through partial indexes (activities_open_tasks, activities_pending_reminders): the literal
 * `kind = 'task'` below is what lets SQLite prove the index's WHERE, so it is not a bound value.
 */
import { ownerNameSql } from '../record/owner-name';
import { nextTime } from '../record/changes';
import type { Database } from '../../vault/schema';
import { afterCursor, decodeCursor, keysetPage, type KeysetOrder } from '../record/cursor';
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Activity, DueReminder, TaskPage } from '../../../src-shared/activities';
import { rowToActivity } from './tables';

const TASKS_CURSOR_MESSAGE = 'cursor: not from the task list; start from the top';

/** Open tasks in order: soonest due first (overdue first), then by id. */
export const BY_DUE_TIME: KeysetOrder = {
  column: 'activities.due_at',
  idColumn: 'activities.id',
  direction: 'asc',
};

/** One page of the user's own open tasks, soonest (and overdue) first. */
export async function myTasks(
  db: Kysely<Database>,
  userId: string,
  query: { cursor?: string | undefined; limit: number },
  now: Date = new Date(),
): Promise<TaskPage> {
  const cursor = query.cursor
    ? decodeCursor(query.cursor, ['tasks'], 'string', TASKS_CURSOR_MESSAGE)
    : undefined;
  const open = db
    .selectFrom('activities')
    .selectAll('activities')
    .select(ownerNameSql('activities'))
    .where('activities.owner_id', '=', userId)
    .where(sql<SqlBool>`activities.kind = 'task'`)
    .where('activities.done_at', 'is', null)
    .where('activities.deleted_at', 'is', null);
  const rows = await afterCursor(open, BY_DUE_TIME, cursor, query.limit).execute();
  const page = keysetPage(
    rows,
    query.limit,
    ['tasks'],
    row => row.due_at,
    ({ owner_name: ownerName, ...row }): Activity => rowToActivity(row, ownerName),
  );
  return { ...page, now: now.toISOString() };
}

/**
 * Claims the user's reminders whose time has come (not done, not deleted, not yet sent): stamps
 * `reminded_at` and returns them, in one statement, so each reminder is delivered exactly once even
 * when the OS notifier and the in-app poll race.
 */
export async function claimDueReminders(
  db: Kysely<Database>,
  userId: string,
  now: Date = new Date(),
  limit = 20,
): Promise<DueReminder[]> {
  const at = nextTime(now);
  const k = db;
  const rows = await k
    .updateTable('activities')
    .set({ reminded_at: at })
    .where(
      'id',
      'in',
      k
        .selectFrom('activities')
        .select('id')
        .where('owner_id', '=', userId)
        .where('remind_at', 'is not', null)
        .where('reminded_at', 'is', null)
        .where('done_at', 'is', null)
        .where('deleted_at', 'is', null)
        .where('remind_at', '<=', at)
        .orderBy('remind_at', 'asc')
        .limit(limit),
    )
    .returning(['id', 'subject', 'due_at', 'contact_id', 'company_id', 'deal_id'])
    .execute();
  return rows.map(r => ({
    id: r.id,
    subject: r.subject,
    dueAt: r.due_at ?? '',
    contactId: r.contact_id,
    companyId: r.company_id,
    dealId: r.deal_id,
  }));
}
