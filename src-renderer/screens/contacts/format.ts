/** Display helpers for contacts: names, phones, dates. Pure functions, no React. */
import type { Contact, ContactSummary } from '../../../src-shared/contacts';

export { formatDateTime, formatPhone } from '../../components/records/format';

/**
 * "Surname Given Patronymic", the Ukrainian official order. A lead saved without a name (a phone
 * or a company was enough) shows its company, else a dash.
 */
export function fullName(
  contact: Pick<ContactSummary, 'surname' | 'givenName' | 'patronymic'> & {
    companyName?: string | null;
  },
) {
  const name = [contact.surname, contact.givenName, contact.patronymic].filter(Boolean).join(' ');
  return name || contact.companyName || '—';
}

/**
 * The name of the person behind a user id on a contact: the owner and the signed-in user are known
 * without asking; others come from the users list when the role may read it.
 */
export function personName(
  userId: string,
  contact: Pick<Contact, 'ownerId' | 'ownerName' | 'sharedWith'>,
  known: ReadonlyMap<string, string>,
): string | null {
  if (userId === contact.ownerId) return contact.ownerName;
  const shared = contact.sharedWith.find(share => share.userId === userId);
  return shared?.displayName ?? known.get(userId) ?? null;
}
