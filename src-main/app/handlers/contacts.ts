/**
 * Handlers of the `contacts` channels. The router has checked the permission and hands over its
 * grant; the scope of that grant becomes the repository's `Viewer`, so it lands in the SQL. Every
 * change fills `ctx.audit` (entity, field-level before/after of all contact fields: the audit log
 * lives inside the encrypted vault and only `audit.read` holders see it — the owner must be able to
 * tell who changed a phone number and when). Handlers never write audit entries themselves.
 */
import type { Contact } from '../../../src-shared/contacts';
import type { contactsContract } from '../../../src-shared/ipc/contacts';
import { grantOf } from '../../../src-shared/roles';
import { diffFields } from '../../audit';
import {
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
  type ContactsSchema,
  type Viewer,
} from '../../crm/contacts';
import { CallFailure, requireSession, type Handlers, type HandlerContext } from '../../ipc';
import type { Session } from '../../ipc';
import { withTables, type OpenVault } from '../../vault';

/** What the contact handlers need from the app. */
export interface ContactsHandlerDeps {
  /** The vault of the signed-in session (null or a throw when locked: answered `unauthenticated`). */
  openVault(): OpenVault | null;
  /** Clock for timestamps (tests). */
  now?: () => Date;
}

/** The audit entity type of contacts. */
export const CONTACT_ENTITY = 'contact';

/** The fields compared for the audit log (derived and bookkeeping fields left out). */
function auditView(c: Contact | null): Record<string, unknown> | null {
  if (c === null) return null;
  return {
    surname: c.surname,
    givenName: c.givenName,
    patronymic: c.patronymic,
    companyName: c.companyName,
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
    return withTables<ContactsSchema>(vault);
  }

  /** The caller and the scope of the channel's grant. No grant or no scope: refuse (fail closed). */
  function viewerOf(ctx: HandlerContext): Viewer {
    const session = requireSession(ctx);
    const scope = ctx.grant?.scope;
    if (!scope) throw new CallFailure('forbidden', 'Your role does not allow this.');
    return { userId: session.userId, teamId: session.teamId, scope };
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
      return record(ctx, await createContact(db(), session, input.contact, now()));
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
  };
}
