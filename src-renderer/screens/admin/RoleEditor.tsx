/**
 * The custom role editor: a name and a checklist of permissions grouped like the matrix, with a scope
 * picker beside each scoped permission. Permissions the caller does not hold (or wider scopes) are not
 * offered: nobody can make a role stronger than their own (the main process refuses it too).
 */
import { Checkbox, Fieldset, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleInfo } from '../../../src-shared/ipc/roles';
import {
  SCOPES,
  isScopedPermission,
  type Grants,
  type Permission,
} from '../../../src-shared/permissions';
import { grantOf, grantsWithin } from '../../../src-shared/roles';
import { useApi } from '../../app/api';
import { FormActions } from '../../components/FormActions';
import { SubmitForm } from '../../components/SubmitForm';
import { useAction } from '../../components/useAction';
import {
  draftOf,
  grantsOfDraft,
  groupedPermissions,
  permissionLabel,
  scopesWithin,
  type GrantDraft,
} from './role-grants';

interface RoleEditorProps {
  opened: boolean;
  /** The custom role being edited; null creates a new one. */
  role: RoleInfo | null;
  myGrants: Grants;
  onClose: () => void;
  onSaved: (role: RoleInfo) => void;
}

/** The create/edit dialog of a custom role. */
export function RoleEditor({ opened, role, myGrants, onClose, onSaved }: RoleEditorProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [name, setName] = useState('');
  const [draft, setDraft] = useState<GrantDraft>(() => draftOf(null));
  const [tried, setTried] = useState(false);
  const { busy, error, setError, run } = useAction();

  useEffect(() => {
    if (!opened) return;
    setName(role?.name ?? '');
    setDraft(draftOf(role?.grants ?? null));
    setTried(false);
    setError(null);
  }, [opened, role, setError]);

  function toggle(permission: Permission, on: boolean) {
    setDraft(d => {
      const checked = new Set(d.checked);
      if (on) checked.add(permission);
      else checked.delete(permission);
      return { ...d, checked };
    });
  }

  function setScope(permission: Permission, value: string | null) {
    const scope = SCOPES.find(s => s === value);
    if (!scope || !isScopedPermission(permission)) return;
    setDraft(d => ({ ...d, scopes: { ...d.scopes, [permission]: scope } }));
  }

  const grants = grantsOfDraft(draft);
  const empty = draft.checked.size === 0;
  const tooWide = !grantsWithin(grants, myGrants);

  async function submit() {
    setTried(true);
    if (name.trim() === '' || empty || tooWide) return;
    await run(
      () =>
        role
          ? api.roles.update({ id: role.id, name: name.trim(), grants })
          : api.roles.create({ name: name.trim(), grants }),
      onSaved,
    );
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={
        role ? t('admin.editor.editTitle', { name: role.name }) : t('admin.editor.createTitle')
      }
    >
      <SubmitForm onSubmit={submit}>
        <Stack gap="md">
          <TextInput
            label={t('admin.editor.name')}
            value={name}
            onChange={e => setName(e.currentTarget.value)}
            maxLength={60}
            required
            data-autofocus
            error={tried && name.trim() === '' ? t('admin.editor.nameRequired') : undefined}
          />
          <Text fw={500} size="sm">
            {t('admin.editor.grantsLabel')}
          </Text>
          {groupedPermissions().map(({ group, permissions }) => (
            <Fieldset key={group} legend={t(`admin.groups.${group}`)} variant="filled" p="sm">
              <Stack gap={6}>
                {permissions.map(permission => {
                  const mine = grantOf(myGrants, permission) !== undefined;
                  const on = draft.checked.has(permission);
                  const scopes = isScopedPermission(permission)
                    ? scopesWithin(myGrants, permission)
                    : [];
                  const label = permissionLabel(t, permission);
                  return (
                    <Group key={permission} justify="space-between" wrap="nowrap" mih={30}>
                      <Checkbox
                        label={label}
                        checked={on}
                        disabled={!mine && !on}
                        onChange={e => toggle(permission, e.currentTarget.checked)}
                      />
                      {isScopedPermission(permission) && on ? (
                        <Select
                          aria-label={t('admin.editor.scope', { permission: label })}
                          size="xs"
                          w={130}
                          allowDeselect={false}
                          data={scopes.map(s => ({ value: s, label: t(`admin.scopes.${s}`) }))}
                          value={draft.scopes[permission] ?? 'own'}
                          onChange={value => setScope(permission, value)}
                          comboboxProps={{ withinPortal: true }}
                        />
                      ) : null}
                    </Group>
                  );
                })}
              </Stack>
            </Fieldset>
          ))}
          {tried && empty ? (
            <Text c="red.8" size="sm" role="alert">
              {t('admin.editor.noGrants')}
            </Text>
          ) : null}
          {tooWide ? (
            <Text c="red.8" size="sm" role="alert">
              {t('admin.editor.withinOwn')}
            </Text>
          ) : null}
          <FormActions
            error={error}
            cancelLabel={t('admin.cancel')}
            onCancel={onClose}
            busy={busy}
            busyLabel={t('admin.saving')}
            confirmLabel={t('admin.save')}
          />
        </Stack>
      </SubmitForm>
    </Modal>
  );
}
