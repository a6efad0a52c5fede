/** The small per-user dialogs: change role, and reset 2FA (a confirmation). */
import { Modal, Select, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleInfo } from '../../../src-shared/ipc/roles';
import type { UserSummary } from '../../../src-shared/ipc/users';
import type { Grants } from '../../../src-shared/permissions';
import { useApi } from '../../app/api';
import { FormActions } from '../../components/FormActions';
import { useAction } from '../../components/useAction';
import { assignableRoles } from './AddUserModal';
import { roleLabel } from './role-grants';
import { ConfirmModal } from './ConfirmModal';

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
  const { busy, error, setError, run } = useAction();
  useEffect(() => {
    setRole(user?.role ?? null);
    setError(null);
  }, [user, setError]);
  const options = assignableRoles(roles, myGrants).map(r => ({
    value: r.id,
    label: roleLabel(t, r),
  }));

  async function submit() {
    if (!user || !role) return;
    await run(() => api.users.changeRole({ userId: user.id, role }), onChanged);
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
        <FormActions
          error={error}
          cancelLabel={t('admin.cancel')}
          onCancel={onClose}
          busy={busy}
          busyLabel={t('admin.changeRole.busy')}
          disabled={!role || role === user?.role}
          onConfirm={() => void submit()}
          confirmLabel={t('admin.changeRole.submit')}
        />
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
  const name = user?.displayName ?? '';
  return (
    <ConfirmModal
      opened={user !== null}
      onClose={onClose}
      title={t('admin.resetTwoFactor.title', { name })}
      body={t('admin.resetTwoFactor.body', { name })}
      color="orange"
      confirmLabel={t('admin.resetTwoFactor.submit')}
      busyLabel={t('admin.resetTwoFactor.busy')}
      call={() => api.users.resetTwoFactor({ userId: user?.id ?? '' })}
      onDone={onReset}
    />
  );
}
