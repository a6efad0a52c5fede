/**
 * Handlers of the `companies` channels. The router has checked the permission and hands over its
 * grant; the scope of that grant becomes the repository's `Viewer`, so it lands in the SQL. Every
 * change fills `ctx.audit` (entity `company`, field-level before/after of all company fields: the
 * audit log lives inside the encrypted vault and only `audit.read` holders see it). Handlers never
 * write audit entries themselves.
 */
import type { Company } from '../../../src-shared/companies';
import type { companiesContract } from '../../../src-shared/ipc/companies';
import { grantOf } from '../../../src-shared/roles';
import { diffFields } from '../../audit';
import {
  createCompany,
  deleteCompany,
  getCompany,
  listCompanies,
  reassignCompany,
  restoreCompany,
  updateCompany,
  type CompanyChange,
  type Viewer,
} from '../../crm/companies';
import { listContacts } from '../../crm/contacts';
import { CallFailure, requireSession, type Handlers, type HandlerContext } from '../../ipc';
import { type OpenVault } from '../../vault';

/** What the company handlers need from the app. */
export interface CompaniesHandlerDeps {
  /** The vault of the signed-in session (null or a throw when locked: answered `unauthenticated`). */
  openVault(): OpenVault | null;
  /** Clock for timestamps (tests). */
  now?: () => Date;
}

/** The audit entity type of companies. */
export const COMPANY_ENTITY = 'company';

/** The fields compared for the audit log (derived and bookkeeping fields left out). */
function auditView(c: Company | null): Record<string, unknown> | null {
  if (c === null) return null;
  return {
    name: c.name,
    edrpou: c.edrpou,
    rnokpp: c.rnokpp,
    legalAddress: c.legalAddress,
    actualAddress: c.actualAddress,
    phones: c.phones,
    website: c.website,
    notes: c.notes,
    ownerId: c.ownerId,
    deletedAt: c.deletedAt,
  };
}

/** The `companies` feature's handlers for the router. */
export function companiesHandlers(
  deps: CompaniesHandlerDeps,
): Handlers<{ companies: typeof companiesContract }>['companies'] {
  const now = deps.now ?? (() => new Date());

  function vault(): OpenVault {
    const open = deps.openVault();
    if (!open) throw new CallFailure('unauthenticated', 'Please sign in first.');
    return open;
  }
  const db = () => vault().db;

  /** The caller and the scope of the channel's grant. No grant or no scope: refuse (fail closed). */
  function viewerOf(ctx: HandlerContext): Viewer {
    const session = requireSession(ctx);
    const scope = ctx.grant?.scope;
    if (!scope) throw new CallFailure('forbidden', 'Your role does not allow this.');
    return { userId: session.userId, teamId: session.teamId, scope };
  }

  /** Deleted companies are listed only to those who may restore them (as for contacts). */
  function requireRestore(ctx: HandlerContext, includeDeleted: boolean | undefined): void {
    if (
      includeDeleted === true &&
      grantOf(requireSession(ctx).grants, 'contacts.restore') !== true
    ) {
      throw new CallFailure('forbidden', 'Your role does not allow seeing deleted companies.');
    }
  }

  /**
   * For `restore` (a plain grant): the companies the caller may bring back are those their own
   * `companies.read` scope reaches, so the scope still lands in the SQL (fail closed without it).
   */
  function restorerOf(ctx: HandlerContext): Viewer {
    const session = requireSession(ctx);
    const scope = grantOf(session.grants, 'companies.read');
    if (scope === undefined || scope === true)
      throw new CallFailure('forbidden', 'Your role does not allow this.');
    return { userId: session.userId, teamId: session.teamId, scope };
  }

  /** Names the company in the audit entry up front, so refused attempts on an id are attributable. */
  function target(ctx: HandlerContext, id: string): void {
    ctx.audit.entityType = COMPANY_ENTITY;
    ctx.audit.entityId = id;
  }

  function record(ctx: HandlerContext, change: CompanyChange): Company {
    ctx.audit.entityType = COMPANY_ENTITY;
    ctx.audit.entityId = change.after.id;
    ctx.audit.changes = diffFields(auditView(change.before), auditView(change.after), {
      entityType: COMPANY_ENTITY,
    });
    return change.after;
  }

  return {
    list: async (ctx, input) => {
      requireRestore(ctx, input.filter.includeDeleted);
      return listCompanies(db(), viewerOf(ctx), input);
    },
    get: async (ctx, input) =>
      getCompany(db(), viewerOf(ctx), input.id, { includeDeleted: input.includeDeleted === true }),
    contacts: async (ctx, input) => {
      const session = requireSession(ctx);
      // The company must be in the caller's companies scope (a deleted one still lists its contacts).
      await getCompany(db(), viewerOf(ctx), input.id, { includeDeleted: true });
      const contactScope = grantOf(session.grants, 'contacts.read');
      if (contactScope === undefined || contactScope === true)
        return { items: [], nextCursor: null };
      return listContacts(
        vault().db,
        { userId: session.userId, teamId: session.teamId, scope: contactScope },
        {
          sort: 'name',
          direction: 'asc',
          filter: { companyId: input.id },
          cursor: input.cursor,
          limit: input.limit,
        },
      );
    },
    create: async (ctx, input) => {
      const session = requireSession(ctx);
      return record(ctx, await createCompany(db(), session, input.company, now()));
    },
    update: async (ctx, input) => {
      target(ctx, input.id);
      const change = await updateCompany(
        db(),
        viewerOf(ctx),
        input.id,
        input.patch,
        input.expectedUpdatedAt,
        now(),
      );
      return record(ctx, change);
    },
    delete: async (ctx, input) => {
      target(ctx, input.id);
      const after = record(ctx, await deleteCompany(db(), viewerOf(ctx), input.id, now()));
      return { id: after.id, deletedAt: after.deletedAt ?? '' };
    },
    restore: async (ctx, input) => {
      target(ctx, input.id);
      return record(ctx, await restoreCompany(db(), restorerOf(ctx), input.id, now()));
    },
    reassign: async (ctx, input) => {
      target(ctx, input.id);
      const change = await reassignCompany(db(), viewerOf(ctx), input.id, input.ownerId, now());
      return record(ctx, change);
    },
  };
}
