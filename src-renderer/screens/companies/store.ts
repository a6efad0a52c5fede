/**
 * What the companies screens hold: the loaded list pages, the open company and its people.
 * Created with `createResettableStore`, so a lock or sign-out wipes it.
 */
import type {
  Company,
  CompanySort,
  CompanySummary,
  SortDirection,
} from '../../../src-shared/companies';
import type { CallError } from '../../../src-shared/ipc/contract';
import { createResettableStore } from '../../stores/registry';

/** Which companies screen is showing. */
export type CompaniesView =
  | { kind: 'list' }
  | { kind: 'detail'; id: string }
  | { kind: 'new' }
  | { kind: 'edit'; id: string };

/** The list's sort choices (each with its natural direction). */
export const LIST_SORTS = ['name', 'updated', 'created'] as const satisfies readonly CompanySort[];

/** Name A→Z; changes and additions newest first. */
export const SORT_DIRECTION: Readonly<Record<CompanySort, SortDirection>> = {
  name: 'asc',
  updated: 'desc',
  created: 'desc',
};

/** What the list asks the main process for. */
export interface CompanyQuery {
  text: string;
  sort: CompanySort;
  /** Deleted companies too (restore holders only: main refuses others). */
  includeDeleted: boolean;
}

/** The list's loading state. */
export type ListStatus = 'idle' | 'loading' | 'loading-more' | 'ready' | 'error';

export interface CompaniesState {
  view: CompaniesView;
  query: CompanyQuery;
  items: CompanySummary[];
  nextCursor: string | null;
  status: ListStatus;
  error: CallError | null;
  /** The query the shown items answer (null before the first load). */
  loadedQuery: CompanyQuery | null;
  /** Which opening of the section loaded the items (each opening shows fresh data). */
  loadedVisit: number;
  /** The request whose answer the list is waiting for; older answers are dropped. */
  activeRequest: number;
  /** The highlighted row (arrow keys, Enter). */
  selected: number;
  /** The company on the detail or edit screen. */
  current: Company | null;
  setView: (view: CompaniesView) => void;
  setQuery: (patch: Partial<CompanyQuery>) => void;
  select: (index: number) => void;
}

/** An empty query: everything in scope, by name. */
export const INITIAL_QUERY: CompanyQuery = { text: '', sort: 'name', includeDeleted: false };

/** The companies store. Data-changing work lives in ./actions.ts. */
export const useCompaniesStore = createResettableStore<CompaniesState>(set => ({
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
  setView: view => set({ view }),
  setQuery: patch => set(state => ({ query: { ...state.query, ...patch } })),
  select: index =>
    set(state => ({ selected: Math.max(0, Math.min(index, state.items.length - 1)) })),
}));
