/**
 * Handlers of the `activities` channels. The router has checked the permission and hands over its
 * grant; its scope and the caller's read scopes of contacts, companies and deals become the
 * repository's `ActivityViewer`, so they land in the SQL. Every change fills `ctx.audit` (entity
 * `activity`, field-level before/after); handlers never write audit entries themselves.
 */
import type { Activity } from '../../../src-shared/activities';
import type { activitiesContract } from '../../../src-shared/ipc/activities';
import {
  calendar,
  claimDueReminders,
  completeActivities,
  completeActivity,
  createActivity,
  deleteActivity,
  getActivity,
  loggedActivities,
  myTasks,
  snoozeActivity,
  taskList,
  timeline,
  updateActivity,
  type ActivityViewer,
} from '../../crm/activities';
import { requireSession, type Handlers, type HandlerContext } from '../../ipc';
import { entityAudit, requireVault, viewerWith, type RecordHandlerDeps } from './kit';

/** What the activity handlers need from the app: the session's vault and a clock. */
export type ActivitiesHandlerDeps = RecordHandlerDeps;

/** The audit entity type of activities. */
export const ACTIVITY_ENTITY = 'activity';

/** The fields compared for the audit log (bookkeeping fields left out). */
function auditView(a: Activity): Record<string, unknown> {
  return {
    kind: a.kind,
    subject: a.subject,
    body: a.body,
    occurredAt: a.occurredAt,
    dueAt: a.dueAt,
    remindAt: a.remindAt,
    doneAt: a.doneAt,
    contactId: a.contactId,
    companyId: a.companyId,
    dealId: a.dealId,
    direction: a.direction,
    durationMinutes: a.durationMinutes,
    outcome: a.outcome,
    ownerId: a.ownerId,
    deletedAt: a.deletedAt,
  };
}

/** The `activities` feature's handlers for the router. */
export function activitiesHandlers(
  deps: ActivitiesHandlerDeps,
): Handlers<{ activities: typeof activitiesContract }>['activities'] {
  const now = deps.now ?? (() => new Date());

  const vault = () => requireVault(deps);
  const db = () => vault().db;
  const { target, record, related } = entityAudit(ACTIVITY_ENTITY, auditView);

  /**
   * The caller, the scope of the channel's grant (`activities.create` is plain: own) and their read
   * scopes of the records activities hang on. No scoped grant: refuse (fail closed).
   */
  function viewerOf(
    ctx: HandlerContext<'contacts.read' | 'companies.read' | 'deals.read'>,
  ): ActivityViewer {
    const plain = ctx.grant?.permission === 'activities.create';
    const viewer = viewerWith(ctx, ctx.grant?.scope ?? (plain ? 'own' : undefined));
    return {
      ...viewer,
      records: {
        contact: ctx.grants['contacts.read'],
        company: ctx.grants['companies.read'],
        deal: ctx.grants['deals.read'],
      },
    };
  }

  return {
    get: async (ctx, input) => getActivity(db(), viewerOf(ctx), input.id),
    timeline: async (ctx, input) =>
      timeline(db(), viewerOf(ctx), input.entityType, input.entityId, input.cursor),
    myTasks: async (ctx, input) =>
      myTasks(
        db(),
        requireSession(ctx).userId,
        { cursor: input.cursor, limit: input.limit },
        now(),
      ),
    dueReminders: async ctx => claimDueReminders(db(), requireSession(ctx).userId, now()),
    tasks: async (ctx, input) => taskList(db(), viewerOf(ctx), input, now()),
    logged: async (ctx, input) => loggedActivities(db(), viewerOf(ctx), input, now()),
    calendar: async (ctx, input) => calendar(db(), viewerOf(ctx), input),
    create: async (ctx, input) => {
      const { next, ...logged } = await createActivity(db(), viewerOf(ctx), input.activity, now());
      const activity = record(ctx, logged);
      if (next === null) return activity;
      return { ...activity, nextTask: related(ctx, 'activities.create', next) };
    },
    update: async (ctx, input) => {
      target(ctx, input.id);
      const change = await updateActivity(
        db(),
        viewerOf(ctx),
        input.id,
        input.patch,
        input.expectedUpdatedAt,
        now(),
      );
      return record(ctx, change);
    },
    complete: async (ctx, input) => {
      target(ctx, input.id);
      return record(ctx, await completeActivity(db(), viewerOf(ctx), input.id, input.done, now()));
    },
    completeMany: async (ctx, input) => {
      ctx.audit.entityType = ACTIVITY_ENTITY;
      const changes = await completeActivities(db(), viewerOf(ctx), input.ids, input.done, now());
      ctx.audit.details = { count: changes.length, done: input.done };
      return changes.map(change => related(ctx, 'activities.complete', change));
    },
    snooze: async (ctx, input) => {
      target(ctx, input.id);
      return record(ctx, await snoozeActivity(db(), viewerOf(ctx), input.id, input.until, now()));
    },
    delete: async (ctx, input) => {
      target(ctx, input.id);
      const after = record(ctx, await deleteActivity(db(), viewerOf(ctx), input.id, now()));
      return { id: after.id, deletedAt: after.deletedAt ?? '' };
    },
  };
}
