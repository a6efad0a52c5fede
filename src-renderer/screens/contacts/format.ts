/** Display helpers for contacts: names, phones, dates. Pure functions, no React. */
import { parsePhoneNumber } from 'libphonenumber-js/min';
import type { Contact, ContactSummary } from '../../../src-shared/contacts';

/** "Surname Given Patronymic", the Ukrainian official order. */
export function fullName(contact: Pick<ContactSummary, 'surname' | 'givenName' | 'patronymic'>) {
  return [contact.surname, contact.givenName, contact.patronymic].filter(Boolean).join(' ');
}

/**
 * A stored E.164 number as people read it: Ukrainian numbers nationally ("067 123 4567"),
 * foreign ones with their country code. Anything unparsable is shown as stored.
 */
export function formatPhone(e164: string): string {
  try {
    const phone = parsePhoneNumber(e164);
    return phone.countryCallingCode === '380'
      ? phone.formatNational()
      : phone.formatInternational();
  } catch {
    return e164;
  }
}

/** A stored timestamp as a local date and time in the interface language. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'uk' ? 'uk-UA' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
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
