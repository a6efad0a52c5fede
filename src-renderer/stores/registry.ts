/**
 * Every renderer store is created here so one call can wipe them all: a lock or sign-out must leave
 * no client data in memory that React could render again.
 */
import { create, type StateCreator, type StoreApi, type UseBoundStore } from 'zustand';

const resets = new Set<() => void>();

/**
 * Creates a zustand store and registers it for `resetAllStores()`. The reset puts back the exact
 * initial state (replace, not merge), so fields added later do not survive a lock.
 */
export function createResettableStore<T>(initializer: StateCreator<T>): UseBoundStore<StoreApi<T>> {
  const store = create<T>()(initializer);
  const initial = store.getInitialState();
  resets.add(() => store.setState(initial, true));
  return store;
}

/** Restores every registered store to its initial state (lock, sign-out, session lost). */
export function resetAllStores(): void {
  for (const reset of resets) reset();
}
