/**
 * Activity channels: log, edit, complete, delete; a record's timeline; the caller's tasks and the
 * reminders that fell due. The caller's scope is never part of the input: the router hands the
 * handler the grant of the channel's permission, and the repository puts it into the SQL. Reads are
 * not audited (noise); every change is, with field-level before/after.
 */
import { z } from 'zod';
import {
  TASK_VIEWS,
  TIMELINE_ENTITIES,
  activityInputSchema,
  activityPatchSchema,
  activityRecordIdSchema,
  isoTimeSchema,
  type Activity,
  type CalendarPage,
  type DueReminder,
  type TaskListPage,
  type TaskPage,
  type TimelinePage,
} from '../activities';
import { isValidTimeZone } from '../time/zoned';
import { channel } from './contract';

/** The result of delete. */
export interface ActivityDeleteResult {
  id: string;
  deletedAt: string;
}

/** A logged activity and the task its next step created (absent without one). */
export type LoggedActivity = Activity & { nextTask?: Activity };

/** The most tasks one bulk completion takes. */
export const BULK_COMPLETE_LIMIT = 200;

/** The longest calendar range, in days (a month grid is at most six weeks). */
const CALENDAR_MAX_DAYS = 43;

/** An IANA time zone the runtime knows (the user's, for "today" and "this week"). */
const timeZoneSchema = z.string().min(1).max(64).refine(isValidTimeZone, 'timeZone: unknown zone');

/** The caller's read scopes of the records activities hang on (applied in the SQL). */
const RECORD_SCOPES = ['contacts.read', 'companies.read', 'deals.read'] as const;

export const activitiesContract = {
  /** One activity the caller's scope reaches; `not_found` otherwise (same as a missing id). */
  get: channel<Activity>()({
    input: z.object({ id: activityRecordIdSchema }).strict(),
    permission: 'activities.read',
    grants: RECORD_SCOPES,
    audit: false,
  }),
  /**
   * One page (30) of a record's timeline, newest first: its activities the caller may read, the
   * deals of a contact or company, and document events. `not_found` when the caller cannot read the
   * record itself.
   */
  timeline: channel<TimelinePage>()({
    input: z
      .object({
        entityType: z.enum(TIMELINE_ENTITIES),
        entityId: activityRecordIdSchema,
        cursor: z.string().max(2000).optional(),
      })
      .strict(),
    permission: 'activities.read',
    grants: RECORD_SCOPES,
    audit: false,
  }),
  /** The caller's own open tasks, overdue and soonest due first. */
  myTasks: channel<TaskPage>()({
    input: z
      .object({
        cursor: z.string().max(2000).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    permission: 'activities.read',
    audit: false,
  }),
  /**
   * Open tasks in a view (all, due today, due this week, overdue; days in `timeZone`, weeks from
   * Monday), soonest due first, each with its client's and deal's names where the caller may read
   * them. `mine` (default) keeps the caller's own; false lists every task their scope reaches.
   */
  tasks: channel<TaskListPage>()({
    input: z
      .object({
        view: z.enum(TASK_VIEWS).default('open'),
        timeZone: timeZoneSchema,
        mine: z.boolean().default(true),
        /** Only this owner's tasks (the head's "Відповідальний"): narrows the scope, never widens. */
        ownerId: activityRecordIdSchema.optional(),
        cursor: z.string().max(2000).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    permission: 'activities.read',
    grants: RECORD_SCOPES,
    audit: false,
  }),
  /**
   * What one person logged (any kind, done or not) in [from, before) by `occurredAt`, newest first,
   * with the names of the records the caller may read: the records behind a bar of the dashboard's
   * "activities per person" (same scope, same range). `ownerId` narrows the caller's scope, never
   * widens it (someone outside it gives an empty list).
   */
  logged: channel<TaskListPage>()({
    input: z
      .object({
        ownerId: activityRecordIdSchema,
        from: isoTimeSchema,
        before: isoTimeSchema,
        cursor: z.string().max(2000).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict()
      .refine(v => Date.parse(v.before) > Date.parse(v.from), {
        path: ['before'],
        message: 'before: after from',
      }),
    permission: 'activities.read',
    grants: RECORD_SCOPES,
    audit: false,
  }),
  /** Tasks due and meetings held in [from, before) (at most 43 days), done or not. */
  calendar: channel<CalendarPage>()({
    input: z
      .object({ from: isoTimeSchema, before: isoTimeSchema, mine: z.boolean().default(true) })
      .strict()
      .refine(
        v =>
          Date.parse(v.before) > Date.parse(v.from) &&
          Date.parse(v.before) - Date.parse(v.from) <= CALENDAR_MAX_DAYS * 24 * 3600_000,
        { path: ['before'], message: `before: after from, at most ${CALENDAR_MAX_DAYS} days` },
      ),
    permission: 'activities.read',
    grants: RECORD_SCOPES,
    audit: false,
  }),
  /**
   * The caller's reminders that fell due, each returned once (the in-app notification of the test
   * host; Electron also shows them as OS notifications). Not audited: it only stamps delivery.
   */
  dueReminders: channel<DueReminder[]>()({
    input: z.object({}).strict(),
    permission: 'activities.read',
    audit: false,
  }),
  /**
   * Logs an activity owned by the caller on records they can read (`not_found` otherwise). A call's
   * or meeting's `nextStep` creates a task on the same records in the same transaction; the audit
   * log gets an `activities.create` entry for each.
   */
  create: channel<LoggedActivity>()({
    input: z.object({ activity: activityInputSchema }).strict(),
    permission: 'activities.create',
    grants: RECORD_SCOPES,
  }),
  /** An edit; `conflict` when someone saved the activity after `expectedUpdatedAt`. */
  update: channel<Activity>()({
    input: z
      .object({
        id: activityRecordIdSchema,
        patch: activityPatchSchema,
        expectedUpdatedAt: z.string().min(1).max(40),
      })
      .strict(),
    permission: 'activities.update',
    grants: RECORD_SCOPES,
  }),
  /** Marks a task done (`done: false` opens it again). */
  complete: channel<Activity>()({
    input: z.object({ id: activityRecordIdSchema, done: z.boolean().default(true) }).strict(),
    permission: 'activities.update',
    grants: RECORD_SCOPES,
  }),
  /**
   * Marks several tasks done (or open again) with the permission and scope of `complete`; one
   * task out of reach fails them all (nothing changes). Each changed task gets the
   * `activities.complete` entry a single completion writes.
   */
  completeMany: channel<Activity[]>()({
    input: z
      .object({
        ids: z.array(activityRecordIdSchema).min(1).max(BULK_COMPLETE_LIMIT),
        done: z.boolean().default(true),
      })
      .strict(),
    permission: 'activities.update',
    grants: RECORD_SCOPES,
  }),
  /** Moves an open task's reminder to `until` (its due time too, if earlier); shown again then. */
  snooze: channel<Activity>()({
    input: z.object({ id: activityRecordIdSchema, until: isoTimeSchema }).strict(),
    permission: 'activities.update',
    grants: RECORD_SCOPES,
  }),
  /** Soft delete: the activity leaves timelines, task lists and reminders. */
  delete: channel<ActivityDeleteResult>()({
    input: z.object({ id: activityRecordIdSchema }).strict(),
    permission: 'activities.delete',
    grants: RECORD_SCOPES,
  }),
} as const;
