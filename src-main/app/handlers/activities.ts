/**
 * Handlers of the `activities` channels. The router has checked the permission and hands over its
 * grant; its scope and the caller's read scopes of contacts, companies and deals become the
 * repository's `ActivityViewer`, so they land in the SQL. Every change fills `ctx.audit` (entity
 * `activity`, field-level before/after); handlers never write audit entries themselves.
 */
import type { Activity } from '../../../src-shared/activities';
import type { activitiesContract } from '../../../src-shared/ipc/activities';
import type { Permission, Scope } from '../../../src-shared/permissions';
import { grantOf } from '../../../src-shared/roles';
import { diffFields } from '../../audit';
import {
  claimDueReminders,
  completeActivity,
  createActivity,
  deleteActivity,
  getActivity,
  myTasks,
  timeline,
  updateActivity,
  type ActivityChange,
  type ActivityViewer,
} from '../../crm/activities';
import { CallFailure, requireSession, type Handlers, type HandlerContext } from '../../ipc';
import { type OpenVault } from '../../vault';

/** What the activity handlers need from the app. */
export interface ActivitiesHandlerDeps {
  /** The vault of the signed-in session (null when locked: answered `unauthenticated`). */
  openVault(): OpenVault | null;
  /** Clock for timestamps and reminders (tests). */
  now?: () => Date;
}

/** The audit entity type of activities. */
export const ACTIVITY_ENTITY = 'activity';

/** The fields compared for the audit log (bookkeeping fields left out). */
function auditView(a: Activity | null): Record<string, unknown> | null {
  if (a === null) return null;
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
    ownerId: a.ownerId,
    deletedAt: a.deletedAt,
  };
}

/** The `activities` feature's handlers for the router. */
export function activitiesHandlers(
  deps: ActivitiesHandlerDeps,
): Handlers<{ activities: typeof activitiesContract }>['activities'] {
  const now = deps.now ?? (() => new Date());

  function vault(): OpenVault {
    const open = deps.openVault();
    if (!open) throw new CallFailure('unauthenticated', 'Please sign in first.');
    return open;
  }
  const db = () => vault().db;

  /**
   * The caller, the scope of the channel's grant (`activities.create` is plain: own) and their read
   * scopes of the records activities hang on. No scoped grant: refuse (fail closed).
   */
  function viewerOf(ctx: HandlerContext): ActivityViewer {
    const session = requireSession(ctx);
    const granted = ctx.grant?.scope;
    const plain = ctx.grant?.permission === 'activities.create';
    if (!granted && !plain) throw new CallFailure('forbidden', 'Your role does not allow this.');
    const read = (p: Permission): Scope | undefined => {
      const g = grantOf(session.grants, p);
      return g === true ? undefined : g;
    };
    return {
      userId: session.userId,
      teamId: session.teamId,
      scope: granted ?? 'own',
      records: {
        contact: read('contacts.read'),
        company: read('companies.read'),
        deal: read('deals.read'),
      },
    };
  }

  /** Names the activity in the audit entry up front, so refused attempts are attributable. */
  function target(ctx: HandlerContext, id: string): void {
    ctx.audit.entityType = ACTIVITY_ENTITY;
    ctx.audit.entityId = id;
  }

  function record(ctx: HandlerContext, change: ActivityChange): Activity {
    ctx.audit.entityType = ACTIVITY_ENTITY;
    ctx.audit.entityId = change.after.id;
    ctx.audit.changes = diffFields(auditView(change.before), auditView(change.after), {
      entityType: ACTIVITY_ENTITY,
    });
    return change.after;
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
    create: async (ctx, input) =>
      record(ctx, await createActivity(db(), viewerOf(ctx), input.activity, now())),
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
    delete: async (ctx, input) => {
      target(ctx, input.id);
      const after = record(ctx, await deleteActivity(db(), viewerOf(ctx), input.id, now()));
      return { id: after.id, deletedAt: after.deletedAt ?? '' };
    },
  };
}
