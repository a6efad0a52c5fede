/**
 * Calls behind the contacts screens. Each writes its answer into the contacts store only if it is
 * still the answer the screen waits for (a newer search, a lock or a sign-out make it stale).
 */
import type { Contact, ContactSummary } from '../../../src-shared/contacts';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { Result } from '../../../src-shared/ipc/contract';
import { SORT_DIRECTION, useContactsStore, type ContactQuery } from './store';

/** One SQL page; the list asks for the next one as the user scrolls near the end. */
export const PAGE_SIZE = 50;

// Never reused (unlike the store, which a lock resets to 0): an answer from before a lock can
// never match a request made after it.
let requestSeq = 0;

function listInput(query: ContactQuery, cursor?: string) {
  const text = query.text.trim();
  const tag = query.tag.trim();
  return {
    sort: query.sort,
    direction: SORT_DIRECTION[query.sort],
    filter: {
      ...(text ? { text } : {}),
      ...(tag ? { tag } : {}),
      ...(query.ownerId ? { ownerId: query.ownerId } : {}),
      ...(query.includeDeleted ? { includeDeleted: true } : {}),
    },
    limit: PAGE_SIZE,
    ...(cursor ? { cursor } : {}),
  };
}

/** Loads the first page for the current query, replacing the list. `visit`: see the store. */
export async function loadFirstPage(api: ZamokApi, visit?: number): Promise<void> {
  const request = ++requestSeq;
  const { query } = useContactsStore.getState();
  useContactsStore.setState({
    activeRequest: request,
    status: 'loading',
    error: null,
    loadedQuery: query,
    ...(visit === undefined ? {} : { loadedVisit: visit }),
  });
  const result = await api.contacts.list(listInput(query));
  if (useContactsStore.getState().activeRequest !== request) return;
  if (!result.ok) {
    useContactsStore.setState({
      status: 'error',
      error: result.error,
      items: [],
      nextCursor: null,
    });
    return;
  }
  useContactsStore.setState({
    status: 'ready',
    items: result.value.items,
    nextCursor: result.value.nextCursor,
    selected: 0,
  });
}

/** Appends the next page, if there is one and no load is running. */
export async function loadNextPage(api: ZamokApi): Promise<void> {
  const { query, nextCursor, status } = useContactsStore.getState();
  if (!nextCursor || status !== 'ready') return;
  const request = ++requestSeq;
  useContactsStore.setState({ activeRequest: request, status: 'loading-more', error: null });
  const result = await api.contacts.list(listInput(query, nextCursor));
  if (useContactsStore.getState().activeRequest !== request) return;
  if (!result.ok) {
    // Keep what is shown; the error offers a retry of this page.
    useContactsStore.setState({ status: 'error', error: result.error });
    return;
  }
  useContactsStore.setState(state => ({
    status: 'ready',
    items: [...state.items, ...result.value.items],
    nextCursor: result.value.nextCursor,
  }));
}

/**
 * Colleagues for the owner filter, reassign and share: every account with `users.read`, else the
 * active colleagues' names (enough to share a contact with someone).
 */
export async function loadUsers(api: ZamokApi, readUsers = true): Promise<void> {
  const result = readUsers ? await api.users.list({}) : await api.users.colleagues({});
  if (result.ok) useContactsStore.setState({ users: result.value });
}

/** Fetches one contact for the detail or edit screen and keeps it as the current one. */
export async function loadContact(
  api: ZamokApi,
  id: string,
  includeDeleted: boolean,
): Promise<Result<Contact>> {
  const result = await api.contacts.get(includeDeleted ? { id, includeDeleted } : { id });
  if (result.ok) useContactsStore.setState({ current: result.value });
  return result;
}

function summaryOf(contact: Contact): ContactSummary {
  return {
    id: contact.id,
    ownerId: contact.ownerId,
    ownerName: contact.ownerName,
    surname: contact.surname,
    givenName: contact.givenName,
    patronymic: contact.patronymic,
    companyName: contact.companyName,
    phone: contact.phones[0]?.e164 ?? null,
    email: contact.emails[0] ?? null,
    tags: contact.tags,
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
    deletedAt: contact.deletedAt,
  };
}

/**
 * Keeps the open contact and its list row in step after a save, restore or reassign (the list is
 * not reloaded: the user keeps their scroll position). A deleted contact leaves the list unless
 * deleted ones are shown.
 */
export function rememberContact(contact: Contact): void {
  useContactsStore.setState(state => {
    const index = state.items.findIndex(item => item.id === contact.id);
    let items = state.items;
    if (index >= 0) {
      items = [...items];
      if (contact.deletedAt && !state.query.includeDeleted) items.splice(index, 1);
      else items[index] = summaryOf(contact);
    }
    return { current: contact, items };
  });
}
