/**
 * The personal data section's open tab, and the request a link asked to show (the dashboard's
 * reminder card). Addressable as `#/privacy/<tab>` (shell/route-table.ts). Reset on lock.
 */
import { createResettableStore } from '../../stores/registry';

/** The section's tabs, in order. */
export const PRIVACY_TABS = ['register', 'requests', 'breaches'] as const;
export type PrivacyTab = (typeof PRIVACY_TABS)[number];

/** The tab store. */
export interface PrivacyViewState {
  tab: PrivacyTab;
  /** A request to point out in the requests tab (null: none). */
  requestId: string | null;
  show: (tab: PrivacyTab, requestId?: string | null) => void;
}

/** Which tab the section shows. */
export const usePrivacyView = createResettableStore<PrivacyViewState>(set => ({
  tab: 'register',
  requestId: null,
  show: (tab, requestId = null) => set({ tab, requestId }),
}));
