/**
 * The signed-in app: header, left navigation and the current section. Idle auto-lock, Ctrl+L and
 * the main-process session watch run only while this is mounted.
 */
import { AppShell as MantineAppShell } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../app/api';
import { lockSession, signOutSession } from '../app/session-actions';
import { IdleWarning } from '../idle/IdleWarning';
import { useIdleLock } from '../idle/useIdleLock';
import { useSessionWatch } from '../idle/useSessionWatch';
import { useNavigationStore } from '../stores/navigation';
import { useSessionStore } from '../stores/session';
import { ReminderToasts } from '../screens/activities/ReminderToasts';
import { sidebarSections, visibleSections } from './section-access';
import { SectionNav } from './SectionNav';
import { SectionScreen } from './sections';
import { ShellHeader } from './ShellHeader';
import { ShortcutSheet } from './ShortcutSheet';
import { useHashRoute } from './use-hash-route';
import { useShortcuts } from '../app/shortcuts';

/** The main window once signed in. */
export function AppShell() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useSessionStore(state => state.user);
  const section = useNavigationStore(state => state.section);
  const lock = () => void lockSession(api, 'manual');
  const [help, setHelp] = useState(false);

  const idle = useIdleLock();
  useSessionWatch();
  const sections = user ? visibleSections(user.grants) : [];
  useHashRoute(sections);
  // Ctrl+L (Cmd+L on macOS) locks from anywhere, including while typing in a field.
  useShortcuts([
    ['lock', lock],
    ['help', () => setHelp(true)],
  ]);

  if (!user) return null;
  // The remembered section may not be open to this role (e.g. contacts for an administrator).
  const current = sections.includes(section) ? section : sections[0];
  return (
    // Narrow windows (200% zoom, 1280×720): the navigation folds to icons and the header's
    // controls wrap onto a second row; the header is one row from Mantine's `lg` breakpoint.
    <MantineAppShell
      header={{ height: { base: 112, lg: 60 } }}
      navbar={{ width: { base: 64, md: 240 }, breakpoint: 0 }}
      padding={{ base: 'md', md: 'xl' }}
    >
      <MantineAppShell.Header>
        <ShellHeader user={user} onLock={lock} onSignOut={() => void signOutSession(api)} />
      </MantineAppShell.Header>
      <MantineAppShell.Navbar p="sm" component="nav" aria-label={t('shell.navigation')}>
        <SectionNav sections={sidebarSections(sections)} current={current} />
      </MantineAppShell.Navbar>
      <MantineAppShell.Main>
        {current ? <SectionScreen section={current} /> : null}
        <ReminderToasts />
        <ShortcutSheet opened={help} onClose={() => setHelp(false)} />
        <IdleWarning countdown={idle} />
      </MantineAppShell.Main>
    </MantineAppShell>
  );
}
