/**
 * Which navigation sections a role can use. Hiding is a courtesy: the main process refuses every call
 * the role lacks, whatever the renderer shows. Kept apart from ./sections.tsx (which imports every
 * screen) so a screen can ask without importing the screens.
 */
import type { Grants, Permission } from '../../src-shared/permissions';
import { grantOf } from '../../src-shared/roles';
import { SECTIONS, type Section } from '../stores/navigation';

/** The permission a section needs to appear in the navigation. */
const SECTION_NEEDS: Readonly<Record<Section, Permission | 'session'>> = {
  contacts: 'contacts.read',
  companies: 'companies.read',
  deals: 'deals.read',
  activities: 'activities.read',
  dashboard: 'analytics.read',
  // Also shown with reports.regulation alone (administrator): see visibleSections.
  reports: 'reports.review',
  privacy: 'privacy.read',
  audit: 'audit.read',
  users: 'users.read',
  backups: 'backup.manage',
  settings: 'settings.manage',
  // Any signed-in user: the sync channels it calls need only a session.
  office: 'session',
};

/** Sections reachable by route (and links) but not listed in the sidebar. */
const NOT_IN_SIDEBAR: readonly Section[] = ['office'];

/** The sections the sidebar lists, from the visible ones. */
export function sidebarSections(visible: readonly Section[]): Section[] {
  return visible.filter(section => !NOT_IN_SIDEBAR.includes(section));
}

/** The sections the user's grants allow, in navigation order. */
export function visibleSections(grants: Grants): Section[] {
  return SECTIONS.filter(section => {
    const need = SECTION_NEEDS[section];
    return (
      need === 'session' ||
      grantOf(grants, need) !== undefined ||
      (section === 'reports' && grantOf(grants, 'reports.regulation') !== undefined)
    );
  });
}
