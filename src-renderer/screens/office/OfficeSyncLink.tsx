/**
 * The way into office sync for a vault that does not sync yet: the header's sync badge shows only
 * once a vault has joined an office, so the settings' «Офіс» tab carries this card, which opens the
 * sync panel (`#/office/settings`) with its join form.
 */
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigationStore } from '../../stores/navigation';
import { useOfficeView } from './store';

/** A card naming office sync, with a button that opens the sync panel. */
export function OfficeSyncLink() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs" align="flex-start">
        <Title order={2} size="h4">
          {t('office.link.title')}
        </Title>
        <Text size="sm">{t('office.link.text')}</Text>
        <Button
          variant="light"
          onClick={() => {
            useOfficeView.getState().show('settings');
            useNavigationStore.getState().select('office');
          }}
        >
          {t('office.link.open')}
        </Button>
      </Stack>
    </Paper>
  );
}
