/**
 * What the deals section shows: the board or the list of a pipeline, one deal's page, or the form.
 * A store rather than the screen's own state so that other screens (the Ctrl+K search, "My tasks")
 * can open a deal's page. Created with `createResettableStore`: a lock or sign-out wipes it, and the
 * next session starts on the board.
 */
import type { CustomFilterCondition } from '../../../src-shared/custom-fields';
import type {
  Currency,
  Deal,
  DealSort,
  DealSummary,
  StageOutcome,
} from '../../../src-shared/deals';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { Result } from '../../../src-shared/ipc/contract';
import {
  ANY_CREATED,
  createdRange,
  type CreatedFilter,
} from '../../components/records/created-range';
import { createPagedList, PAGE_SIZE } from '../../components/records/paged-list';
import { useNavigationStore } from '../../stores/navigation';
import { createResettableStore } from '../../stores/registry';

/** The page the deals section shows. */
export type DealsView =
  | { kind: 'board' }
  | { kind: 'list' }
  | { kind: 'detail'; id: string }
  | { kind: 'new' }
  | { kind: 'import' }
  | { kind: 'edit'; deal: Deal };

/** Where "back" from a deal's page leads. */
export type DealsHome = 'board' | 'list';

/** The deals section's state. */
export interface DealsState {
  view: DealsView;
  home: DealsHome;
  /** The pipeline whose board or list is shown; null until the pipelines are loaded. */
  pipelineId: string | null;
  /**
   * The deal on the open deal's page. Leaving that page forgets it, so each opening asks main
   * afresh (the board or the list may have moved the deal meanwhile).
   */
  current: Deal | null;
  show: (view: DealsView) => void;
  /** Shows the board or the list and makes it the place "back" returns to. */
  goHome: (home: DealsHome) => void;
  selectPipeline: (id: string | null) => void;
  /**
   * Filters the list starts with once (a dashboard chart's stage or a person), taken by the list
   * when it shows; null: the list starts unfiltered.
   */
  preset: DealsPreset | null;
}

/** What a click-through from elsewhere (the dashboard) opens the deal list with. */
export interface DealsPreset {
  stageId?: string;
  ownerId?: string;
  /** The won/lost chart: deals of this outcome closed in these days, in every pipeline. */
  outcome?: StageOutcome;
  closed?: CreatedFilter;
  allPipelines?: boolean;
}

/** The deals section's store. */
export const useDealsStore = createResettableStore<DealsState>(set => ({
  view: { kind: 'board' },
  home: 'board',
  pipelineId: null,
  current: null,
  preset: null,
  show: view =>
    set(state => ({
      view,
      current: view.kind === 'detail' && view.id === state.current?.id ? state.current : null,
    })),
  goHome: home => set({ home, view: { kind: home }, current: null }),
  selectPipeline: pipelineId => set({ pipelineId }),
}));

/** Opens deal `id`'s page from anywhere in the app (search, "My tasks", a timeline). */
export function openDeal(id: string): void {
  useDealsStore.getState().show({ kind: 'detail', id });
  useNavigationStore.getState().select('deals');
}

/**
 * Opens the deal list of `pipelineId` from anywhere (a dashboard chart), filtered by `preset`: the
 * records behind a figure, still within the reader's scope (main applies it to every list call).
 */
export function openDealList(pipelineId: string, preset: DealsPreset): void {
  useDealsStore.setState({
    pipelineId,
    preset,
    home: 'list',
    view: { kind: 'list' },
    current: null,
  });
  useNavigationStore.getState().select('deals');
}

/** The preset the list starts with (read in state initializers, so it must not change there). */
export function dealsPreset(): DealsPreset {
  return useDealsStore.getState().preset ?? {};
}

/** Forgets the preset once the list has taken it: a later showing starts unfiltered. */
export function forgetDealsPreset(): void {
  useDealsStore.setState({ preset: null });
}

/** Fetches deal `id` for its page; the answer is kept only while that page still shows. */
export async function loadDeal(api: ZamokApi, id: string): Promise<Result<Deal>> {
  const result = await api.deals.get({ id });
  const { view } = useDealsStore.getState();
  if (result.ok && view.kind === 'detail' && view.id === id) rememberDeal(result.value);
  return result;
}

/** Keeps the deal as saved (moved, handed over) on its page. */
export function rememberDeal(deal: Deal): void {
  useDealsStore.setState({ current: deal });
}

/** What the deal list asks for: its own filters (kept by the list while it shows) and order. */
export interface DealQuery {
  /** The shown pipeline; '' = every pipeline. */
  pipelineId: string;
  text: string;
  stageId: string | null;
  currency: Currency | null;
  /** Only the signed-in user's deals (`ownerId`). */
  ownerId: string | null;
  /** Custom field conditions (components/records/CustomFieldFilter.tsx). */
  custom: CustomFilterCondition[];
  /** Date created: a period relative to today or custom days. */
  created: CreatedFilter;
  /** Amount bounds in minor units (inclusive); undefined = open. */
  amountMin?: number | undefined;
  amountMax?: number | undefined;
  /** Stage outcome and date closed (the dashboard's won/lost months). */
  outcome?: StageOutcome | null | undefined;
  closed?: CreatedFilter | undefined;
  sort: DealSort;
}

/** The "date closed" filter as the instants main compares `closed_at` with. */
function closedRange(filter: CreatedFilter | undefined, now: Date) {
  if (filter === undefined) return {};
  const { createdFrom, createdBefore } = createdRange(filter, now);
  return {
    ...(createdFrom ? { closedFrom: createdFrom } : {}),
    ...(createdBefore ? { closedBefore: createdBefore } : {}),
  };
}

/** The deal list's loaded pages: a paged record list (components/records). */
export const dealsList = createPagedList<DealSummary, DealQuery, Deal>({
  initialQuery: {
    pipelineId: '',
    text: '',
    stageId: null,
    currency: null,
    ownerId: null,
    custom: [],
    created: ANY_CREATED,
    sort: 'updated',
  },
  keepRowsOnError: true,
  fetchPage: (api, query, cursor) =>
    api.deals.list({
      sort: query.sort,
      direction: query.sort === 'title' ? 'asc' : 'desc',
      filter: {
        ...(query.pipelineId ? { pipelineId: query.pipelineId } : {}),
        ...(query.text ? { text: query.text } : {}),
        ...(query.stageId ? { stageId: query.stageId } : {}),
        ...(query.currency ? { currency: query.currency } : {}),
        ...(query.ownerId ? { ownerId: query.ownerId } : {}),
        ...(query.custom.length > 0 ? { custom: query.custom } : {}),
        ...createdRange(query.created, new Date()),
        ...(query.amountMin !== undefined ? { amountMin: query.amountMin } : {}),
        ...(query.amountMax !== undefined ? { amountMax: query.amountMax } : {}),
        ...(query.outcome ? { outcome: query.outcome } : {}),
        ...closedRange(query.closed, new Date()),
      },
      limit: PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    }),
});
