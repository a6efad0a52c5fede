/**
 * Handlers of the `bulk` channels (src-shared/ipc/bulk.ts). The router has checked the one-by-one
 * permission of the type (`also`) and hands its grant over in `ctx.grants`; each record goes through
 * the record module's one-by-one change (reassign, soft delete, contact edit) with that grant's
 * scope, so the scope is in the SQL exactly as for one record, the change reaches the sync outbox,
 * and each changed record gets the one-by-one action's audit entry (`related`). The router runs
 * the call in one transaction with its audit entries: the first id the caller may not change
 * throws, and the whole request is rolled back.
 */
import type { Company } from '../../../src-shared/companies';
import type { Contact } from '../../../src-shared/contacts';
import { normalizeTags } from '../../../src-shared/contacts/fields';
import type { Deal } from '../../../src-shared/deals';
import type { BulkRecordType, BulkResult, bulkContract } from '../../../src-shared/ipc/bulk';
import type { Scope } from '../../../src-shared/permissions';
import { deleteCompany, reassignCompany } from '../../crm/companies';
import { deleteContact, getContact, reassignContact, updateContact } from '../../crm/contacts';
import { deleteDeal, reassignDeal } from '../../crm/deals';
import { isRecordError, type Viewer } from '../../crm/record';
import { CallFailure, type HandlerContext, type Handlers } from '../../ipc';
import { COMPANY_ENTITY, companyAuditView } from './companies';
import { CONTACT_ENTITY, contactAuditView } from './contacts';
import { DEAL_ENTITY, dealAuditView } from './deals';
import {
  entityAudit,
  requireVault,
  viewerWith,
  type RecordChange,
  type RecordHandlerDeps,
} from './kit';

/** What the bulk handlers need: the session's vault and a clock. */
export type BulkHandlerDeps = RecordHandlerDeps;

/** The audit trail of each type's records. */
const AUDIT = {
  contacts: entityAudit<Contact>(CONTACT_ENTITY, contactAuditView),
  companies: entityAudit<Company>(COMPANY_ENTITY, companyAuditView),
  deals: entityAudit<Deal>(DEAL_ENTITY, dealAuditView),
} as const;

/** The audit entity type of each record type. */
const ENTITY = { contacts: CONTACT_ENTITY, companies: COMPANY_ENTITY, deals: DEAL_ENTITY } as const;

type AnyRecord = Contact | Company | Deal;

/**
 * Runs `change` on each id in order, noting each changed record's own audit entry under the
 * one-by-one `action`. A record the caller may not change (`not_found`: missing, deleted or out of
 * scope) refuses the whole request; the router's transaction takes back what ran before it.
 */
async function eachRecord(
  ctx: HandlerContext,
  type: BulkRecordType,
  verb: string,
  ids: readonly string[],
  change: (id: string) => Promise<RecordChange<AnyRecord> | null>,
): Promise<BulkResult> {
  const audit = AUDIT[type] as ReturnType<typeof entityAudit<AnyRecord>>;
  let changed = 0;
  for (const [index, id] of ids.entries()) {
    let result: RecordChange<AnyRecord> | null;
    try {
      result = await change(id);
    } catch (err) {
      if (!isRecordError(err, 'not_found')) throw err;
      throw new CallFailure(
        'not_found',
        'Some of the chosen records are not there or not yours to change; nothing was changed.',
        { reason: 'bulk_refused', id, index },
      );
    }
    if (result === null || result.before === result.after) continue;
    audit.related(ctx, `${type}.${verb}`, result);
    changed += 1;
  }
  return { type, requested: ids.length, changed };
}

/** The `bulk` feature's handlers for the router. */
export function bulkHandlers(
  deps: BulkHandlerDeps,
): Handlers<{ bulk: typeof bulkContract }>['bulk'] {
  const now = deps.now ?? (() => new Date());
  const db = () => requireVault(deps).db;

  /** The caller with the scope of their one-by-one grant for `type` (contacts: + company scope). */
  function viewerFor(ctx: HandlerContext<'companies.read'>, scope: Scope | undefined): Viewer {
    return { ...viewerWith(ctx, scope), companyScope: ctx.grants['companies.read'] };
  }

  /** The call's own entry: what was asked of which records (ids, never field values). */
  function note(ctx: HandlerContext, type: BulkRecordType, ids: readonly string[], extra = {}) {
    ctx.audit.entityType = ENTITY[type];
    ctx.audit.details = { type, count: ids.length, ids: [...ids], ...extra };
  }

  return {
    reassign: async (ctx, input) => {
      note(ctx, input.type, input.ids, { ownerId: input.ownerId });
      const viewer = viewerFor(ctx, ctx.grants[`${input.type}.reassign`]);
      const move = {
        contacts: (id: string) => reassignContact(db(), viewer, id, input.ownerId, now()),
        companies: (id: string) => reassignCompany(db(), viewer, id, input.ownerId, now()),
        deals: (id: string) => reassignDeal(db(), viewer, id, input.ownerId, now()),
      }[input.type];
      const result = await eachRecord(ctx, input.type, 'reassign', input.ids, move);
      ctx.audit.details = { ...ctx.audit.details, changed: result.changed };
      return result;
    },
    delete: async (ctx, input) => {
      note(ctx, input.type, input.ids);
      const viewer = viewerFor(ctx, ctx.grants[`${input.type}.delete`]);
      const remove = {
        contacts: (id: string) => deleteContact(db(), viewer, id, now()),
        companies: (id: string) => deleteCompany(db(), viewer, id, now()),
        deals: (id: string) => deleteDeal(db(), viewer, id, now()),
      }[input.type];
      const result = await eachRecord(ctx, input.type, 'delete', input.ids, remove);
      ctx.audit.details = { ...ctx.audit.details, changed: result.changed };
      return result;
    },
    tag: async (ctx, input) => {
      note(ctx, 'contacts', input.ids, { action: input.action });
      const viewer = viewerFor(ctx, ctx.grant?.scope ?? undefined);
      const folded = input.tag.toLocaleLowerCase('uk');
      const result = await eachRecord(ctx, 'contacts', 'update', input.ids, async id => {
        // Read as the edit reads it (shares count): updateContact checks the same scope again.
        const before = await getContact(db(), viewer, id);
        const has = before.tags.some(t => t.toLocaleLowerCase('uk') === folded);
        if (has === (input.action === 'add')) return null;
        const wanted =
          input.action === 'add'
            ? [...before.tags, input.tag]
            : before.tags.filter(t => t.toLocaleLowerCase('uk') !== folded);
        const tags = normalizeTags(wanted);
        if (!tags.ok) {
          throw new CallFailure('invalid_input', 'A contact would have too many tags.', {
            reason: 'bulk_tags_too_many',
            id,
          });
        }
        const patch = { tags: tags.tags };
        return updateContact(db(), viewer, id, patch, before.updatedAt, now());
      });
      ctx.audit.details = { ...ctx.audit.details, changed: result.changed };
      return result;
    },
  };
}
