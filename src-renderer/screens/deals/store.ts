/**
 * What the deals section shows: the board or the list of a pipeline, one deal's page, or the form.
 * A store rather than the screen's own state so that other screens (the Ctrl+K search, "My tasks")
 * can open a deal's page. Created with `createResettableStore`: a lock or sign-out wipes it, and the
 * next session starts on the board.
 */
import type { Deal } from '../../../src-shared/deals';
import { useNavigationStore } from '../../stores/navigation';
import { createResettableStore } from '../../stores/registry';

/** The page the deals section shows. */
export type DealsView =
  | { kind: 'board' }
  | { kind: 'list' }
  | { kind: 'detail'; id: string }
  | { kind: 'new' }
  | { kind: 'edit'; deal: Deal };

/** Where "back" from a deal's page leads. */
export type DealsHome = 'board' | 'list';

/** The deals section's state. */
export interface DealsState {
  view: DealsView;
  home: DealsHome;
  /** The pipeline whose board or list is shown; null until the pipelines are loaded. */
  pipelineId: string | null;
  show: (view: DealsView) => void;
  /** Shows the board or the list and makes it the place "back" returns to. */
  goHome: (home: DealsHome) => void;
  selectPipeline: (id: string | null) => void;
}

/** The deals section's store. */
export const useDealsStore = createResettableStore<DealsState>(set => ({
  view: { kind: 'board' },
  home: 'board',
  pipelineId: null,
  show: view => set({ view }),
  goHome: home => set({ home, view: { kind: home } }),
  selectPipeline: pipelineId => set({ pipelineId }),
}));

/** Opens deal `id`'s page from anywhere in the app (search, "My tasks", a timeline). */
export function openDeal(id: string): void {
  useDealsStore.getState().show({ kind: 'detail', id });
  useNavigationStore.getState().select('deals');
}
