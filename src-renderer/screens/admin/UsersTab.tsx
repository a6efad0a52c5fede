/**
 * The staff table: who works here, with which role, whether 2FA is on, and — for those who may
 * manage users — Add user (Ctrl+N) and a row menu: change role, reset 2FA, dismiss.
 */
import {
  ActionIcon,
  Button,
  Group,
  Menu,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleInfo } from '../../../src-shared/ipc/roles';
import type { UserSummary } from '../../../src-shared/ipc/users';
import { grantsWithin } from '../../../src-shared/roles';
import { useApi } from '../../app/api';
import { LoadStatus } from '../../components/LoadStatus';
import { useLoaded } from '../../components/useLoaded';
import { useSessionStore } from '../../stores/session';
import { formatTime } from './audit-format';
import { AddUserModal } from './AddUserModal';
import { DismissModal } from './DismissModal';
import { roleLabel } from './role-grants';
import { StatusBadge } from './StatusBadge';
import { ChangeRoleModal, ResetTwoFactorModal } from './UserModals';
import { DataTable } from '../../components/DataTable';
import { DoneNotice } from './DoneNotice';
import { useGranted } from '../../app/grants';
import { ariaKeys, useShortcuts } from '../../app/shortcuts';

/** Which dialog is open, and for whom. */
type Dialog =
  { kind: 'add' } | { kind: 'role' | 'twoFactor' | 'dismiss'; user: UserSummary } | null;

/** The Users tab. */
export function UsersTab() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const me = useSessionStore(s => s.user);
  const canManage = useGranted('users.manage');
  const users = useLoaded(() => api.users.list({}));
  const roles = useLoaded(() => api.roles.list({}));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useShortcuts(canManage ? [['userAdd', () => setDialog({ kind: 'add' })]] : []);

  const rolesById = useMemo(
    () => new Map((roles.value ?? []).map(role => [role.id, role] as const)),
    [roles.value],
  );
  const nameOfRole = (id: string) => {
    const role = rolesById.get(id);
    return role ? roleLabel(t, role) : t(`shell.roles.${id}`, { defaultValue: id });
  };

  function done(message: string) {
    setDialog(null);
    setNotice(message);
    users.reload();
  }

  const list = users.value ?? [];
  const allRoles: RoleInfo[] = roles.value ?? [];
  return (
    <Stack gap="md">
      {canManage ? (
        <Group justify="flex-end">
          <Tooltip label={t('admin.users.addHint')} withArrow>
            <Button
              onClick={() => setDialog({ kind: 'add' })}
              aria-keyshortcuts={ariaKeys('userAdd')}
            >
              {t('admin.users.add')}
            </Button>
          </Tooltip>
        </Group>
      ) : null}
      <DoneNotice text={notice} onClose={() => setNotice(null)} />
      <LoadStatus loaded={users} loadingLabel={t('admin.loading')} retryLabel={t('admin.retry')} />
      {users.value && list.length <= 1 ? (
        <Text c="dimmed" size="sm">
          {t('admin.users.empty')}
        </Text>
      ) : null}
      {list.length > 0 ? (
        <DataTable
          minWidth={760}
          striped
          highlightOnHover
          verticalSpacing="xs"
          aria-label={t('admin.users.tableLabel')}
          columns={[
            t('admin.users.name'),
            t('admin.users.login'),
            t('admin.users.role'),
            t('admin.users.status'),
            t('admin.users.lastSignIn'),
            t('admin.users.twoFactor'),
            ...(canManage
              ? [<VisuallyHidden key="actions">{t('admin.users.actions')}</VisuallyHidden>]
              : []),
          ]}
        >
          {list.map(user => (
            <Table.Tr key={user.id} c={user.status === 'dismissed' ? 'dimmed' : undefined}>
              <Table.Td fw={500}>{user.displayName}</Table.Td>
              <Table.Td>{user.login}</Table.Td>
              <Table.Td>{nameOfRole(user.role)}</Table.Td>
              <Table.Td>
                <StatusBadge color={user.status === 'active' ? 'teal' : 'gray'}>
                  {t(`admin.users.${user.status}`)}
                </StatusBadge>
                {user.status === 'active' && user.mustChangePassword ? (
                  <Text size="xs" c="dimmed">
                    {t('admin.users.mustChangePassword')}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                {user.lastSignInAt
                  ? formatTime(user.lastSignInAt, i18n.language)
                  : t('admin.never')}
              </Table.Td>
              <Table.Td>
                <StatusBadge color={user.totpEnabled ? 'teal' : 'orange'}>
                  {user.totpEnabled ? t('admin.users.twoFactorOn') : t('admin.users.twoFactorOff')}
                </StatusBadge>
              </Table.Td>
              {canManage ? (
                <Table.Td ta="right">
                  {user.status === 'active' && user.id !== me?.id ? (
                    <RowMenu
                      user={user}
                      // Main refuses to change a role wider than the caller's (a head, for an
                      // administrator); unknown roles stay offered and main decides.
                      canChangeRole={
                        me === null ||
                        grantsWithin(
                          allRoles.find(r => r.id === user.role)?.grants ?? {},
                          me.grants,
                        )
                      }
                      onPick={kind => setDialog({ kind, user })}
                    />
                  ) : null}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </DataTable>
      ) : null}
      {canManage && me ? (
        <>
          <AddUserModal
            opened={dialog?.kind === 'add'}
            onClose={() => setDialog(null)}
            roles={allRoles}
            myGrants={me.grants}
            onCreated={user => done(t('admin.add.created', { login: user.login }))}
          />
          {dialog && dialog.kind !== 'add' ? (
            <>
              <ChangeRoleModal
                user={dialog.kind === 'role' ? dialog.user : null}
                roles={allRoles}
                myGrants={me.grants}
                onClose={() => setDialog(null)}
                onChanged={user => done(t('admin.changeRole.done', { name: user.displayName }))}
              />
              <ResetTwoFactorModal
                user={dialog.kind === 'twoFactor' ? dialog.user : null}
                onClose={() => setDialog(null)}
                onReset={user => done(t('admin.resetTwoFactor.done', { name: user.displayName }))}
              />
              <DismissModal
                user={dialog.kind === 'dismiss' ? dialog.user : null}
                candidates={list.filter(u => u.status === 'active' && u.id !== dialog.user.id)}
                onClose={() => setDialog(null)}
                onDismissed={result =>
                  done(
                    [
                      t('admin.dismiss.done', {
                        name: result.user.displayName,
                        count: result.reassignedCount,
                      }),
                      ...(result.office
                        ? [
                            t(
                              result.office.state === 'dismissed'
                                ? 'admin.dismiss.officeDone'
                                : result.office.state === 'queued'
                                  ? 'admin.dismiss.officeQueued'
                                  : 'admin.dismiss.officeFailed',
                            ),
                          ]
                        : []),
                    ].join(' '),
                  )
                }
              />
            </>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}

function RowMenu({
  user,
  canChangeRole,
  onPick,
}: {
  user: UserSummary;
  /** False when the person's current role reaches further than the caller's own. */
  canChangeRole: boolean;
  onPick: (kind: 'role' | 'twoFactor' | 'dismiss') => void;
}) {
  const { t } = useTranslation();
  return (
    // No focus placeholder (a non-item child of role="menu" fails axe): opening the menu focuses
    // its first item instead, as the ARIA menu button pattern does (as on timeline entries).
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('admin.users.rowMenu', { name: user.displayName })}
        >
          <span aria-hidden="true">⋯</span>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {canChangeRole ? (
          <Menu.Item data-autofocus onClick={() => onPick('role')}>
            {t('admin.users.changeRole')}
          </Menu.Item>
        ) : null}
        <Menu.Item
          data-autofocus={canChangeRole ? undefined : true}
          onClick={() => onPick('twoFactor')}
        >
          {t('admin.users.resetTwoFactor')}
        </Menu.Item>
        <Menu.Divider role="separator" />
        {/* red.9 text: Mantine's red is below the 4.5:1 contrast text needs, and `color` would paint
            the hovered item red under red text; `c` keeps the default hover. */}
        <Menu.Item c="red.9" onClick={() => onPick('dismiss')}>
          {t('admin.users.dismiss')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
