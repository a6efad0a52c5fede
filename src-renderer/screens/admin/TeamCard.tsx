/**
 * One team on the Teams tab: its name, head and members; for managers of teams also rename,
 * delete, add or remove a member and choose the head (a head from outside the team joins it).
 */
import {
  ActionIcon,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../src-shared/ipc/contract';
import type { TeamSummary } from '../../../src-shared/ipc/teams';
import type { UserSummary } from '../../../src-shared/ipc/users';
import { useApi } from '../../app/api';
import { PersonBadge } from '../../components/PersonBadge';

/** What a card asks main to do. */
export type TeamAction = 'rename' | 'assign' | 'head';

/** One team's card. */
export function TeamCard(props: {
  team: TeamSummary;
  /** Display names by user id. */
  names: ReadonlyMap<string, string>;
  /** Active accounts: who may join or head a team. */
  active: readonly UserSummary[];
  canManage: boolean;
  busy: boolean;
  run: (kind: TeamAction, call: () => Promise<Result<unknown>>) => void;
  onDelete: () => void;
}) {
  const { team, names, active, canManage, busy, run } = props;
  const { t } = useTranslation();
  const api = useApi();
  const [renaming, setRenaming] = useState<string | null>(null);
  const nameOf = (id: string) => names.get(id) ?? id;
  const everyone = active.map(u => ({ value: u.id, label: u.displayName }));
  const outsiders = everyone.filter(u => !team.memberIds.includes(u.value));

  return (
    <Card withBorder padding="md" data-team={team.name}>
      <Stack gap="sm">
        <Group justify="space-between">
          {renaming === null ? (
            <Title order={3} size="h4">
              {team.name}
            </Title>
          ) : (
            <form
              onSubmit={event => {
                event.preventDefault();
                run('rename', () => api.teams.rename({ id: team.id, name: renaming }));
                setRenaming(null);
              }}
            >
              <Group align="flex-end" gap="xs">
                <TextInput
                  label={t('admin.teams.name')}
                  value={renaming}
                  onChange={e => setRenaming(e.currentTarget.value)}
                  maxLength={60}
                  required
                  data-autofocus
                />
                <Button type="submit" size="sm">
                  {t('admin.save')}
                </Button>
                <Button variant="default" size="sm" onClick={() => setRenaming(null)}>
                  {t('admin.cancel')}
                </Button>
              </Group>
            </form>
          )}
          {canManage && renaming === null ? (
            <Group gap="xs">
              <Button
                variant="default"
                size="xs"
                aria-label={t('admin.teams.renameLabel', { name: team.name })}
                onClick={() => setRenaming(team.name)}
              >
                {t('admin.teams.rename')}
              </Button>
              <Button
                variant="subtle"
                color="red"
                size="xs"
                aria-label={t('admin.teams.deleteLabel', { name: team.name })}
                onClick={props.onDelete}
              >
                {t('admin.teams.delete')}
              </Button>
            </Group>
          ) : null}
        </Group>
        {canManage ? (
          <Select
            label={t('admin.teams.head')}
            placeholder={t('admin.teams.noHead')}
            data={everyone}
            value={team.headUserId}
            onChange={userId =>
              run('head', () =>
                api.teams.setHead(userId ? { id: team.id, userId } : { id: team.id }),
              )
            }
            renderOption={({ option }) => <PersonBadge name={option.label} />}
            disabled={busy}
            clearable
            searchable
            w={280}
          />
        ) : (
          <Text size="sm">
            {t('admin.teams.head')}:{' '}
            {team.headUserId ? nameOf(team.headUserId) : t('admin.teams.noHead')}
          </Text>
        )}
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('admin.teams.members')}
          </Text>
          {team.memberIds.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('admin.teams.noMembers')}
            </Text>
          ) : null}
          <Group gap="md">
            {team.memberIds.map(id => (
              <Group key={id} gap={4} wrap="nowrap">
                <PersonBadge name={nameOf(id)} />
                {canManage ? (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    disabled={busy}
                    aria-label={t('admin.teams.removeMember', { name: nameOf(id) })}
                    onClick={() => run('assign', () => api.teams.assign({ userId: id }))}
                  >
                    ×
                  </ActionIcon>
                ) : null}
              </Group>
            ))}
          </Group>
        </Stack>
        {canManage && outsiders.length > 0 ? (
          <Select
            label={t('admin.teams.addMember')}
            placeholder={t('admin.teams.addMemberPlaceholder')}
            data={outsiders}
            value={null}
            onChange={userId =>
              userId && run('assign', () => api.teams.assign({ userId, teamId: team.id }))
            }
            renderOption={({ option }) => <PersonBadge name={option.label} />}
            disabled={busy}
            searchable
            w={280}
          />
        ) : null}
      </Stack>
    </Card>
  );
}
