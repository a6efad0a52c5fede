/**
 * Calls behind the companies screens. Each writes its answer into the store only if it is still
 * the answer the screen waits for (a newer search, a lock or a sign-out make it stale).
 */
import type { Company, CompanySummary } from '../../../src-shared/companies';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { Result } from '../../../src-shared/ipc/contract';
import { useNavigationStore } from '../../stores/navigation';
import { SORT_DIRECTION, useCompaniesStore, type CompanyQuery } from './store';

/** One SQL page; the list asks for the next one as the user scrolls near the end. */
export const PAGE_SIZE = 50;

let requestSeq = 0;

function listInput(query: CompanyQuery, cursor?: string) {
  const text = query.text.trim();
  return {
    sort: query.sort,
    direction: SORT_DIRECTION[query.sort],
    filter: {
      ...(text ? { text } : {}),
      ...(query.includeDeleted ? { includeDeleted: true } : {}),
    },
    limit: PAGE_SIZE,
    ...(cursor ? { cursor } : {}),
  };
}

/** Loads the first page for the current query, replacing the list. */
export async function loadFirstPage(api: ZamokApi, visit?: number): Promise<void> {
  const request = ++requestSeq;
  const { query } = useCompaniesStore.getState();
  useCompaniesStore.setState({
    activeRequest: request,
    status: 'loading',
    error: null,
    loadedQuery: query,
    ...(visit === undefined ? {} : { loadedVisit: visit }),
  });
  const result = await api.companies.list(listInput(query));
  if (useCompaniesStore.getState().activeRequest !== request) return;
  if (!result.ok) {
    useCompaniesStore.setState({
      status: 'error',
      error: result.error,
      items: [],
      nextCursor: null,
    });
    return;
  }
  useCompaniesStore.setState({
    status: 'ready',
    items: result.value.items,
    nextCursor: result.value.nextCursor,
    selected: 0,
  });
}

/** Appends the next page, if there is one and no load is running. */
export async function loadNextPage(api: ZamokApi): Promise<void> {
  const { query, nextCursor, status } = useCompaniesStore.getState();
  if (!nextCursor || status !== 'ready') return;
  const request = ++requestSeq;
  useCompaniesStore.setState({ activeRequest: request, status: 'loading-more', error: null });
  const result = await api.companies.list(listInput(query, nextCursor));
  if (useCompaniesStore.getState().activeRequest !== request) return;
  if (!result.ok) {
    useCompaniesStore.setState({ status: 'error', error: result.error });
    return;
  }
  useCompaniesStore.setState(state => ({
    status: 'ready',
    items: [...state.items, ...result.value.items],
    nextCursor: result.value.nextCursor,
  }));
}

/** Fetches one company (deleted ones too: a contact's link may lead to one) as the current one. */
export async function loadCompany(api: ZamokApi, id: string): Promise<Result<Company>> {
  const result = await api.companies.get({ id, includeDeleted: true });
  if (result.ok) useCompaniesStore.setState({ current: result.value });
  return result;
}

function summaryOf(company: Company): CompanySummary {
  return {
    id: company.id,
    ownerId: company.ownerId,
    ownerName: company.ownerName,
    name: company.name,
    edrpou: company.edrpou,
    rnokpp: company.rnokpp,
    phone: company.phones[0]?.e164 ?? null,
    website: company.website,
    createdAt: company.createdAt,
    updatedAt: company.updatedAt,
    deletedAt: company.deletedAt,
  };
}

/**
 * Keeps the open company and its list row in step after a save, delete, restore or reassign (the
 * list keeps its scroll position). A deleted company leaves the list unless deleted ones are shown;
 * a restored one that the list no longer holds makes it load afresh when the user goes back.
 */
export function rememberCompany(company: Company): void {
  useCompaniesStore.setState(state => {
    const index = state.items.findIndex(item => item.id === company.id);
    let items = state.items;
    if (index >= 0) {
      items = [...items];
      if (company.deletedAt && !state.query.includeDeleted) items.splice(index, 1);
      else items[index] = summaryOf(company);
    } else if (!company.deletedAt && state.loadedQuery !== null) {
      return { current: company, loadedQuery: null };
    }
    return { current: company, items };
  });
}

/** Opens a company's page from elsewhere (a contact's link). */
export function openCompany(id: string): void {
  const state = useCompaniesStore.getState();
  useCompaniesStore.setState({
    view: { kind: 'detail', id },
    current: state.current?.id === id ? state.current : null,
  });
  useNavigationStore.getState().select('companies');
}
