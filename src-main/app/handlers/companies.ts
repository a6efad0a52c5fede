/**
 * Handlers of the `companies` channels. The router has checked the permission and hands over its
 * grant; the scope of that grant becomes the repository's `Viewer`, so it lands in the SQL. Every
 * change fills `ctx.audit` (entity `company`, field-level before/after of all company fields: the
 * audit log lives inside the encrypted vault and only `audit.read` holders see it). Handlers never
 * write audit entries themselves.
 */
import type { Company } from '../../../src-shared/companies';
import type { companiesContract } from '../../../src-shared/ipc/companies';
import {
  createCompany,
  deleteCompany,
  getCompany,
  listCompanies,
  reassignCompany,
  restoreCompany,
  updateCompany,
} from '../../crm/companies';
import { listContacts } from '../../crm/contacts';
import { requireSession, type Handlers } from '../../ipc';
import {
  entityAudit,
  reachOf,
  requireVault,
  viewerOf,
  viewerWith,
  type RecordHandlerDeps,
} from './kit';

/** What the company handlers need from the app: the session's vault and a clock. */
export type CompaniesHandlerDeps = RecordHandlerDeps;

/** The audit entity type of companies. */
export const COMPANY_ENTITY = 'company';

/**
 * The fields compared for the audit log (derived and bookkeeping fields left out); imports write
 * their records' entries with the same view (src-main/app/import-audit.ts).
 */
export function companyAuditView(c: Company): Record<string, unknown> {
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

  const vault = () => requireVault(deps);
  const db = () => vault().db;
  const { target, record } = entityAudit(COMPANY_ENTITY, companyAuditView);

  return {
    // Deleted companies are listed only to those who may restore them (declared `also`).
    list: async (ctx, input) => listCompanies(db(), viewerOf(ctx), input),
    get: async (ctx, input) =>
      getCompany(db(), viewerOf(ctx), input.id, { includeDeleted: input.includeDeleted === true }),
    contacts: async (ctx, input) => {
      // The company must be in the caller's companies scope (a deleted one still lists its contacts).
      await getCompany(db(), viewerOf(ctx), input.id, { includeDeleted: true });
      // Its contacts as far as the caller's own contacts.read reaches (none without it).
      const contactViewer = reachOf(ctx, ctx.grants['contacts.read']);
      if (!contactViewer) return { items: [], nextCursor: null };
      return listContacts(vault().db, contactViewer, {
        sort: 'name',
        direction: 'asc',
        filter: { companyId: input.id },
        cursor: input.cursor,
        limit: input.limit,
      });
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
      // (A plain grant:) the companies one may bring back are those one's companies.read reaches.
      const restorer = viewerWith(ctx, ctx.grants['companies.read']);
      return record(ctx, await restoreCompany(db(), restorer, input.id, now()));
    },
    reassign: async (ctx, input) => {
      target(ctx, input.id);
      const change = await reassignCompany(db(), viewerOf(ctx), input.id, input.ownerId, now());
      return record(ctx, change);
    },
  };
}
