/**
 * Which navigation sections a role can use, and which screen each shows. Hiding is a courtesy: the
 * main process refuses every call the role lacks, whatever the renderer shows.
 */
import type { ReactElement } from 'react';
import type { Grants, Permission } from '../../src-shared/permissions';
import { grantOf } from '../../src-shared/roles';
import { AuditScreen } from '../screens/admin/AuditScreen';
import { UsersScreen } from '../screens/admin/UsersScreen';
import { MyTasksScreen } from '../screens/activities/MyTasksScreen';
import { BackupsScreen } from '../screens/backups/BackupsScreen';
import { CompaniesScreen } from '../screens/companies/CompaniesScreen';
import { DashboardScreen } from '../screens/dashboard/DashboardScreen';
import { ContactsScreen } from '../screens/contacts/ContactsScreen';
import { DealsScreen } from '../screens/deals/DealsScreen';
import { ReportsScreen } from '../screens/reports/ReportsScreen';
import { SecurityScreen } from '../screens/security/SecurityScreen';
import { SECTIONS, type Section } from '../stores/navigation';
import { ComingSoon } from './ComingSoon';

/** The permission a section needs to appear in the navigation. */
const SECTION_NEEDS: Readonly<Record<Section, Permission>> = {
  contacts: 'contacts.read',
  companies: 'companies.read',
  deals: 'deals.read',
  activities: 'activities.read',
  dashboard: 'analytics.read',
  // Also shown with reports.regulation alone (administrator): see visibleSections.
  reports: 'reports.review',
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

/** The screen of a section. */
export function SectionScreen({ section }: { section: Section }): ReactElement {
  switch (section) {
    case 'contacts':
      return <ContactsScreen />;
    case 'companies':
      return <CompaniesScreen />;
    case 'deals':
      return <DealsScreen />;
    case 'activities':
      return <MyTasksScreen />;
    case 'users':
      return <UsersScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'backups':
      return <BackupsScreen />;
    case 'dashboard':
      return <DashboardScreen />;
    case 'reports':
      return <ReportsScreen />;
    case 'settings':
      return <SecurityScreen />;
    default:
      return <ComingSoon section={section} />;
  }
}
