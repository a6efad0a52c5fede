/**
 * The export limits as a router wrapper, for every channel that declares `exportLimit`
 * (src-shared/ipc/contract.ts; `records.export`, `contacts.export`). An export above the owner's
 * `exportApprovalAbove` — this export plus the caller's exports in the guard's window — by a caller
 * without `exports.approve` does not leave: the answer is `status: 'pending'` with a stored
 * approval request (src-main/guard/approvals.ts), whose audit entry (`details.pending`) raises the
 * owner's alert. Once the owner approved it, the same export (type, format, choices) runs once;
 * asked again while waiting, the same request answers. The count is the handler's file's
 * (`count`), or, for a declaration with `countFirst`, the app's pre-count before the handler runs
 * (a waiting export is then never made). Runs inside the permission check and the audit
 * wrapper's transaction.
 */
import type { ExportLimit } from '../../src-shared/ipc/contract';
import { exportLimitRequestSchema, type ExportLimitRequest } from '../../src-shared/ipc/records';
import { grantOf } from '../../src-shared/roles';
import {
  consumeExportRequest,
  createExportRequest,
  findOpenExportRequest,
} from '../guard/approvals';
import { recentExportRecords } from '../guard/approvals-rule';
import { readGuardSettings } from '../guard/settings';
import {
  CallFailure,
  requireSession,
  type ChannelMeta,
  type HandlerContext,
  type Wrapper,
} from '../ipc';
import type { OpenVault } from '../vault';
import { EXPORT_REQUEST_ENTITY } from './handlers/contacts';
import { requireVault, target } from './handlers/kit';

/** A pre-count: how many records the export would hold, and the audit details its entry gets. */
export interface ExportPrecount {
  count: number;
  /** What the handler's entry would say besides the count (e.g. format, all); never contents. */
  details: Record<string, unknown>;
}

/**
 * Counts what a request would export for the caller before the handler runs (channels declaring
 * `countFirst`); null when the request's type has no counter (the file's count is used).
 */
export type ExportPrecounter = (
  ctx: HandlerContext,
  request: ExportLimitRequest,
) => Promise<ExportPrecount | null>;

/** What the wrapper needs: the session's vault, the clock of stored requests, the pre-count. */
export interface ExportLimitsOptions {
  openVault(): OpenVault | null;
  now?: () => Date;
  /** The pre-count of `countFirst` declarations (src-main/app/export-precount.ts). */
  precount?: ExportPrecounter;
}
/** The exported record count of a handler's result, or null when it is not an export file. */
function countOf(result: unknown): number | null {
  const count = (result as { count?: unknown } | null)?.count;
  return typeof count === 'number' ? count : null;
}

/**
 * The approval request a channel declares for `input`, parsed (`exportLimitRequestSchema`): a
 * declaration answering anything else fails the call with `invalid_declaration` before the export
 * runs, so nothing is stored and no file leaves.
 */
function declaredRequest(
  meta: ChannelMeta,
  limit: ExportLimit,
  input: unknown,
): ExportLimitRequest {
  const parsed = exportLimitRequestSchema.safeParse(limit.request(input));
  if (!parsed.success) {
    // The channel's name only: the declaration's answer may hold the caller's filter text.
    throw new CallFailure(
      'invalid_declaration',
      `${meta.name} declares a malformed export-limit request.`,
    );
  }
  return parsed.data;
}

/** The limit in force for this caller, or null when none applies (the approver, no threshold). */
interface Gate {
  userId: string;
  above: number;
  /** Records the caller exported in the guard's window before this export. */
  earlier: number;
}

/** Builds the wrapper (place it inside the permission wrapper: it reads the caller's grants). */
export function createExportLimitsWrapper(o: ExportLimitsOptions): Wrapper {
  const now = o.now ?? (() => new Date());

  function gateOf(ctx: HandlerContext): Gate | null {
    const session = requireSession(ctx);
    // The owner (holder of exports.approve) is never made to wait for themself.
    if (grantOf(session.grants, 'exports.approve') !== undefined) return null;
    const open = requireVault(o);
    const guard = readGuardSettings(open.sqlite);
    if (guard.exportApprovalAbove === null) return null;
    // Exports add up in the guard's window: many small ones wait like one large one.
    const earlier = recentExportRecords(open.sqlite, session.userId, guard.exportWindowMinutes);
    return { userId: session.userId, above: guard.exportApprovalAbove, earlier };
  }

  /**
   * An export over the limit: an approved request for exactly it runs once (`release`), one
   * waiting answers again, else a new request is stored and answered.
   */
  async function hold(
    ctx: HandlerContext,
    gate: Gate,
    declared: ExportLimitRequest,
    count: number,
    release: () => unknown,
  ): Promise<unknown> {
    const open = requireVault(o);
    const request = { userId: gate.userId, ...declared };
    const found = findOpenExportRequest(open.sqlite, request, now());
    if (found?.approved === true) {
      // Single use: consumed in the same call as the export and its audit entry.
      consumeExportRequest(open.sqlite, found.id, now());
      target(ctx, EXPORT_REQUEST_ENTITY, found.id);
      ctx.audit.details = { ...ctx.audit.details, requestId: found.id };
      return release();
    }
    if (found) {
      // Asked again while waiting: the same request, no second alert.
      target(ctx, EXPORT_REQUEST_ENTITY, found.id);
      ctx.audit.details = { ...ctx.audit.details, waiting: true, requestId: found.id };
      return { status: 'pending', requestId: found.id, count };
    }
    const r = createExportRequest(open.sqlite, { ...request, count }, now());
    // `pending` makes the export_approval rule raise the owner's alert from this entry.
    target(ctx, EXPORT_REQUEST_ENTITY, r.id);
    const earlier = gate.earlier;
    ctx.audit.details = { ...ctx.audit.details, earlier, pending: true, requestId: r.id };
    return { status: 'pending', requestId: r.id, count };
  }

  return (meta, next) => {
    const limit: ExportLimit | undefined = meta.spec.exportLimit;
    if (!limit) return next;
    return async (ctx, input) => {
      // Parsed first, on every call: a wrong declaration fails even below the threshold.
      const declared = declaredRequest(meta, limit, input);
      const gate = gateOf(ctx);
      if (gate === null) return next(ctx, input);
      const pre = limit.countFirst === true && o.precount ? await o.precount(ctx, declared) : null;
      if (pre !== null) {
        if (pre.count === 0 || gate.earlier + pre.count <= gate.above) return next(ctx, input);
        // The handler does not run: the entry says what it would have (count, format, …).
        ctx.audit.details = { ...ctx.audit.details, count: pre.count, ...pre.details };
        return hold(ctx, gate, declared, pre.count, () => next(ctx, input));
      }
      const file = await next(ctx, input);
      const count = countOf(file);
      if (count === null || count === 0 || gate.earlier + count <= gate.above) return file;
      return hold(ctx, gate, declared, count, () => file);
    };
  };
}
