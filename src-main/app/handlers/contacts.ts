/**
 * Handlers of the `contacts` channels. The router has checked the permission and hands over its
 * grant; the scope of that grant becomes the repository's `Viewer`, so it lands in the SQL. Every
 * change fills `ctx.audit` (entity, field-level before/after of all contact fields: the audit log
 * lives inside the encrypted vault and only `audit.read` holders see it — the owner must be able to
 * tell who changed a phone number and when). Handlers never write audit entries themselves.
 */
import type { Contact } from '../../../src-shared/contacts';
import {
  SEE_DELETED_CONTACTS,
  type ExportFormat,
  type contactsContract,
} from '../../../src-shared/ipc/contacts';
import {
  contactFields,
  createContact,
  deleteContact,
  getContact,
  listContacts,
  reassignContact,
  restoreContact,
  shareContact,
  unshareContact,
  updateContact,
  type Viewer,
} from '../../crm/contacts';
import { exportContacts, isExportAll } from '../../crm/contacts/export';
import { consumeExportRequest, requesterView, type StoredSelection } from '../../guard/approvals';
import { CallFailure, requireSession, type Handlers, type HandlerContext } from '../../ipc';
import {
  entityAudit,
  requireVault,
  target as targetEntity,
  viewerOf as scopedViewerOf,
  viewerWith,
  type RecordHandlerDeps,
} from './kit';

/** What the contact handlers need from the app: the session's vault and a clock. */
export type ContactsHandlerDeps = RecordHandlerDeps;

/** The audit entity type of contacts. */
export const CONTACT_ENTITY = 'contact';
/** The audit entity type of exports waiting for approval. */
export const EXPORT_REQUEST_ENTITY = 'export_request';

/**
 * The fields compared for the audit log (derived and bookkeeping fields left out); imports write
 * their records' entries with the same view (src-main/app/import-audit.ts).
 */
export function contactAuditView(c: Contact): Record<string, unknown> {
  return {
    ...contactFields(c),
    companyId: c.companyId,
    ownerId: c.ownerId,
    sharedWith: c.sharedWith.map(s => s.userId),
    deletedAt: c.deletedAt,
  };
}

/** The `contacts` feature's handlers for the router. */
export function contactsHandlers(
  deps: ContactsHandlerDeps,
): Handlers<{ contacts: typeof contactsContract }>['contacts'] {
  const now = deps.now ?? (() => new Date());

  const vault = () => requireVault(deps);
  const db = () => vault().db;
  const { target, record } = entityAudit(CONTACT_ENTITY, contactAuditView);

  /**
   * The caller and the scope of the channel's grant (fail closed), with their `companies.read`
   * scope: which company a contact may be linked to and shows.
   */
  function viewerOf(ctx: HandlerContext<'companies.read'>): Viewer {
    return { ...scopedViewerOf(ctx), companyScope: ctx.grants['companies.read'] };
  }

  /**
   * An approved request's stored selection, checked again as it runs: deleted contacts still need
   * `contacts.restore` (the channel's own input was checked by the router when it was asked for).
   */
  function storedSelection(
    ctx: HandlerContext<'contacts.restore'>,
    s: StoredSelection,
  ): StoredSelection {
    if (s.filter?.includeDeleted === true && ctx.grants['contacts.restore'] === undefined) {
      throw new CallFailure('forbidden', SEE_DELETED_CONTACTS.message);
    }
    return s;
  }

  /**
   * An export or an approved request's run: the audit entry carries count, format and whether it
   * was "everything in scope" — never the contents.
   */
  async function runExport(
    ctx: HandlerContext<'companies.read'>,
    selection: StoredSelection,
    format: ExportFormat,
  ) {
    const file = await exportContacts(db(), viewerOf(ctx), selection, {
      format,
      locale: selection.locale,
      now: now(),
    });
    ctx.audit.details = {
      ...ctx.audit.details,
      count: file.count,
      format,
      all: isExportAll(selection),
      ...(selection.purposeId !== undefined ? { purposeId: selection.purposeId } : {}),
    };
    return { status: 'done' as const, ...file };
  }

  /** The caller's own request (`not_found` otherwise; `forbidden` + reason when refused/used/expired). */
  function ownRequest(ctx: HandlerContext, requestId: string) {
    targetEntity(ctx, EXPORT_REQUEST_ENTITY, requestId);
    const open = vault();
    return {
      vault: open,
      ...requesterView(open.sqlite, requestId, requireSession(ctx).userId, now()),
    };
  }

  return {
    list: async (ctx, input) => listContacts(db(), viewerOf(ctx), input),
    get: async (ctx, input) =>
      getContact(db(), viewerOf(ctx), input.id, { includeDeleted: input.includeDeleted === true }),
    create: async (ctx, input) => {
      const session = requireSession(ctx);
      const actor = { ...session, companyScope: ctx.grants['companies.read'] };
      return record(ctx, await createContact(db(), actor, input.contact, now()));
    },
    update: async (ctx, input) => {
      target(ctx, input.id);
      const change = await updateContact(
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
      const after = record(ctx, await deleteContact(db(), viewerOf(ctx), input.id, now()));
      return { id: after.id, deletedAt: after.deletedAt ?? '' };
    },
    restore: async (ctx, input) => {
      target(ctx, input.id);
      // (A plain grant:) the contacts one may bring back are those one's contacts.read reaches.
      const reach = viewerWith(ctx, ctx.grants['contacts.read']);
      const restorer = { ...reach, companyScope: ctx.grants['companies.read'] };
      return record(ctx, await restoreContact(db(), restorer, input.id, now()));
    },
    reassign: async (ctx, input) => {
      target(ctx, input.id);
      const change = await reassignContact(db(), viewerOf(ctx), input.id, input.ownerId, now());
      return record(ctx, change);
    },
    share: async (ctx, input) => {
      target(ctx, input.id);
      ctx.audit.details = { userId: input.userId };
      record(ctx, await shareContact(db(), viewerOf(ctx), input.id, input.userId, now()));
      return { id: input.id, userId: input.userId, shared: true };
    },
    unshare: async (ctx, input) => {
      target(ctx, input.id);
      ctx.audit.details = { userId: input.userId };
      record(ctx, await unshareContact(db(), viewerOf(ctx), input.id, input.userId));
      return { id: input.id, userId: input.userId, shared: false };
    },
    // The export limits (pre-count, approval requests) are the router's wrapper's (exportLimit).
    export: async (ctx, input) => {
      const selection: StoredSelection = { locale: input.locale };
      if (input.filter) selection.filter = input.filter;
      if (input.ids) selection.ids = input.ids;
      if (input.purposeId) selection.purposeId = input.purposeId;
      // Deleted contacts in the filter need contacts.restore: the router checked it (`also`).
      return runExport(ctx, selection, input.format);
    },
    exportStatus: async (ctx, input) => {
      const { request, state } = ownRequest(ctx, input.requestId);
      return { requestId: request.id, status: state, count: request.count };
    },
    exportRequest: async (ctx, input) => {
      const { vault: open, request, state } = ownRequest(ctx, input.requestId);
      if (state === 'pending') {
        ctx.audit.details = { requestId: request.id, waiting: true };
        return { status: 'pending', requestId: request.id, count: request.count };
      }
      // Single use: consumed in the same transaction as the export and its audit entry.
      consumeExportRequest(open.sqlite, request.id, now());
      ctx.audit.details = { requestId: request.id, approvedCount: request.count };
      const format = request.format === 'vcard' ? 'vcard' : 'csv';
      return runExport(ctx, storedSelection(ctx, request.selection), format);
    },
  };
}
