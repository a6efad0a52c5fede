/**
 * The bulk selection of a record list (issue 18, point 6): the chosen ids, kept apart from the
 * highlighted row (arrows, Enter). Space or a click on a row's box toggles one row, Shift+click
 * chooses the range from the last toggled row, "select all on this page" chooses the loaded rows.
 * One store per list; wiped with every other store on lock and sign-out (ids only, no data).
 */
import type { StoreApi, UseBoundStore } from 'zustand';
import { createResettableStore } from '../../stores/registry';

/** The chosen rows of one list. */
export interface SelectionState {
  ids: ReadonlySet<string>;
  /** The row a Shift+click ranges from (the last toggled one). */
  anchor: string | null;
  /** Chooses or un-chooses one row and makes it the anchor. */
  toggle: (id: string) => void;
  /** Chooses every row between the anchor and `id` in `order` (the loaded rows); `id` alone without an anchor. */
  range: (id: string, order: readonly string[]) => void;
  /** Chooses exactly `ids` (e.g. every loaded row), or none with an empty list. */
  set: (ids: readonly string[]) => void;
}

/** A fresh selection store. */
export function createSelection(): UseBoundStore<StoreApi<SelectionState>> {
  return createResettableStore<SelectionState>(setState => ({
    ids: new Set<string>(),
    anchor: null,
    toggle: id =>
      setState(state => {
        const ids = new Set(state.ids);
        if (ids.has(id)) ids.delete(id);
        else ids.add(id);
        return { ids, anchor: id };
      }),
    range: (id, order) =>
      setState(state => {
        const from = state.anchor === null ? -1 : order.indexOf(state.anchor);
        const to = order.indexOf(id);
        if (from < 0 || to < 0) {
          const ids = new Set(state.ids).add(id);
          return { ids, anchor: id };
        }
        const ids = new Set(state.ids);
        for (const rowId of order.slice(Math.min(from, to), Math.max(from, to) + 1)) ids.add(rowId);
        return { ids, anchor: id };
      }),
    set: ids => setState({ ids: new Set(ids), anchor: null }),
  }));
}

const selections = new WeakMap<object, UseBoundStore<StoreApi<SelectionState>>>();

/** The selection store of `list` (made on first use; the lists live as long as the app). */
export function selectionOf(list: object): UseBoundStore<StoreApi<SelectionState>> {
  let store = selections.get(list);
  if (!store) {
    store = createSelection();
    selections.set(list, store);
  }
  return store;
}
