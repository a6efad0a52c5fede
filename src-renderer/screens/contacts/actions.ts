/**
 * Calls behind the contacts screens beyond the list's own paging (./store.ts): colleagues, one
 * contact, and keeping the list in step after a change.
 */
import type { Contact, ContactSummary } from '../../../src-shared/contacts';
import type { ZamokApi } from '../../../src-shared/ipc';
import { summaryBase } from '../../components/records/paged-list';
import { contactsList, useContactsStore } from './store';

/**
 * Colleagues for the owner filter, reassign and share: every account with `users.read`, else the
 * active colleagues' names (enough to share a contact with someone).
 */
export async function loadUsers(api: ZamokApi, readUsers = true): Promise<void> {
  const result = readUsers ? await api.users.list({}) : await api.users.colleagues({});
  if (result.ok) useContactsStore.setState({ users: result.value });
}

/** Fetches one contact for the detail or edit screen and keeps it as the current one. */
export function loadContact(api: ZamokApi, id: string, includeDeleted: boolean) {
  return contactsList.loadCurrent(
    api.contacts.get(includeDeleted ? { id, includeDeleted } : { id }),
  );
}

function summaryOf(contact: Contact): ContactSummary {
  return {
    ...summaryBase(contact),
    surname: contact.surname,
    givenName: contact.givenName,
    patronymic: contact.patronymic,
    companyName: contact.companyName,
    phone: contact.phones[0]?.e164 ?? null,
    email: contact.emails[0] ?? null,
    tags: contact.tags,
  };
}

/**
 * Keeps the open contact and its list row in step after a save, restore or reassign (the list is
 * not reloaded: the user keeps their scroll position). A deleted contact leaves the list unless
 * deleted ones are shown.
 */
export function rememberContact(contact: Contact): void {
  contactsList.remember(contact, summaryOf);
}
