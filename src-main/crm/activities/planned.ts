/**
 * The task list (open tasks by due time, in a view: all, today, this week, overdue) and the calendar
 * (tasks by due time and meetings by when, done or not, in a range). Both are scoped in SQL by the
 * caller's activities.read owner scope (`mine`: only the caller's own), and name each task's client
 * and deal only when the caller's read scope of that record reaches it (the same conditions a
 * timeline uses). Mine reads activities_open_tasks / activities_owner_due; team and all read by due
 * time per owner the same way.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import {
  CALENDAR_LIMIT,
  taskViewRange,
  type CalendarPage,
  type PlannedActivity,
  type TaskListPage,
  type TaskView,
} from '../../../src-shared/activities';
import type { Database } from '../../vault/schema';
import { afterCursor, decodeCursor, keysetPage, type KeysetOrder } from '../record/cursor';
import { ownerNameSql } from '../record/owner-name';
import { inScope } from '../record/viewer';
import { dealsShape } from './records';
import { companyReadableSql, contactReadableSql, dealReadableSql } from './scope';
import { rowToActivity, type ActivityViewer } from './tables';
import { BY_DUE_TIME } from './tasks';

const CURSOR_MESSAGE = 'cursor: not from this task list; start from the top';
const LOGGED_CURSOR = 'cursor: not from this list of activities; start from the top';
const NEWEST_FIRST: KeysetOrder = {
  column: 'activities.occurred_at',
  idColumn: 'activities.id',
  direction: 'desc',
};

/** What the task list asks for. */
export interface TaskListQuery {
  view: TaskView;
  timeZone: string;
  /** Only the caller's own tasks (default); false: every task the scope reaches. */
  mine: boolean;
  /** Only this owner's tasks (within the scope: someone outside it gives an empty list). */
  ownerId?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** Selects the activity, its owner's name and its records' names where the caller may read them. */
async function plannedSelect(db: Kysely<Database>, viewer: ActivityViewer) {
  const { contact, company, deal } = viewer.records;
  const none = sql<string | null>`NULL`;
  const contactName =
    contact === undefined
      ? none
      : sql<
          string | null
        >`(SELECT trim(c.given_name || ' ' || c.surname) FROM contacts AS c WHERE c.id = activities.contact_id AND ${contactReadableSql(sql.ref('activities.contact_id'), viewer, contact)})`;
  const companyName =
    company === undefined
      ? none
      : sql<
          string | null
        >`(SELECT co.name FROM companies AS co WHERE co.id = activities.company_id AND ${companyReadableSql(sql.ref('activities.company_id'), viewer, company)})`;
  const shape = deal === undefined ? null : await dealsShape(db);
  const dealTitle =
    deal === undefined || shape === null || !shape.title
      ? none
      : sql<
          string | null
        >`(SELECT d.title FROM deals AS d WHERE d.id = activities.deal_id AND ${dealReadableSql(sql.ref('activities.deal_id'), viewer, deal, shape.deletedAt)})`;
  return db
    .selectFrom('activities')
    .selectAll('activities')
    .select(ownerNameSql('activities'))
    .select([
      contactName.as('contact_name'),
      companyName.as('company_name'),
      dealTitle.as('deal_title'),
    ])
    .where(inScope('activities', viewer))
    .where('activities.deleted_at', 'is', null);
}

type PlannedRow = Awaited<ReturnType<Awaited<ReturnType<typeof plannedSelect>>['execute']>>[number];

function toPlanned(row: PlannedRow): PlannedActivity {
  const { owner_name, contact_name, company_name, deal_title, ...activity } = row;
  return {
    ...rowToActivity(activity, owner_name),
    contactName: contact_name,
    companyName: company_name,
    dealTitle: deal_title,
  };
}

/** One page of open tasks in a view, soonest due first (overdue first). */
export async function taskList(
  db: Kysely<Database>,
  viewer: ActivityViewer,
  query: TaskListQuery,
  now: Date = new Date(),
): Promise<TaskListPage> {
  const cursor = query.cursor
    ? decodeCursor(query.cursor, ['task-list', query.view], 'string', CURSOR_MESSAGE)
    : undefined;
  const range = taskViewRange(query.view, now, query.timeZone);
  const open = (await plannedSelect(db, viewer))
    .where(sql<SqlBool>`activities.kind = 'task'`)
    .where('activities.done_at', 'is', null)
    .$if(query.mine, q => q.where('activities.owner_id', '=', viewer.userId))
    .$if(query.ownerId !== undefined, q => q.where('activities.owner_id', '=', query.ownerId ?? ''))
    .$if(range.from !== undefined, q => q.where('activities.due_at', '>=', range.from ?? ''))
    .$if(range.before !== undefined, q => q.where('activities.due_at', '<', range.before ?? ''));
  const rows = await afterCursor(open, BY_DUE_TIME, cursor, query.limit).execute();
  const key = ['task-list', query.view];
  return {
    ...keysetPage(rows, query.limit, key, row => row.due_at, toPlanned),
    now: now.toISOString(),
  };
}

/** Tasks due and meetings held in [from, before), done or not, by time; at most CALENDAR_LIMIT. */
export async function calendar(
  db: Kysely<Database>,
  viewer: ActivityViewer,
  query: { from: string; before: string; mine: boolean },
): Promise<CalendarPage> {
  const base = await plannedSelect(db, viewer);
  const owned = query.mine ? base.where('activities.owner_id', '=', viewer.userId) : base;
  const tasks = await owned
    .where(sql<SqlBool>`activities.kind = 'task'`)
    .where('activities.due_at', '>=', query.from)
    .where('activities.due_at', '<', query.before)
    .orderBy('activities.due_at', 'asc')
    .limit(CALENDAR_LIMIT + 1)
    .execute();
  const meetings = await owned
    .where(sql<SqlBool>`activities.kind = 'meeting'`)
    .where('activities.occurred_at', '>=', query.from)
    .where('activities.occurred_at', '<', query.before)
    .orderBy('activities.occurred_at', 'asc')
    .limit(CALENDAR_LIMIT + 1)
    .execute();
  const at = (row: PlannedRow) => (row.kind === 'task' ? (row.due_at ?? '') : row.occurred_at);
  const all = [...tasks, ...meetings].sort((a, b) => at(a).localeCompare(at(b)));
  return {
    items: all.slice(0, CALENDAR_LIMIT).map(toPlanned),
    truncated: all.length > CALENDAR_LIMIT,
  };
}

/** What the list of one person's logged activities asks for (`activities.logged`). */
export interface LoggedQuery {
  ownerId: string;
  /** `occurred_at` at or after `from`, before `before` (ISO instants). */
  from: string;
  before: string;
  cursor?: string | undefined;
  limit: number;
}

/**
 * One page of the activities `ownerId` logged in the range, newest first, within the caller's
 * scope: what the dashboard's "activities per person" counts (../analytics/queries.ts), the same
 * scope condition and `occurred_at` range, so the list holds exactly the bar's records.
 */
export async function loggedActivities(
  db: Kysely<Database>,
  viewer: ActivityViewer,
  query: LoggedQuery,
  now: Date = new Date(),
): Promise<TaskListPage> {
  const key = ['logged', query.ownerId, query.from, query.before];
  const cursor = query.cursor
    ? decodeCursor(query.cursor, key, 'string', LOGGED_CURSOR)
    : undefined;
  const logged = (await plannedSelect(db, viewer))
    .where('activities.owner_id', '=', query.ownerId)
    .where('activities.occurred_at', '>=', query.from)
    .where('activities.occurred_at', '<', query.before);
  const rows = await afterCursor(logged, NEWEST_FIRST, cursor, query.limit).execute();
  const page = keysetPage(rows, query.limit, key, row => row.occurred_at, toPlanned);
  return { ...page, now: now.toISOString() };
}
