/**
 * Handlers of the `contacts` channels. The router has checked the permission and hands over its
 * grant; the scope of that grant becomes the repository's `Viewer`, so it lands in the SQL. Every
 * change fills `ctx.audit` (entity, field-level before/after of all contact fields: the audit log
 * lives inside the encrypted vault and only `audit.read` holders see it — the owner must be able to
 * tell who changed a phone number and when). Handlers never write audit entries themselves.
 */
import type { Contact } from '../../../src-shared/contacts';
import type { ExportFormat, contactsContract } from '../../../src-shared/ipc/contacts';
import { grantOf } from '../../../src-shared/roles';
import { diffFields } from '../../audit';
import {
  companyScopeOf,
  createContact,
  deleteContact,
  getContact,
  listContacts,
  reassignContact,
  restoreContact,
  shareContact,
  unshareContact,
  updateContact,
  type ContactChange,
  type Viewer,
} from '../../crm/contacts';
import {
  countExportRows,
  exportContacts,
  isExportAll,
  type ExportSelection,
} from '../../crm/contacts/export';
import {
  consumeExportRequest,
  createExportRequest,
  requesterView,
  type StoredSelection,
} from '../../guard/approvals';
import { readGuardSettings } from '../../guard/settings';
import { CallFailure, requireSession, type Handlers, type HandlerContext } from '../../ipc';
import type { Session } from '../../ipc';
import { type OpenVault } from '../../vault';

/** What the contact handlers need from the app. */
export interface ContactsHandlerDeps {
  /** The vault of the signed-in session (null or a throw when locked: answered `unauthenticated`). */
  openVault(): OpenVault | null;
  /** Clock for timestamps (tests). */
  now?: () => Date;
}

/** The audit entity type of contacts. */
export const CONTACT_ENTITY = 'contact';
/** The audit entity type of exports waiting for approval. */
export const EXPORT_REQUEST_ENTITY = 'export_request';

/** The fields compared for the audit log (derived and bookkeeping fields left out). */
function auditView(c: Contact | null): Record<string, unknown> | null {
  if (c === null) return null;
  return {
    surname: c.surname,
    givenName: c.givenName,
    patronymic: c.patronymic,
    companyName: c.companyName,
    companyId: c.companyId,
    address: c.address,
    source: c.source,
    notes: c.notes,
    phones: c.phones,
    emails: c.emails,
    messengers: c.messengers,
    tags: c.tags,
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

  function db() {
    const vault = deps.openVault();
    if (!vault) throw new CallFailure('unauthenticated', 'Please sign in first.');
    return vault.db;
  }

  /** The caller and the scope of the channel's grant. No grant or no scope: refuse (fail closed). */
  function viewerOf(ctx: HandlerContext): Viewer {
    const session = requireSession(ctx);
    const scope = ctx.grant?.scope;
    if (!scope) throw new CallFailure('forbidden', 'Your role does not allow this.');
    // The companies.read scope decides which company a contact may be linked to and shows.
    const companyScope = companyScopeOf(session.grants);
    return { userId: session.userId, teamId: session.teamId, scope, companyScope };
  }

  /** Deleted contacts are shown only to those who may restore them. */
  function requireRestore(session: Session, includeDeleted: boolean | undefined): void {
    if (includeDeleted === true && grantOf(session.grants, 'contacts.restore') !== true) {
      throw new CallFailure('forbidden', 'Your role does not allow seeing deleted contacts.');
    }
  }

  /** Names the contact in the audit entry up front, so refused attempts on an id are attributable. */
  function target(ctx: HandlerContext, id: string): void {
    ctx.audit.entityType = CONTACT_ENTITY;
    ctx.audit.entityId = id;
  }

  function record(ctx: HandlerContext, change: ContactChange): Contact {
    ctx.audit.entityType = CONTACT_ENTITY;
    ctx.audit.entityId = change.after.id;
    ctx.audit.changes = diffFields(auditView(change.before), auditView(change.after), {
      entityType: CONTACT_ENTITY,
    });
    return change.after;
  }

  /** The export's selection, checked like the list (deleted contacts need `contacts.restore`). */
  function selectionOf(ctx: HandlerContext, s: StoredSelection): ExportSelection {
    requireRestore(requireSession(ctx), s.filter?.includeDeleted === true);
    return s;
  }

  /**
   * An export or an approved request's run: the audit entry carries count, format and whether it
   * was "everything in scope" — never the contents.
   */
  async function runExport(ctx: HandlerContext, s: StoredSelection, format: ExportFormat) {
    const selection = selectionOf(ctx, s);
    const file = await exportContacts(db(), viewerOf(ctx), selection, {
      format,
      locale: s.locale,
      now: now(),
    });
    ctx.audit.details = {
      ...ctx.audit.details,
      count: file.count,
      format,
      all: isExportAll(selection),
    };
    return { status: 'done' as const, ...file };
  }

  /** The caller's own request (`not_found` otherwise; `forbidden` + reason when refused/used/expired). */
  function ownRequest(ctx: HandlerContext, requestId: string) {
    ctx.audit.entityType = EXPORT_REQUEST_ENTITY;
    ctx.audit.entityId = requestId;
    const vault = deps.openVault();
    if (!vault) throw new CallFailure('unauthenticated', 'Please sign in first.');
    return { vault, ...requesterView(vault.sqlite, requestId, requireSession(ctx).userId, now()) };
  }

  return {
    list: async (ctx, input) => {
      requireRestore(requireSession(ctx), input.filter.includeDeleted);
      return listContacts(db(), viewerOf(ctx), input);
    },
    get: async (ctx, input) => {
      requireRestore(requireSession(ctx), input.includeDeleted);
      return getContact(db(), viewerOf(ctx), input.id, {
        includeDeleted: input.includeDeleted === true,
      });
    },
    create: async (ctx, input) => {
      const session = requireSession(ctx);
      const actor = { ...session, companyScope: companyScopeOf(session.grants) };
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
      const session = requireSession(ctx);
      return record(ctx, await restoreContact(db(), session, input.id, now()));
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
    export: async (ctx, input) => {
      const session = requireSession(ctx);
      const stored: StoredSelection = { locale: input.locale };
      if (input.filter) stored.filter = input.filter;
      if (input.ids) stored.ids = input.ids;
      const selection = selectionOf(ctx, stored);
      const vault = deps.openVault();
      if (!vault) throw new CallFailure('unauthenticated', 'Please sign in first.');
      const above = readGuardSettings(vault.sqlite).exportApprovalAbove;
      // The owner (holder of exports.approve) is never made to wait for themself.
      if (above !== null && grantOf(session.grants, 'exports.approve') === undefined) {
        const count = await countExportRows(db(), viewerOf(ctx), selection);
        if (count > above) {
          const r = createExportRequest(
            vault.sqlite,
            { userId: session.userId, selection: stored, count, format: input.format },
            now(),
          );
          // `pending` makes the export_approval rule raise the owner's alert from this entry.
          ctx.audit.entityType = EXPORT_REQUEST_ENTITY;
          ctx.audit.entityId = r.id;
          ctx.audit.details = {
            count,
            format: input.format,
            all: isExportAll(selection),
            pending: true,
            requestId: r.id,
          };
          return { status: 'pending', requestId: r.id, count };
        }
      }
      return runExport(ctx, stored, input.format);
    },
    exportStatus: async (ctx, input) => {
      const { request, state } = ownRequest(ctx, input.requestId);
      return { requestId: request.id, status: state, count: request.count };
    },
    exportRequest: async (ctx, input) => {
      const { vault, request, state } = ownRequest(ctx, input.requestId);
      if (state === 'pending') {
        ctx.audit.details = { requestId: request.id, waiting: true };
        return { status: 'pending', requestId: request.id, count: request.count };
      }
      // Single use: consumed in the same transaction as the export and its audit entry.
      consumeExportRequest(vault.sqlite, request.id, now());
      ctx.audit.details = { requestId: request.id, approvedCount: request.count };
      const format = request.format === 'vcard' ? 'vcard' : 'csv';
      return runExport(ctx, request.selection, format);
    },
  };
}
