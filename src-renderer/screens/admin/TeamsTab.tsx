/**
 * The Teams tab: every team with its head and members; for `teams.manage` holders (owner,
 * administrator) create, rename, delete, add and remove members, choose the head. Main checks the
 * permission and writes the audit entry; this screen only offers what the role may do.
 */
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamSummary } from '../../../src-shared/ipc/teams';
import { useApi } from '../../app/api';
import { useGranted } from '../../app/grants';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadStatus } from '../../components/LoadStatus';
import { useActions } from '../../components/useAction';
import { useLoaded } from '../../components/useLoaded';
import { ConfirmModal } from './ConfirmModal';
import { TeamCard, type TeamAction } from './TeamCard';

/** The Teams tab. */
export function TeamsTab() {
  const { t } = useTranslation();
  const api = useApi();
  const canManage = useGranted('teams.manage');
  const teams = useLoaded(() => api.teams.list({}));
  const users = useLoaded(() => api.users.list({}));
  const actions = useActions<TeamAction | 'create'>();
  const [name, setName] = useState('');
  const [deleting, setDeleting] = useState<TeamSummary | null>(null);
  const reload = () => {
    teams.reload();
    users.reload();
  };
  const names = new Map((users.value ?? []).map(u => [u.id, u.displayName]));
  const active = (users.value ?? []).filter(u => u.status === 'active');

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={2} size="h3">
          {t('admin.teams.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={820}>
          {t('admin.teams.hint')}
        </Text>
      </Stack>
      {canManage ? (
        <form
          onSubmit={event => {
            event.preventDefault();
            void actions.run(
              'create',
              () => api.teams.create({ name }),
              () => {
                setName('');
                reload();
              },
            );
          }}
        >
          <Group align="flex-end">
            <TextInput
              label={t('admin.teams.newName')}
              value={name}
              onChange={e => setName(e.currentTarget.value)}
              maxLength={60}
              required
              w={280}
            />
            <Button type="submit" loading={actions.busy === 'create'}>
              {t('admin.teams.create')}
            </Button>
          </Group>
        </form>
      ) : null}
      <ErrorAlert error={actions.error} />
      <LoadStatus loaded={teams} loadingLabel={t('admin.loading')} retryLabel={t('admin.retry')} />
      {teams.value && teams.value.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('admin.teams.empty')}
        </Text>
      ) : null}
      {(teams.value ?? []).map(team => (
        <TeamCard
          key={team.id}
          team={team}
          names={names}
          active={active}
          canManage={canManage}
          busy={actions.busy !== null}
          run={(kind, call) => void actions.run(kind, call, reload)}
          onDelete={() => setDeleting(team)}
        />
      ))}
      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('admin.teams.deleteTitle', { name: deleting?.name ?? '' })}
        body={t('admin.teams.deleteBody', { count: deleting?.memberIds.length ?? 0 })}
        color="red"
        confirmLabel={t('admin.teams.delete')}
        busyLabel={t('admin.teams.deleting')}
        call={() => api.teams.delete({ id: deleting?.id ?? '' })}
        onDone={() => {
          setDeleting(null);
          reload();
        }}
      />
    </Stack>
  );
}
