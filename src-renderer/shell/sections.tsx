/**
 * Which screen each navigation section shows (which sections a role can use: ./section-access.ts).
 */
import type { ReactElement } from 'react';
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
import type { Section } from '../stores/navigation';
import { ComingSoon } from './ComingSoon';

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
