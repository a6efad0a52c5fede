/**
 * Which contact and company a deal may point at: only records the caller can read themselves, by
 * their own `contacts.read` / `companies.read` scope (checked in SQL through those features' own
 * scoped reads). Without that grant, or for a record out of scope or deleted, the answer is
 * `not_found` — the same as for an id that does not exist.
 */
import { type Viewer } from '../record/viewer';
import type { Database } from '../../vault/schema';
import { RecordError } from '../record/errors';
import type { Kysely } from 'kysely';
import { getCompany } from '../companies/repository';
import { getContact } from '../contacts/repository';

/** The caller's reach into the records a deal links to (undefined: no such grant). */
export interface LinkScopes {
  contacts?: Viewer | undefined;
  companies?: Viewer | undefined;
}

/** Whether the caller's `viewer` reads the record through `read` (no grant or a refusal: no). */
async function reaches(
  viewer: Viewer | undefined,
  read: (viewer: Viewer) => Promise<unknown>,
): Promise<boolean> {
  if (viewer === undefined) return false;
  return read(viewer).then(
    () => true,
    () => false,
  );
}

/** Throws `not_found` unless every newly set link is readable by the caller. */
export async function checkLinks(
  db: Kysely<Database>,
  scopes: LinkScopes,
  links: { contactId?: string | null | undefined; companyId?: string | null | undefined },
): Promise<void> {
  const { contactId, companyId } = links;
  if (contactId && !(await reaches(scopes.contacts, v => getContact(db, v, contactId)))) {
    throw new RecordError('not_found', 'contactId: no such contact.', { field: 'contactId' });
  }
  if (companyId && !(await reaches(scopes.companies, v => getCompany(db, v, companyId)))) {
    throw new RecordError('not_found', 'companyId: no such company.', { field: 'companyId' });
  }
}
