/**
 * Which navigation sections a role can use. Hiding is a courtesy: the main process refuses every call
 * the role lacks, whatever the renderer shows. Kept apart from ./sections.tsx (which imports every
 * screen) so a screen can ask without importing the screens.
 */
import type { Grants, Permission } from '../../src-shared/permissions';
import { grantOf } from '../../src-shared/roles';
import { SECTIONS, type Section } from '../stores/navigation';

/** The permission a section needs to appear in the navigation. */
const SECTION_NEEDS: Readonly<Record<Section, Permission>> = {
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
};

/** The sections the user's grants allow, in navigation order. */
export function visibleSections(grants: Grants): Section[] {
  return SECTIONS.filter(
    section =>
      grantOf(grants, SECTION_NEEDS[section]) !== undefined ||
      (section === 'reports' && grantOf(grants, 'reports.regulation') !== undefined),
  );
}
