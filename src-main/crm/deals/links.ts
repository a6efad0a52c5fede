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

/** Throws `not_found` unless every newly set link is readable by the caller. */
export async function checkLinks(
  db: Kysely<Database>,
  scopes: LinkScopes,
  links: { contactId?: string | null | undefined; companyId?: string | null | undefined },
): Promise<void> {
  if (links.contactId) {
    const viewer = scopes.contacts;
    const ok =
      viewer !== undefined &&
      (await getContact(db, viewer, links.contactId).then(
        () => true,
        () => false,
      ));
    if (!ok)
      throw new RecordError('not_found', 'contactId: no such contact.', { field: 'contactId' });
  }
  if (links.companyId) {
    const viewer = scopes.companies;
    const ok =
      viewer !== undefined &&
      (await getCompany(db, viewer, links.companyId).then(
        () => true,
        () => false,
      ));
    if (!ok)
      throw new RecordError('not_found', 'companyId: no such company.', { field: 'companyId' });
  }
}
