/**
 * "Add user": login, name, a role the caller may assign, and a one-time setup password checked live
 * against the same policy the main process enforces. The person sets their own password and 2FA at
 * their first sign-in.
 */
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import type { RoleInfo } from '../../../src-shared/ipc/roles';
import type { UserSummary } from '../../../src-shared/ipc/users';
import type { Grants } from '../../../src-shared/permissions';
import { grantsWithin } from '../../../src-shared/roles';
import { useApi } from '../../app/api';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordFields, usePasswordCheck } from '../../components/PasswordFields';
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
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const check = usePasswordCheck(password, login, displayName);
  const options = assignableRoles(roles, myGrants).map(r => ({
    value: r.id,
    label: roleLabel(t, r),
  }));

  useEffect(() => {
    if (!opened) return;
    setLogin('');
    setDisplayName('');
    setRole(null);
    setPassword('');
    setConfirm('');
    setTried(false);
    setError(null);
  }, [opened]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    const ready =
      login.trim() !== '' &&
      displayName.trim() !== '' &&
      role !== null &&
      check?.ok === true &&
      confirm === password;
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    const result = await api.users.create({ login, displayName, role, setupPassword: password });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    // The setup password leaves memory with the dialog's state.
    setPassword('');
    setConfirm('');
    onCreated(result.value);
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('admin.add.title')} size="lg">
      <form onSubmit={event => void submit(event)} noValidate>
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
            password={password}
            confirm={confirm}
            onPasswordChange={setPassword}
            onConfirmChange={setConfirm}
            check={check}
            showErrors={tried}
          />
          <Alert variant="light" color="blue">
            {t('admin.add.note')}
          </Alert>
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('admin.cancel')}
            </Button>
            <BusyButton type="submit" busy={busy} busyLabel={t('admin.add.busy')}>
              {t('admin.add.submit')}
            </BusyButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
