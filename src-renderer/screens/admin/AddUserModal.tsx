/**
 * "Add user": login, name, a role the caller may assign, and a one-time setup password checked live
 * against the same policy the main process enforces. The person sets their own password and 2FA at
 * their first sign-in.
 */
import { Alert, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleInfo } from '../../../src-shared/ipc/roles';
import type { UserSummary } from '../../../src-shared/ipc/users';
import type { Grants } from '../../../src-shared/permissions';
import { grantsWithin } from '../../../src-shared/roles';
import { useApi } from '../../app/api';
import { FormActions } from '../../components/FormActions';
import { PasswordFields, useNewPassword } from '../../components/PasswordFields';
import { SubmitForm } from '../../components/SubmitForm';
import { useAction } from '../../components/useAction';
import { roleLabel } from './role-grants';

/** Roles the caller could assign: none wider than their own grants (the server checks again). */
export function assignableRoles(roles: readonly RoleInfo[], myGrants: Grants): RoleInfo[] {
  return roles.filter(role => grantsWithin(role.grants, myGrants));
}

interface AddUserModalProps {
  opened: boolean;
  onClose: () => void;
  roles: readonly RoleInfo[];
  myGrants: Grants;
  onCreated: (user: UserSummary) => void;
}

/** The add-user dialog. Its fields are cleared every time it opens. */
export function AddUserModal({ opened, onClose, roles, myGrants, onCreated }: AddUserModalProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const setup = useNewPassword(login, displayName);
  const clearSetup = setup.clear;
  const [tried, setTried] = useState(false);
  const { busy, error, setError, run } = useAction();
  const options = assignableRoles(roles, myGrants).map(r => ({
    value: r.id,
    label: roleLabel(t, r),
  }));

  useEffect(() => {
    if (!opened) return;
    setLogin('');
    setDisplayName('');
    setRole(null);
    clearSetup();
    setTried(false);
    setError(null);
  }, [opened, clearSetup, setError]);

  async function submit() {
    setTried(true);
    const ready = login.trim() !== '' && displayName.trim() !== '' && role !== null && setup.ok;
    if (!ready) return;
    const setupPassword = setup.password;
    await run(
      () => api.users.create({ login, displayName, role, setupPassword }),
      created => {
        // The setup password leaves memory with the dialog's state.
        setup.clear();
        onCreated(created);
      },
    );
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('admin.add.title')} size="lg">
      <SubmitForm onSubmit={submit}>
        <Stack gap="md">
          <TextInput
            label={t('admin.add.login')}
            description={t('admin.add.loginHint')}
            value={login}
            onChange={e => setLogin(e.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
            required
            data-autofocus
            error={tried && login.trim() === ''}
          />
          <TextInput
            label={t('admin.add.displayName')}
            value={displayName}
            onChange={e => setDisplayName(e.currentTarget.value)}
            autoComplete="off"
            required
            error={tried && displayName.trim() === ''}
          />
          <Select
            label={t('admin.add.role')}
            description={t('admin.add.roleHint')}
            data={options}
            value={role}
            onChange={setRole}
            required
            withAsterisk={false}
            allowDeselect={false}
            error={tried && role === null}
            comboboxProps={{ withinPortal: true }}
          />
          <PasswordFields
            label={t('admin.add.setupPassword')}
            showErrors={tried}
            {...setup.fields}
          />
          <Alert variant="light" color="blue">
            {t('admin.add.note')}
          </Alert>
          <FormActions
            error={error}
            cancelLabel={t('admin.cancel')}
            onCancel={onClose}
            busy={busy}
            busyLabel={t('admin.add.busy')}
            confirmLabel={t('admin.add.submit')}
          />
        </Stack>
      </SubmitForm>
    </Modal>
  );
}
