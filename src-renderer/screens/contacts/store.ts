/**
 * Everything the contacts screens hold about clients: the loaded list pages, the open contact and
 * the colleagues list. A paged record list (components/records), so a lock or sign-out wipes it.
 */
import type { Contact, ContactSummary } from '../../../src-shared/contacts';
import type { CustomFilterCondition } from '../../../src-shared/custom-fields';
import type { UserSummary } from '../../../src-shared/ipc/users';
import {
  createPagedList,
  listInput,
  type BaseQuery,
  type RecordView,
} from '../../components/records/paged-list';
import {
  ANY_CREATED,
  createdRange,
  type CreatedFilter,
} from '../../components/records/created-range';

export { LIST_SORTS, SORT_DIRECTION } from '../../components/records/paged-list';

/** Which contacts screen is showing. */
export type ContactsView = RecordView;

/** What the list asks the main process for. */
export interface ContactQuery extends BaseQuery {
  tag: string;
  ownerId: string;
  /** Custom field conditions (components/records/CustomFieldFilter.tsx). */
  custom: CustomFilterCondition[];
  /** The contact's source ("OLX"); '' = any. */
  source: string;
  /** Date created: a period relative to today or a custom range of days. */
  created: CreatedFilter;
  /** Linked to this company ('' = any) and its name for the picker. */
  companyId: string;
  companyName: string;
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
  source: '',
  created: ANY_CREATED,
  companyId: '',
  companyName: '',
  includeDeleted: false,
  custom: [],
};

/** True when the query narrows the list beyond the scope (an empty answer offers "Reset"). */
export function isFiltered(query: ContactQuery): boolean {
  return (
    query.text !== '' ||
    query.tag !== '' ||
    query.ownerId !== '' ||
    query.source.trim() !== '' ||
    query.created.period !== 'any' ||
    query.companyId !== '' ||
    query.custom.length > 0 ||
    query.includeDeleted
  );
}

/** The contacts list: its store and loaders. Data-changing work lives in ./actions.ts. */
export const contactsList = createPagedList<
  ContactSummary,
  ContactQuery,
  Contact,
  {
    /**
     * Colleagues: every account (users.list) for roles with `users.read`, else the active
     * colleagues' names (users.colleagues) for sharing; null = not loaded.
     */
    users: ColleagueEntry[] | null;
  }
>({
  initialQuery: INITIAL_QUERY,
  extra: { users: null },
  fetchPage: (api, query, cursor) => {
    const input = listInput(query, viewFilterOf(query), cursor);
    const custom = query.custom.length > 0 ? { custom: query.custom } : {};
    return api.contacts.list({ ...input, filter: { ...input.filter, ...custom } });
  },
});

/** The list's narrowing filters apart from the text and deleted rows. */
function viewFilterOf(query: ContactQuery) {
  const tag = query.tag.trim();
  const source = query.source.trim();
  return {
    ...(tag ? { tag } : {}),
    ...(query.ownerId ? { ownerId: query.ownerId } : {}),
    ...(source ? { source } : {}),
    ...(query.companyId ? { companyId: query.companyId } : {}),
    ...createdRange(query.created, new Date()),
  };
}

/** What the list shows, as an export filter (live contacts only: exports never hold deleted ones). */
export function exportFilterOf(query: ContactQuery) {
  const text = query.text.trim();
  return {
    ...(text ? { text } : {}),
    ...viewFilterOf(query),
    ...(query.custom.length > 0 ? { custom: query.custom } : {}),
  };
}

/** The contacts store. */
export const useContactsStore = contactsList.useStore;
