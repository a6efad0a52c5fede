/**
 * A change counter for activities: the form bumps it after a save, and the timeline, "My tasks" and
 * the reminder poll reload when it moves. Also the tasks section's tab, and the person whose logged
 * activities it shows when the dashboard opened them (issue 18 point 2).
 */
import { createResettableStore } from '../../stores/registry';

/** One person's activities logged in [from, before) (`activities.logged`). */
export interface PersonActivities {
  ownerId: string;
  name: string;
  from: string;
  before: string;
}

/** The tasks section's tabs; `person` only while a person's activities are open. */
export type TasksTab = 'list' | 'calendar' | 'person';

interface ActivitiesState {
  version: number;
  bump(): void;
  tab: TasksTab;
  person: PersonActivities | null;
  setTab(tab: TasksTab): void;
  /** Shows `person`'s activities (the tab), or closes them (null: back to the list). */
  showPerson(person: PersonActivities | null): void;
}

/** The shared change counter, tab and person. */
export const useActivitiesStore = createResettableStore<ActivitiesState>(set => ({
  version: 0,
  bump: () => set(s => ({ version: s.version + 1 })),
  tab: 'list',
  person: null,
  setTab: tab => set({ tab }),
  showPerson: person => set({ person, tab: person ? 'person' : 'list' }),
}));
