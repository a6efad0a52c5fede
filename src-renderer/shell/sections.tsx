/**
 * Which screen each navigation section shows (which sections a role can use: ./section-access.ts).
 */
import type { ReactElement } from 'react';
import { lazyScreen, ScreenSuspense } from '../app/lazy-screen';
import type { Section } from '../stores/navigation';
import { ComingSoon } from './ComingSoon';

// Each section is its own chunk, loaded when first opened (the dashboard's charts, the documents'
// viewer, the admin screens and reports are not in the first screen's script).
const AuditScreen = lazyScreen(() => import('../screens/admin/AuditScreen'), 'AuditScreen');
const UsersScreen = lazyScreen(() => import('../screens/admin/UsersScreen'), 'UsersScreen');
const MyTasksScreen = lazyScreen(
  () => import('../screens/activities/MyTasksScreen'),
  'MyTasksScreen',
);
const BackupsScreen = lazyScreen(() => import('../screens/backups/BackupsScreen'), 'BackupsScreen');
const CompaniesScreen = lazyScreen(
  () => import('../screens/companies/CompaniesScreen'),
  'CompaniesScreen',
);
const DashboardScreen = lazyScreen(
  () => import('../screens/dashboard/DashboardScreen'),
  'DashboardScreen',
);
const ContactsScreen = lazyScreen(
  () => import('../screens/contacts/ContactsScreen'),
  'ContactsScreen',
);
const DealsScreen = lazyScreen(() => import('../screens/deals/DealsScreen'), 'DealsScreen');
const ReportsScreen = lazyScreen(() => import('../screens/reports/ReportsScreen'), 'ReportsScreen');
const OfficeScreen = lazyScreen(() => import('../screens/office/OfficeScreen'), 'OfficeScreen');
const PrivacyScreen = lazyScreen(() => import('../screens/privacy/PrivacyScreen'), 'PrivacyScreen');
const SecurityScreen = lazyScreen(
  () => import('../screens/security/SecurityScreen'),
  'SecurityScreen',
);

/** The screen of a section (a loading line while its chunk arrives). */
export function SectionScreen({ section }: { section: Section }): ReactElement {
  return (
    <ScreenSuspense>
      <SectionContent section={section} />
    </ScreenSuspense>
  );
}

function SectionContent({ section }: { section: Section }): ReactElement {
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
    case 'privacy':
      return <PrivacyScreen />;
    case 'settings':
      return <SecurityScreen />;
    case 'office':
      return <OfficeScreen />;
    default:
      return <ComingSoon section={section} />;
  }
}
