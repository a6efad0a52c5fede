/** Which office page is shown (`#/office/<page>`). Reset on lock. */
import { createResettableStore } from '../../stores/registry';

/** The office section's pages. */
export const OFFICE_PAGES = ['conflicts', 'settings', 'devices'] as const;
export type OfficePage = (typeof OFFICE_PAGES)[number];

/** The office view's state. */
export interface OfficeViewState {
  page: OfficePage;
  show: (page: OfficePage) => void;
}

/** The office view store. */
export const useOfficeView = createResettableStore<OfficeViewState>(set => ({
  page: 'conflicts',
  show: page => set({ page }),
}));
