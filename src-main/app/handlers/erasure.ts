/**
 * Handlers of the `erasure` channels (src-shared/ipc/erasure.ts): real erasure of a contact (or a
 * company card that is a person) and
 * the retention review. The router has checked `privacy.erase` / `privacy.retention` already;
 * the audit entry names the contact (erase) and holds counts and the erasure id, never content.
 */
import type { erasureContract } from '../../../src-shared/ipc/erasure';
import { eraseCompany, eraseContact } from '../../privacy/erasure/erase';
import { approveRetention } from '../../privacy/retention/approve';
import {
  listRetentionRules,
  retentionCandidates,
  retentionReviewDue,
  setRetentionRule,
} from '../../privacy/retention/rules';
import { requireSession, type Handlers } from '../../ipc';
import { requireVault, target, type RecordHandlerDeps } from './kit';

/** The `erasure` feature's handlers for the router. */
export function erasureHandlers(
  deps: RecordHandlerDeps,
): Handlers<{ erasure: typeof erasureContract }>['erasure'] {
  const now = () => deps.now?.() ?? new Date();
  return {
    erase: async (ctx, input) => {
      target(ctx, 'contact', input.contactId);
      const session = requireSession(ctx);
      const report = await eraseContact(requireVault(deps), {
        contactId: input.contactId,
        reason: 'request',
        by: session.userId,
        at: now(),
      });
      return reported(ctx, report);
    },
    eraseCompany: async (ctx, input) => {
      target(ctx, 'company', input.companyId);
      const session = requireSession(ctx);
      const report = await eraseCompany(requireVault(deps), {
        companyId: input.companyId,
        reason: 'request',
        by: session.userId,
        at: now(),
      });
      return reported(ctx, report);
    },
    retentionRules: () => listRetentionRules(requireVault(deps).sqlite),
    setRetentionRule: (ctx, input) => {
      const { sqlite } = requireVault(deps);
      target(ctx, 'retention_rule', input.recordType);
      const before = listRetentionRules(sqlite)[0]?.inactiveMonths ?? null;
      const inactiveMonths = input.inactiveMonths ?? null;
      setRetentionRule(
        sqlite,
        { recordType: input.recordType, inactiveMonths },
        requireSession(ctx).userId,
        now(),
      );
      ctx.audit.changes = { inactiveMonths: { before, after: inactiveMonths } };
      return listRetentionRules(sqlite);
    },
    retentionCandidates: ctx => {
      const { sqlite } = requireVault(deps);
      const at = now();
      const candidates = retentionCandidates(sqlite, at);
      ctx.audit.details = { count: candidates.length };
      return { candidates, count: candidates.length, reviewDue: retentionReviewDue(sqlite, at) };
    },
    retentionApprove: async (ctx, input) => {
      const report = await approveRetention(
        requireVault(deps),
        input.ids,
        requireSession(ctx).userId,
        now(),
      );
      ctx.audit.details = {
        approved: report.approved,
        erased: report.erased,
        skipped: report.skipped,
        activities: report.activities,
        documents: report.documents,
        auditEntries: report.auditEntries,
      };
      return { approved: report.approved, erased: report.erased, skipped: report.skipped };
    },
  };
}

/**
 * What an erasure answers: its ids and counts, without the frame's own facts; the audit entry also
 * keeps whether the log beside the vault was written.
 */
function reported<R extends { checkpointed: boolean; logged: boolean }>(
  ctx: { audit: { details?: unknown } },
  report: R,
): Omit<R, 'checkpointed' | 'logged'> {
  const { checkpointed: _c, logged: _l, ...result } = report;
  ctx.audit.details = { ...result, logged: report.logged };
  return result;
}
