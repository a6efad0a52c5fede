/** The app shell's current section. Reset on lock, so unlocking starts from the first section. */
import { createResettableStore } from './registry';

/** The sections of the left navigation, in order. */
export const SECTIONS = [
  'contacts',
  'companies',
  'deals',
  'activities',
  // No 'documents' section: documents live on the contact, company and deal pages they belong to.
  'dashboard',
  'reports',
  'privacy',
  'audit',
  'users',
  'backups',
  'settings',
  // Office sync (conflicts): not in the sidebar; opened from the header's sync badge or `#/office/…`.
  'office',
] as const;
export type Section = (typeof SECTIONS)[number];

export interface NavigationState {
  section: Section;
  select: (section: Section) => void;
}

/** The navigation store. */
export const useNavigationStore = createResettableStore<NavigationState>(set => ({
  section: 'contacts',
  select: section => set({ section }),
}));
