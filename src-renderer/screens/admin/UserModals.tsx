/** The small per-user dialogs: change role, and reset 2FA (a confirmation). */
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import type { RoleInfo } from '../../../src-shared/ipc/roles';
import type { UserSummary } from '../../../src-shared/ipc/users';
import type { Grants } from '../../../src-shared/permissions';
import { useApi } from '../../app/api';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { assignableRoles } from './AddUserModal';
import { roleLabel } from './role-grants';

interface ChangeRoleModalProps {
  /** The person whose role changes; null keeps the dialog closed. */
  user: UserSummary | null;
  roles: readonly RoleInfo[];
  myGrants: Grants;
  onClose: () => void;
  onChanged: (user: UserSummary) => void;
}

/** Picks a new role for one person (roles wider than the caller's are not offered). */
export function ChangeRoleModal({
  user,
  roles,
  myGrants,
  onClose,
  onChanged,
}: ChangeRoleModalProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [role, setRole] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  useEffect(() => {
    setRole(user?.role ?? null);
    setError(null);
  }, [user]);
  const options = assignableRoles(roles, myGrants).map(r => ({
    value: r.id,
    label: roleLabel(t, r),
  }));

  async function submit() {
    if (!user || !role || busy) return;
    setBusy(true);
    setError(null);
    const result = await api.users.changeRole({ userId: user.id, role });
    setBusy(false);
    if (result.ok) onChanged(result.value);
    else setError(result.error);
  }

  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={user ? t('admin.changeRole.title', { name: user.displayName }) : ''}
    >
      <Stack gap="md">
        <Select
          label={t('admin.add.role')}
          description={t('admin.add.roleHint')}
          data={options}
          value={role}
          onChange={setRole}
          allowDeselect={false}
        />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('admin.cancel')}
          </Button>
          <BusyButton
            busy={busy}
            busyLabel={t('admin.changeRole.busy')}
            disabled={!role || role === user?.role}
            onClick={() => void submit()}
          >
            {t('admin.changeRole.submit')}
          </BusyButton>
        </Group>
      </Stack>
    </Modal>
  );
}

interface ResetTwoFactorModalProps {
  user: UserSummary | null;
  onClose: () => void;
  onReset: (user: UserSummary) => void;
}

/** Confirms turning a person's 2FA off (they enrol again at the next sign-in). */
export function ResetTwoFactorModal({ user, onClose, onReset }: ResetTwoFactorModalProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  useEffect(() => setError(null), [user]);

  async function submit() {
    if (!user || busy) return;
    setBusy(true);
    setError(null);
    const result = await api.users.resetTwoFactor({ userId: user.id });
    setBusy(false);
    if (result.ok) onReset(result.value);
    else setError(result.error);
  }

  const name = user?.displayName ?? '';
  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={t('admin.resetTwoFactor.title', { name })}
    >
      <Stack gap="md">
        <Text size="sm">{t('admin.resetTwoFactor.body', { name })}</Text>
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('admin.cancel')}
          </Button>
          <BusyButton
            color="orange"
            busy={busy}
            busyLabel={t('admin.resetTwoFactor.busy')}
            onClick={() => void submit()}
          >
            {t('admin.resetTwoFactor.submit')}
          </BusyButton>
        </Group>
      </Stack>
    </Modal>
  );
}
