/**
 * Handlers of the `audit` channels: the owner's and auditor's views of the log. The router has
 * already checked `audit.read` / `audit.export`; the audit wrapper records `verify` and `export`
 * with what the handler puts in `ctx.audit`.
 */
import type { auditContract } from '../../../src-shared/ipc/audit';
import { listAudit, verifyAuditChain } from '../../audit';
import { AuditExportTooLargeError, exportAudit } from '../../audit/export';
import { entityHistory, listAuditActions, toEntryView } from '../../audit/history';
import type { AuditPage } from '../../audit/log';
import { CallFailure, type Handlers } from '../../ipc';
import type { OpenVault } from '../../vault';
import { auditRecordNames } from './audit-names';
import { listOfficeAudit } from '../../sync/audit-list';
import { requireVault } from './kit';

/** What the audit handlers need from the app: the vault of the signed-in session, or null. */
export interface AuditHandlerDeps {
  openVault(): OpenVault | null;
  /** Row cap of one export (default AUDIT_EXPORT_MAX_ROWS); tests lower it. */
  exportMaxRows?: number;
}

function pageView(page: AuditPage) {
  return { entries: page.entries.map(toEntryView), nextBeforeSeq: page.nextBeforeSeq };
}

/** The `audit` feature's handlers for the router. */
export function auditHandlers(
  deps: AuditHandlerDeps,
): Handlers<{ audit: typeof auditContract }>['audit'] {
  const vault = () => requireVault(deps);

  return {
    list: async (_ctx, input) => pageView(await listAudit(vault().db, input)),
    entityHistory: async (_ctx, input) => pageView(await entityHistory(vault().db, input)),
    actions: async () => ({ actions: await listAuditActions(vault().db) }),
    names: async (ctx, input) => ({ names: await auditRecordNames(vault(), ctx, input.refs) }),
    office: async (_ctx, input) => listOfficeAudit(vault().db, input),
    verify: ctx => {
      const result = verifyAuditChain(vault());
      // Recorded with the verdict, so a broken chain found by anyone stays in the log (and alerts).
      ctx.audit.details = result.ok
        ? { verdict: 'ok', count: result.count, headSeq: result.head.seq }
        : { verdict: 'broken', brokenAt: result.brokenAt, reason: result.reason };
      return result;
    },
    export: (ctx, input) => {
      const range = { from: input.from, to: input.to, format: input.format };
      try {
        const file = exportAudit(vault(), {
          ...range,
          delimiter: input.delimiter,
          ...(deps.exportMaxRows === undefined ? {} : { maxRows: deps.exportMaxRows }),
        });
        ctx.audit.details = { ...range, count: file.count };
        return file;
      } catch (error) {
        if (error instanceof AuditExportTooLargeError) {
          ctx.audit.details = { ...range, count: error.count };
          throw new CallFailure('invalid_input', error.message, {
            count: error.count,
            maxRows: error.maxRows,
          });
        }
        throw error;
      }
    },
  };
}
