/**
 * Handlers of the `merges` channels (src-shared/ipc/merges.ts; the service: src-main/crm/merge).
 * The router has checked the type's update and delete permissions (`also`) and hands over their
 * grants: the update scope must reach the survivor, the delete scope every merged-away record.
 * The audit entry names the survivor with its field-level before/after (the contacts' or
 * companies' audit view) and the merge id; each merged-away record gets its own related entry
 * (`contacts.delete` on merge, `contacts.restore` on unmerge), as if deleted or restored by hand.
 */
import type { Company } from '../../../src-shared/companies';
import type { Contact } from '../../../src-shared/contacts';
import type { mergesContract } from '../../../src-shared/ipc/merges';
import type { MergeType } from '../../../src-shared/merge';
import type { MergeRecord } from '../../crm/merge/adapters';
import { mergeHistory, mergeKind, mergeRecords, unmergeRecords } from '../../crm/merge/merge';
import type { Viewer } from '../../crm/record';
import type { Handlers, HandlerContext } from '../../ipc';
import { COMPANY_ENTITY, companyAuditView } from './companies';
import { CONTACT_ENTITY, contactAuditView } from './contacts';
import { entityAudit, requireVault, viewerWith, type RecordHandlerDeps } from './kit';

type Scopes =
  | 'contacts.update'
  | 'contacts.delete'
  | 'contacts.read'
  | 'companies.update'
  | 'companies.delete'
  | 'companies.read';

/**
 * The audit trail of each type. The service answers the records of the type it was asked for
 * (src-main/crm/merge/adapters.ts), so a contacts merge's records are contacts.
 */
const AUDIT = {
  contacts: entityAudit<MergeRecord>(CONTACT_ENTITY, r => contactAuditView(r as Contact)),
  companies: entityAudit<MergeRecord>(COMPANY_ENTITY, r => companyAuditView(r as Company)),
};

function scopedViewer(
  ctx: HandlerContext<Scopes>,
  type: MergeType,
  verb: 'update' | 'delete' | 'read',
): Viewer {
  const grant = ctx.grants[`${type}.${verb}`];
  const viewer = viewerWith(ctx, grant);
  return type === 'contacts' ? { ...viewer, companyScope: ctx.grants['companies.read'] } : viewer;
}

function viewers(ctx: HandlerContext<Scopes>, type: MergeType) {
  return { edit: scopedViewer(ctx, type, 'update'), remove: scopedViewer(ctx, type, 'delete') };
}

function definedOnly(fields: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined),
  );
}

/** The `merges` feature's handlers for the router. */
export function mergesHandlers(
  deps: RecordHandlerDeps,
): Handlers<{ merges: typeof mergesContract }>['merges'] {
  const now = deps.now ?? (() => new Date());
  return {
    merge: async (ctx, input) => {
      const audit = AUDIT[input.type];
      audit.target(ctx, input.survivorId);
      const outcome = await mergeRecords(
        requireVault(deps),
        viewers(ctx, input.type),
        { ...input, fields: definedOnly(input.fields ?? {}) },
        now(),
      );
      const action = `${input.type}.delete`;
      for (const change of outcome.merged) audit.related(ctx, action, change);
      audit.record(ctx, outcome.survivor);
      ctx.audit.details = {
        mergeId: outcome.result.mergeId,
        mergedIds: outcome.result.mergedIds,
        moved: outcome.result.moved,
      };
      return outcome.result;
    },
    unmerge: async (ctx, input) => {
      const audit = AUDIT[input.type];
      ctx.audit.details = { mergeId: input.mergeId };
      const outcome = await unmergeRecords(
        requireVault(deps),
        viewers(ctx, input.type),
        input.type,
        input.mergeId,
        now(),
      );
      const action = `${input.type}.restore`;
      for (const change of outcome.restored) audit.related(ctx, action, change);
      audit.record(ctx, outcome.survivor);
      ctx.audit.details = { mergeId: input.mergeId, restoredIds: outcome.result.restoredIds };
      return outcome.result;
    },
    kind: async (ctx, input) => ({
      type: await mergeKind(
        requireVault(deps).db,
        type => scopedViewer(ctx, type, 'read'),
        input.mergeId,
      ),
    }),
    history: async (ctx, input) =>
      mergeHistory(
        requireVault(deps).db,
        scopedViewer(ctx, input.type, 'read'),
        input.type,
        input.id,
      ),
  };
}
