/**
 * The handler kit: what the handlers in this folder share. The vault guard (`unauthenticated` when
 * no vault is open for a session), the caller as a record module's viewer (the scope of a grant the
 * router handed over, failing closed), and the audit note's entity and field-level changes.
 * Permissions are not checked here: the channel declares them (`permission`, `also`, `grants`) and
 * the router's permission wrapper resolves them before a handler runs.
 */
import type { Permission, Scope } from '../../../src-shared/permissions';
import { diffFields } from '../../audit';
import type { Viewer } from '../../crm/record';
import {
  CallFailure,
  FORBIDDEN_MESSAGE,
  requireSession,
  type DeclaredGrants,
  type HandlerContext,
} from '../../ipc';
import type { OpenVault } from '../../vault';

/** Where a handler finds the vault of the signed-in session (null while locked or signed out). */
export interface VaultSource {
  openVault(): OpenVault | null;
}

/** What the record handlers (contacts, companies, deals, activities) need from the app. */
export interface RecordHandlerDeps extends VaultSource {
  /** Clock for timestamps and reminders (tests). */
  now?: () => Date;
}

/** The signed-in session's open vault, or `unauthenticated` (locked, signed out, no vault yet). */
export function requireVault(source: VaultSource): OpenVault {
  const open = source.openVault();
  if (!open) throw new CallFailure('unauthenticated', 'Please sign in first.');
  return open;
}

/** The caller with `scope`; `forbidden` when there is none (fail closed: no scope, no rows). */
export function viewerWith(ctx: HandlerContext, scope: Scope | null | undefined): Viewer {
  const session = requireSession(ctx);
  if (!scope) throw new CallFailure('forbidden', FORBIDDEN_MESSAGE);
  return { userId: session.userId, teamId: session.teamId, scope };
}

/** The caller and the scope of the channel's own grant (`ctx.grant`), failing closed. */
export function viewerOf(ctx: HandlerContext): Viewer {
  return viewerWith(ctx, ctx.grant?.scope);
}

/**
 * The caller with the scope of an extra grant the channel declares (`ctx.grants[…]`), or undefined
 * when the role does not hold it: for links and lists the caller may simply not reach.
 */
export function reachOf(ctx: HandlerContext, scope: Scope | undefined): Viewer | undefined {
  return scope === undefined ? undefined : viewerWith(ctx, scope);
}

/**
 * The caller with the grants their channel declares (`ctx.grants`), for services that decide per
 * record type which grant applies (search, the dashboard, the monthly review).
 */
export function callerWithGrants<G extends Permission>(
  ctx: HandlerContext<G>,
): { userId: string; teamId: string | null; grants: DeclaredGrants<G> } {
  const session = requireSession(ctx);
  return { userId: session.userId, teamId: session.teamId, grants: ctx.grants };
}

/** Names the entity in the audit entry up front, so a refused attempt on an id is attributable. */
export function target(ctx: HandlerContext, entityType: string, id: string): void {
  ctx.audit.entityType = entityType;
  ctx.audit.entityId = id;
}

/**
 * Notes a settings change: the entity `settings`/`id`, and for each key the caller sent whose value
 * changed (compared as JSON), its before and after.
 */
export function recordSettings<T extends object>(
  ctx: HandlerContext,
  id: string,
  sent: object,
  before: T,
  after: T,
): void {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of Object.keys(sent) as (keyof T & string)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changes[key] = { before: before[key], after: after[key] };
    }
  }
  target(ctx, 'settings', id);
  ctx.audit.changes = changes;
}

/** One record before and after a change, as the record modules return it (before null: new). */
export interface RecordChange<T> {
  before: T | null;
  after: T;
}

/** The audit trail of one entity type (see {@link entityAudit}). */
export interface EntityAudit<T> {
  /** Names the record in the audit entry before the work (refused attempts stay attributable). */
  target(ctx: HandlerContext, id: string): void;
  /** Names the changed record and notes the field-level before/after of its audit view. */
  record(ctx: HandlerContext, change: RecordChange<T>): T;
  /**
   * Notes another record the same call changed: its own entry under `action` (the one-by-one
   * call's), written by the audit wrapper with the call's entry when the call succeeds.
   */
  related(ctx: HandlerContext, action: string, change: RecordChange<T>): T;
}

/**
 * The audit trail of an entity type: `view` picks the fields compared for the log (derived and
 * bookkeeping fields left out); values are redacted and truncated by `diffFields`.
 */
export function entityAudit<T extends { id: string }>(
  entityType: string,
  view: (record: T) => Record<string, unknown>,
): EntityAudit<T> {
  return {
    target: (ctx, id) => target(ctx, entityType, id),
    record(ctx, { before, after }) {
      target(ctx, entityType, after.id);
      ctx.audit.changes = diffFields(before && view(before), view(after), { entityType });
      return after;
    },
    related(ctx, action, { before, after }) {
      const changes = diffFields(before && view(before), view(after), { entityType });
      ctx.audit.related = [
        ...(ctx.audit.related ?? []),
        { action, entityType, entityId: after.id, changes },
      ];
      return after;
    },
  };
}
