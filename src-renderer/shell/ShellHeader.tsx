/** The app header: brand, who is signed in, language, Lock (Ctrl+L) and Sign out. */
import { Badge, Button, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SignedInUser } from '../../src-shared/ipc/auth';
import { SyncBadge } from './SyncBadge';
import { BrandMark, PadlockIcon } from '../components/BrandMark';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { AlertBell } from '../screens/security/AlertBell';
import { GlobalSearch } from '../screens/search/GlobalSearch';
import { ariaKeys } from '../app/shortcuts';

interface ShellHeaderProps {
  user: SignedInUser;
  onLock: () => void;
  onSignOut: () => void;
}

/** Header contents (inside Mantine's AppShell.Header). */
export function ShellHeader({ user, onLock, onSignOut }: ShellHeaderProps) {
  const { t } = useTranslation();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <BrandMark />
      <Group gap="md" wrap="nowrap">
        <Group gap={8} wrap="nowrap" visibleFrom="sm" data-testid="signed-in-user">
          <Text size="sm" fw={500} aria-label={t('shell.signedInAs', { name: user.displayName })}>
            {user.displayName}
          </Text>
          <Badge variant="light" color="gray" size="sm">
            {t(`shell.roles.${user.role}`)}
          </Badge>
        </Group>
        <SyncBadge />
        <GlobalSearch />
        <AlertBell />
        <LanguageSwitch />
        <Tooltip label={t('shell.lockHint')} withArrow>
          <Button
            variant="default"
            size="sm"
            leftSection={<PadlockIcon size={16} />}
            onClick={onLock}
            aria-keyshortcuts={ariaKeys('lock')}
          >
            {t('shell.lock')}
          </Button>
        </Tooltip>
        <Button variant="subtle" color="gray" size="sm" onClick={onSignOut}>
          {t('shell.signOut')}
        </Button>
      </Group>
    </Group>
  );
}
