/**
 * Everything the contacts screens hold about clients: the loaded list pages, the open contact and
 * the colleagues list. Created with `createResettableStore`, so a lock or sign-out wipes it.
 */
import type {
  Contact,
  ContactSort,
  ContactSummary,
  SortDirection,
} from '../../../src-shared/contacts';
import type { CallError } from '../../../src-shared/ipc/contract';
import type { UserSummary } from '../../../src-shared/ipc/users';
import { createResettableStore } from '../../stores/registry';

/** Which contacts screen is showing. */
export type ContactsView =
  | { kind: 'list' }
  | { kind: 'detail'; id: string }
  | { kind: 'new' }
  | { kind: 'edit'; id: string };

/** The list's sort choices as the Select offers them (each with its natural direction). */
export const LIST_SORTS = ['name', 'updated', 'created'] as const satisfies readonly ContactSort[];

/** Name A→Z; changes and additions newest first. */
export const SORT_DIRECTION: Readonly<Record<ContactSort, SortDirection>> = {
  name: 'asc',
  updated: 'desc',
  created: 'desc',
};

/** What the list asks the main process for. */
export interface ContactQuery {
  text: string;
  sort: ContactSort;
  tag: string;
  ownerId: string;
  includeDeleted: boolean;
}

/** The list's loading state. */
export type ListStatus = 'idle' | 'loading' | 'loading-more' | 'ready' | 'error';

export interface ContactsState {
  view: ContactsView;
  query: ContactQuery;
  items: ContactSummary[];
  nextCursor: string | null;
  status: ListStatus;
  error: CallError | null;
  /** The query the shown items answer (null before the first load): no reload when it is the same. */
  loadedQuery: ContactQuery | null;
  /** Which opening of the section loaded the items (each opening shows fresh data). */
  loadedVisit: number;
  /** The request whose answer the list is waiting for; older answers are dropped. */
  activeRequest: number;
  /** The highlighted row (arrow keys, Enter). */
  selected: number;
  /** The contact on the detail or edit screen. */
  current: Contact | null;
  /**
   * Colleagues: every account (users.list) for roles with `users.read`, else the active colleagues'
   * names (users.colleagues) for sharing; null = not loaded.
   */
  users: ColleagueEntry[] | null;
  setView: (view: ContactsView) => void;
  setQuery: (patch: Partial<ContactQuery>) => void;
  select: (index: number) => void;
}

/** A colleague as the contacts screens use them (status unknown without `users.read` = active). */
export type ColleagueEntry = Pick<UserSummary, 'id' | 'displayName'> &
  Partial<Pick<UserSummary, 'status'>>;

/** An empty query: everything in scope, by name. */
export const INITIAL_QUERY: ContactQuery = {
  text: '',
  sort: 'name',
  tag: '',
  ownerId: '',
  includeDeleted: false,
};

/** The contacts store. Data-changing work lives in ./actions.ts. */
export const useContactsStore = createResettableStore<ContactsState>(set => ({
  view: { kind: 'list' },
  query: INITIAL_QUERY,
  items: [],
  nextCursor: null,
  status: 'idle',
  error: null,
  loadedQuery: null,
  loadedVisit: 0,
  activeRequest: 0,
  selected: 0,
  current: null,
  users: null,
  setView: view => set({ view }),
  setQuery: patch => set(state => ({ query: { ...state.query, ...patch } })),
  select: index =>
    set(state => ({ selected: Math.max(0, Math.min(index, state.items.length - 1)) })),
}));
