/**
 * Roles and access: the "who can see what" matrix, the built-in roles' note, and the owner's custom
 * roles with Create / Edit / Delete for those who may manage roles.
 */
import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleInfo } from '../../../src-shared/ipc/roles';
import { permissionSet } from '../../../src-shared/roles';
import { useApi } from '../../app/api';
import { LoadStatus } from '../../components/LoadStatus';
import { useLoaded } from '../../components/useLoaded';
import { useSessionStore } from '../../stores/session';
import { RoleEditor } from './RoleEditor';
import { RoleMatrix } from './RoleMatrix';
import { ConfirmModal } from './ConfirmModal';
import { useGranted } from '../../app/grants';

/** The Roles and access tab. */
export function RolesTab() {
  const { t } = useTranslation();
  const api = useApi();
  const me = useSessionStore(s => s.user);
  const canManage = useGranted('roles.manage');
  const matrix = useLoaded(() => api.roles.matrix({}));
  const [editing, setEditing] = useState<{ role: RoleInfo | null } | null>(null);
  const [deleting, setDeleting] = useState<RoleInfo | null>(null);

  const custom = (matrix.value ?? []).filter(row => !row.role.builtIn).map(row => row.role);
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('admin.roles.matrixTitle')}
        </Title>
        <Text size="sm" c="dimmed" maw={820}>
          {t('admin.roles.matrixHint')}
        </Text>
        <LoadStatus
          loaded={matrix}
          loadingLabel={t('admin.loading')}
          retryLabel={t('admin.retry')}
        />
        {matrix.value ? <RoleMatrix rows={matrix.value} /> : null}
      </Stack>
      <Alert variant="light" color="gray">
        {t('admin.roles.builtInNote')}
      </Alert>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('admin.roles.customTitle')}
          </Title>
          {canManage ? (
            <Button onClick={() => setEditing({ role: null })}>{t('admin.roles.create')}</Button>
          ) : null}
        </Group>
        {matrix.value && custom.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('admin.roles.customEmpty')}
          </Text>
        ) : null}
        {custom.map(role => (
          <Card key={role.id} withBorder padding="sm">
            <Group justify="space-between">
              <div>
                <Text fw={500}>{role.name}</Text>
                <Text size="xs" c="dimmed">
                  {t('admin.roles.grantsCount', { count: permissionSet(role.grants).size })}
                </Text>
              </div>
              {canManage ? (
                <Group gap="xs">
                  <Button
                    variant="default"
                    size="xs"
                    aria-label={t('admin.roles.editLabel', { name: role.name })}
                    onClick={() => setEditing({ role })}
                  >
                    {t('admin.roles.edit')}
                  </Button>
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    aria-label={t('admin.roles.deleteLabel', { name: role.name })}
                    onClick={() => setDeleting(role)}
                  >
                    {t('admin.roles.delete')}
                  </Button>
                </Group>
              ) : null}
            </Group>
          </Card>
        ))}
      </Stack>
      {canManage && me ? (
        <>
          <RoleEditor
            opened={editing !== null}
            role={editing?.role ?? null}
            myGrants={me.grants}
            onClose={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              matrix.reload();
            }}
          />
          <DeleteRoleModal
            role={deleting}
            onClose={() => setDeleting(null)}
            onDeleted={() => {
              setDeleting(null);
              matrix.reload();
            }}
          />
        </>
      ) : null}
    </Stack>
  );
}

function DeleteRoleModal({
  role,
  onClose,
  onDeleted,
}: {
  role: RoleInfo | null;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  return (
    <ConfirmModal
      opened={role !== null}
      onClose={onClose}
      title={t('admin.roles.deleteTitle', { name: role?.name ?? '' })}
      body={t('admin.roles.deleteBody')}
      color="red"
      confirmLabel={t('admin.roles.delete')}
      busyLabel={t('admin.roles.deleteBusy')}
      call={() => api.roles.delete({ id: role?.id ?? '' })}
      onDone={onDeleted}
    />
  );
}
