/**
 * The owner's tools on the sync panel: a one-use code for a colleague's computer (`office.invite`)
 * and the way to the computers waiting for approval (`#/office/devices`).
 */
import { Alert, Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api';
import { useOfficeView } from './store';

/** Invite button, the code once made, and the link to approvals. */
export function InviteColleague({ when }: { when: (iso: string) => string }) {
  const { t } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [invite, setInvite] = useState<{ code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    setBusy(true);
    setError(null);
    const result = await api.office.invite({});
    setBusy(false);
    if (result.ok) setInvite(result.value);
    else setError(t(`errors.${result.error.code}`));
  };

  return (
    <Stack gap="sm">
      <Group>
        <Button variant="default" onClick={() => void create()} loading={busy}>
          {t('office.invite.button')}
        </Button>
        <Button variant="default" onClick={() => useOfficeView.getState().show('devices')}>
          {t('office.invite.waiting')}
        </Button>
      </Group>
      {invite ? (
        <Stack gap={4}>
          <Title order={3}>{t('office.invite.title')}</Title>
          <Text>{t('office.invite.text')}</Text>
          <Code block data-testid="office-invite-code" style={{ wordBreak: 'break-all' }}>
            {invite.code}
          </Code>
          <Text size="sm">{t('office.invite.expires', { when: when(invite.expiresAt) })}</Text>
        </Stack>
      ) : null}
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
    </Stack>
  );
}
