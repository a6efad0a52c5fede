/**
 * Contact records: read one, create, edit (optimistic concurrency), soft delete, restore. Small
 * kysely functions, `db` first, clock injectable (`now`). Every statement that reads or writes a
 * contact carries the caller's scope in its WHERE (./scope.ts); a write is one transaction (the
 * shared writes: src-main/crm/record/changes.ts).
 * Mutations return `{ before, after }` so the caller can record field-level changes in the audit log.
 */
import { ownerNameSql } from '../record/owner-name';
import { type Viewer } from '../record/viewer';
import {
  applyPatch,
  edit,
  newRecordStamps,
  nextTime,
  restore,
  softDelete,
  type RecordAccess,
  recordCreated,
} from '../record/changes';
import type { Database } from '../../vault/schema';
import { RecordError, recordNotFound } from '../record/errors';
import { newRecordId } from '../record-id';
import type { Kysely } from 'kysely';
import type { Contact, ContactInput, ContactPatch } from '../../../src-shared/contacts';
import { contactTextOf, hasContactIdentity } from '../../../src-shared/contacts';
import { linkedCompany, requireLinkableCompany, type LinkingActor } from './company-link';
import { scopeCondition, type ScopeAccess } from './scope';
import { contactFields, fieldsToColumns, rowToContact } from './tables';

/** A change to one contact: the record before and after (before is null for a new contact). */
export interface ContactChange {
  before: Contact | null;
  after: Contact;
}

/** Options of {@link getContact}. */
export interface GetOptions {
  /** Also find a deleted contact (for holders of `contacts.restore` only: the caller checks). */
  includeDeleted?: boolean;
  /** `use` (default) lets shared contacts through in scope `own`; `manage` does not. */
  access?: ScopeAccess;
}

/**
 * The contact with this id if the viewer's scope reaches it (and it is not deleted, unless asked);
 * otherwise `not_found` — the same for a missing id, another manager's contact and a deleted one.
 */
export async function getContact(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  options: GetOptions = {},
): Promise<Contact> {
  const row = await db
    .selectFrom('contacts')
    .selectAll('contacts')
    .select(ownerNameSql('contacts'))
    .where('contacts.id', '=', id)
    .where(eb => scopeCondition(eb, viewer, options.access ?? 'use'))
    .$if(options.includeDeleted !== true, qb => qb.where('contacts.deleted_at', 'is', null))
    .executeTakeFirst();
  if (!row) throw recordNotFound('contact');
  const { owner_name: ownerName, ...contact } = row;
  const shares = await db
    .selectFrom('contact_shares')
    .innerJoin('users', 'users.id', 'contact_shares.user_id')
    .select(['contact_shares.user_id as userId', 'users.display_name as displayName'])
    .where('contact_shares.contact_id', '=', id)
    .orderBy('users.display_name')
    .orderBy('contact_shares.user_id')
    .execute();
  return rowToContact(
    contact,
    ownerName,
    shares,
    await linkedCompany(db, viewer, contact.company_id),
  );
}

/**
 * The same contact, read without a scope (after a write the caller was allowed to make). The linked
 * company shows as far as `companiesOf` (the writer) may read companies.
 */
export async function readContact(
  db: Kysely<Database>,
  id: string,
  companiesOf?: LinkingActor,
): Promise<Contact> {
  const viewer: Viewer = {
    userId: companiesOf?.userId ?? '',
    teamId: companiesOf?.teamId ?? null,
    scope: 'all',
    companyScope: companiesOf?.companyScope,
  };
  return getContact(db, viewer, id, { includeDeleted: true });
}

/** The stored columns of a new contact's fields (missing optional fields empty). */
export function contactInputColumns(input: ContactInput) {
  return fieldsToColumns({
    surname: input.surname,
    givenName: input.givenName,
    patronymic: input.patronymic ?? null,
    ...contactTextOf(input),
    companyId: input.companyId ?? null,
    phones: input.phones ?? [],
    emails: input.emails ?? [],
    messengers: input.messengers ?? {},
    tags: input.tags ?? [],
  });
}

/**
 * Adds a contact owned by the creator (or by `ownerId`, an active user the caller checked may
 * receive it: imports for a colleague). `input` is parsed by `contactInputSchema`. A company link
 * needs the creator's `companies.read` scope to reach a live company (else `not_found`).
 */
export async function createContact(
  db: Kysely<Database>,
  actor: { userId: string; teamId?: string | null; companyScope?: Viewer['companyScope'] },
  input: ContactInput,
  now: Date = new Date(),
  ownerId: string = actor.userId,
): Promise<ContactChange> {
  const linker: LinkingActor = {
    userId: actor.userId,
    teamId: actor.teamId ?? null,
    companyScope: actor.companyScope,
  };
  const at = nextTime(now);
  const id = newRecordId();
  const columns = contactInputColumns(input);
  return db.transaction().execute(async trx => {
    if (columns.company_id !== null) await requireLinkableCompany(trx, linker, columns.company_id);
    await trx
      .insertInto('contacts')
      .values({
        id,
        ...columns,
        ...newRecordStamps(actor.userId, at),
        owner_id: ownerId,
      })
      .execute();
    await recordCreated(trx, 'contacts', id);
    return { before: null, after: await readContact(trx, id, linker) };
  });
}

/** How the shared writes (crm/record) reach this contact as the viewer may touch it. */
export function contactAccess(
  viewer: Viewer,
  id: string,
  access: ScopeAccess = 'use',
): RecordAccess<Contact> {
  return {
    table: 'contacts',
    id,
    get: db => getContact(db, viewer, id, { access }),
    read: db => readContact(db, id, viewer),
  };
}

/**
 * Applies an edit if the contact is in scope and nobody saved it since the caller read it
 * (`expectedUpdatedAt` = the `updatedAt` the caller saw); otherwise `conflict` and nothing changes.
 */
export async function updateContact(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  patch: ContactPatch,
  expectedUpdatedAt: string,
  now: Date = new Date(),
): Promise<ContactChange> {
  const check = { expectedUpdatedAt, now, what: 'contact' };
  return edit(db, contactAccess(viewer, id), check, async (trx, before, at, unchanged) => {
    const fields = applyPatch(contactFields(before), patch);
    // The same rule as a new contact's schema: the edit may not leave nothing to know them by.
    if (!hasContactIdentity(fields)) {
      const mark = { field: 'patch.surname', code: 'contact.identity_required' };
      throw new RecordError('invalid_input', 'A contact needs a name, a phone or a company.', {
        fields: [mark.field],
        codes: [mark],
      });
    }
    // A new link must reach a company the editor may read; an unchanged one stays as it is.
    const companyId = fields.companyId ?? null;
    if (companyId !== null && companyId !== before.companyId)
      await requireLinkableCompany(trx, viewer, companyId);
    return trx
      .updateTable('contacts')
      .set({ ...fieldsToColumns(fields), updated_at: at, updated_by: viewer.userId })
      .where(unchanged)
      .executeTakeFirst();
  });
}

/** Soft delete: the contact disappears from lists and reads, and can be restored by the owner role. */
export async function deleteContact(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  now: Date = new Date(),
): Promise<ContactChange> {
  return softDelete(db, contactAccess(viewer, id, 'manage'), viewer.userId, now);
}

/**
 * Brings back a deleted contact the viewer's scope reaches as a manager (owned by them, their team
 * or anyone — a share does not let a colleague bring back a client: see ./scope.ts). The restore
 * grant (`contacts.restore`, checked by the router) is plain, so the handler passes the caller's
 * `contacts.read` scope. `not_found` for an unknown id or one out of scope, deleted or not;
 * `conflict` when a contact in scope is not deleted. Nothing is written then.
 */
export async function restoreContact(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  now: Date = new Date(),
): Promise<ContactChange> {
  const access: RecordAccess<Contact> = {
    table: 'contacts',
    id,
    get: trx => getContact(trx, viewer, id, { includeDeleted: true, access: 'manage' }),
    read: trx => readContact(trx, id, viewer),
  };
  return restore(db, access, viewer, now, 'This contact is not deleted.');
}
