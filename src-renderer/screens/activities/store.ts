/**
 * A change counter for activities: the form bumps it after a save, and the timeline, "My tasks" and
 * the reminder poll reload when it moves.
 */
import { createResettableStore } from '../../stores/registry';

interface ActivitiesState {
  version: number;
  bump(): void;
}

/** The shared change counter. */
export const useActivitiesStore = createResettableStore<ActivitiesState>(set => ({
  version: 0,
  bump: () => set(s => ({ version: s.version + 1 })),
}));
