/** The app header: brand, who is signed in, language, Lock (Ctrl+L) and Sign out. */
import { Badge, Box, Button, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SignedInUser } from '../../src-shared/ipc/auth';
import { SyncBadge } from './SyncBadge';
import { BrandMark, PadlockIcon } from '../components/BrandMark';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { AlertBell } from '../screens/security/AlertBell';
import { GlobalSearch } from '../screens/search/GlobalSearch';
import { ariaKeys } from '../app/shortcuts';
import { useOfficeSettings } from '../app/office';

interface ShellHeaderProps {
  user: SignedInUser;
  onLock: () => void;
  onSignOut: () => void;
}

/** Header contents (inside Mantine's AppShell.Header). */
export function ShellHeader({ user, onLock, onSignOut }: ShellHeaderProps) {
  const { t } = useTranslation();
  const { officeName } = useOfficeSettings();
  return (
    <Group h="100%" px="md" py={8} justify="space-between" wrap="wrap" style={{ rowGap: 8 }}>
      <BrandMark officeName={officeName} />
      <Group gap="md" wrap="wrap" justify="flex-end" style={{ rowGap: 8 }}>
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
            // Below md (200% zoom) only the padlock shows; the name stays the button's name.
            aria-label={t('shell.lock')}
          >
            <Box component="span" visibleFrom="md">
              {t('shell.lock')}
            </Box>
          </Button>
        </Tooltip>
        <Button variant="subtle" color="gray" size="sm" onClick={onSignOut}>
          {t('shell.signOut')}
        </Button>
      </Group>
    </Group>
  );
}
