/**
 * One paged record list as a resettable zustand store: the query (filters, order), the loaded SQL
 * pages (keyset cursor), the highlighted row, which page of the section shows and the open record.
 * Each load writes its answer only if it is still the answer the screen waits for (a newer search,
 * a lock or a sign-out make it stale). Contacts, companies and deals each make one with
 * {@link createPagedList}; what differs is the query and the channel that answers it.
 */
import type { ZamokApi } from '../../../src-shared/ipc';
import type { CallError, Result } from '../../../src-shared/ipc/contract';
import type { StoreApi, UseBoundStore } from 'zustand';
import { createResettableStore } from '../../stores/registry';

/** Which page of a record section is showing. */
export type RecordView =
  | { kind: 'list' }
  | { kind: 'detail'; id: string }
  | { kind: 'new' }
  | { kind: 'import' }
  | { kind: 'edit'; id: string };

/** The list's loading state. */
export type ListStatus = 'idle' | 'loading' | 'loading-more' | 'ready' | 'error';

/** One SQL page of a list channel. */
export interface ListPage<S> {
  items: S[];
  nextCursor: string | null;
}

/** A row of any record list: what the list itself needs to know. */
export interface RecordRow {
  id: string;
  /** Records without soft delete (deals) have none. */
  deletedAt?: string | null;
}

/** The state every paged list holds; `S` a row, `Q` the query, `R` the whole record. */
export interface PagedListState<S, Q, R> {
  view: RecordView;
  query: Q;
  items: S[];
  nextCursor: string | null;
  status: ListStatus;
  error: CallError | null;
  /** The query the shown items answer (null before the first load): no reload when it is the same. */
  loadedQuery: Q | null;
  /** Which opening of the section loaded the items (each opening shows fresh data). */
  loadedVisit: number;
  /** The request whose answer the list is waiting for; older answers are dropped. */
  activeRequest: number;
  /** The highlighted row (arrow keys, Enter). */
  selected: number;
  /** The record on the detail or edit page. */
  current: R | null;
  setView: (view: RecordView) => void;
  setQuery: (patch: Partial<Q>) => void;
  select: (index: number) => void;
}

/** What a record type tells {@link createPagedList}. */
export interface PagedListOptions<S, Q, E> {
  /** An empty query: what the list shows first and after "Reset filters". */
  initialQuery: Q;
  /** Asks main for one page of `query` (after `cursor` when given). */
  fetchPage: (api: ZamokApi, query: Q, cursor?: string) => Promise<Result<ListPage<S>>>;
  /** Extra state of this record type's store (e.g. the colleagues list), wiped with the rest. */
  extra?: E;
  /** The page the section opens on. */
  initialView?: RecordView;
  /** A failed first page keeps the rows already shown (the error shows above them). */
  keepRowsOnError?: boolean;
}

/** A paged list: its store and the calls that fill it. */
export interface PagedList<S extends RecordRow, Q, R extends RecordRow, E = object> {
  useStore: UseBoundStore<StoreApi<PagedListState<S, Q, R> & E>>;
  initialQuery: Q;
  /** Loads the first page for the current query, replacing the list. `visit`: see the state. */
  loadFirstPage: (api: ZamokApi, visit?: number) => Promise<void>;
  /** Appends the next page, if there is one and no load is running. */
  loadNextPage: (api: ZamokApi) => Promise<void>;
  /** After a failed next page: clears the error and asks for that page again. */
  retryNextPage: (api: ZamokApi) => Promise<void>;
  /**
   * Keeps the open record and its list row in step after a save, delete, restore or reassign (the
   * list is not reloaded: the user keeps their scroll position). A deleted record leaves the list
   * unless deleted ones are shown. With `reloadWhenMissing`, a live record the list does not hold
   * makes it load afresh when the user goes back.
   */
  remember: (record: R, summaryOf: (record: R) => S, reloadWhenMissing?: boolean) => void;
  /** Waits for one record (for the detail or edit page) and keeps it as the current one. */
  loadCurrent: (fetching: Promise<Result<R>>) => Promise<Result<R>>;
  /**
   * Counts openings of the section (a number, no client data, so it outlives a lock): each opening
   * reloads the list.
   */
  nextVisit: () => number;
}

/** Creates the store and loaders of one record type's paged list. */
export function createPagedList<
  S extends RecordRow,
  Q extends object,
  R extends RecordRow,
  E extends object = object,
>(options: PagedListOptions<S, Q, E>): PagedList<S, Q, R, E> {
  type State = PagedListState<S, Q, R> & E;
  const useStore = createResettableStore<State>(
    set =>
      ({
        view: options.initialView ?? { kind: 'list' },
        query: options.initialQuery,
        items: [],
        nextCursor: null,
        status: 'idle',
        error: null,
        loadedQuery: null,
        loadedVisit: 0,
        activeRequest: 0,
        selected: 0,
        current: null,
        ...options.extra,
        setView: (view: RecordView) => set({ view } as Partial<State>),
        setQuery: (patch: Partial<Q>) =>
          set(state => ({ query: { ...state.query, ...patch } }) as Partial<State>),
        select: (index: number) =>
          set(
            state =>
              ({
                selected: Math.max(0, Math.min(index, state.items.length - 1)),
              }) as Partial<State>,
          ),
      }) as State,
  );
  const patch = (next: Partial<PagedListState<S, Q, R>>) =>
    useStore.setState(next as Partial<State>);

  // Never reused (unlike the store, which a lock resets to 0): an answer from before a lock can
  // never match a request made after it.
  let requestSeq = 0;

  async function loadFirstPage(api: ZamokApi, visit?: number): Promise<void> {
    const request = ++requestSeq;
    const { query } = useStore.getState();
    patch({
      activeRequest: request,
      status: 'loading',
      error: null,
      loadedQuery: query,
      ...(visit === undefined ? {} : { loadedVisit: visit }),
    });
    const result = await options.fetchPage(api, query);
    if (useStore.getState().activeRequest !== request) return;
    if (!result.ok) {
      const cleared = options.keepRowsOnError ? {} : { items: [], nextCursor: null };
      patch({ status: 'error', error: result.error, ...cleared });
      return;
    }
    patch({
      status: 'ready',
      items: result.value.items,
      nextCursor: result.value.nextCursor,
      selected: 0,
    });
  }

  async function loadNextPage(api: ZamokApi): Promise<void> {
    const { query, nextCursor, status } = useStore.getState();
    if (!nextCursor || status !== 'ready') return;
    const request = ++requestSeq;
    patch({ activeRequest: request, status: 'loading-more', error: null });
    const result = await options.fetchPage(api, query, nextCursor);
    if (useStore.getState().activeRequest !== request) return;
    if (!result.ok) {
      // Keep what is shown; the error offers a retry of this page.
      patch({ status: 'error', error: result.error });
      return;
    }
    const items = [...useStore.getState().items, ...result.value.items];
    patch({ status: 'ready', items, nextCursor: result.value.nextCursor });
  }

  function retryNextPage(api: ZamokApi): Promise<void> {
    patch({ status: 'ready', error: null });
    return loadNextPage(api);
  }

  function remember(record: R, summaryOf: (record: R) => S, reloadWhenMissing = false): void {
    const state = useStore.getState();
    const index = state.items.findIndex(item => item.id === record.id);
    let items = state.items;
    if (index >= 0) {
      items = [...items];
      const showsDeleted = (state.query as { includeDeleted?: boolean }).includeDeleted === true;
      if (record.deletedAt && !showsDeleted) items.splice(index, 1);
      else items[index] = summaryOf(record);
    } else if (reloadWhenMissing && !record.deletedAt && state.loadedQuery !== null) {
      patch({ current: record, loadedQuery: null });
      return;
    }
    patch({ current: record, items });
  }

  async function loadCurrent(fetching: Promise<Result<R>>): Promise<Result<R>> {
    const result = await fetching;
    if (result.ok) patch({ current: result.value });
    return result;
  }

  let visits = 0;

  return {
    useStore,
    nextVisit: () => ++visits,
    initialQuery: options.initialQuery,
    loadFirstPage,
    loadNextPage,
    retryNextPage,
    remember,
    loadCurrent,
  };
}

/** One SQL page; the list asks for the next one as the user scrolls near the end. */
export const PAGE_SIZE = 50;

/** The sort choices of the contact and company lists, as the Select offers them. */
export const LIST_SORTS = ['name', 'updated', 'created'] as const;

/** Name A→Z; changes and additions newest first. */
export const SORT_DIRECTION = { name: 'asc', updated: 'desc', created: 'desc' } as const;

/** The text, order and "show deleted" every record list's query has. */
export interface BaseQuery {
  text: string;
  sort: (typeof LIST_SORTS)[number];
  includeDeleted: boolean;
}

/**
 * A list channel's input for `query`: its order, the trimmed search text, the record type's own
 * `filter` entries, "show deleted" when on, one page after `cursor`.
 */
export function listInput(query: BaseQuery, filter: Record<string, string>, cursor?: string) {
  const text = query.text.trim();
  return {
    sort: query.sort,
    direction: SORT_DIRECTION[query.sort],
    filter: {
      ...(text ? { text } : {}),
      ...filter,
      ...(query.includeDeleted ? { includeDeleted: true as const } : {}),
    },
    limit: PAGE_SIZE,
    ...(cursor ? { cursor } : {}),
  };
}

/** The fields every record's list row copies from the whole record. */
export function summaryBase<
  R extends RecordRow & {
    ownerId: string;
    ownerName: string;
    createdAt: string;
    updatedAt: string;
    deletedAt: string | null;
  },
>(record: R) {
  const { id, ownerId, ownerName, createdAt, updatedAt, deletedAt } = record;
  return { id, ownerId, ownerName, createdAt, updatedAt, deletedAt };
}
