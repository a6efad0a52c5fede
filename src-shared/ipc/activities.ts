/**
 * Activity channels: log, edit, complete, delete; a record's timeline; the caller's tasks and the
 * reminders that fell due. The caller's scope is never part of the input: the router hands the
 * handler the grant of the channel's permission, and the repository puts it into the SQL. Reads are
 * not audited (noise); every change is, with field-level before/after.
 */
import { z } from 'zod';
import {
  TIMELINE_ENTITIES,
  activityInputSchema,
  activityPatchSchema,
  activityRecordIdSchema,
  type Activity,
  type DueReminder,
  type TaskPage,
  type TimelinePage,
} from '../activities';
import { channel } from './contract';

/** The result of delete. */
export interface ActivityDeleteResult {
  id: string;
  deletedAt: string;
}

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
   * The caller's reminders that fell due, each returned once (the in-app notification of the test
   * host; Electron also shows them as OS notifications). Not audited: it only stamps delivery.
   */
  dueReminders: channel<DueReminder[]>()({
    input: z.object({}).strict(),
    permission: 'activities.read',
    audit: false,
  }),
  /** Logs an activity owned by the caller on records they can read (`not_found` otherwise). */
  create: channel<Activity>()({
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
  /** Soft delete: the activity leaves timelines, task lists and reminders. */
  delete: channel<ActivityDeleteResult>()({
    input: z.object({ id: activityRecordIdSchema }).strict(),
    permission: 'activities.delete',
    grants: RECORD_SCOPES,
  }),
} as const;
