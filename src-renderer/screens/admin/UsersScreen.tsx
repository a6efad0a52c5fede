/** The users section: staff accounts, roles and "who can see what", teams, custom fields. */
import { Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGranted } from '../../app/grants';
import { FieldsTab } from './FieldsTab';
import { RolesTab } from './RolesTab';
import { TeamsTab } from './TeamsTab';
import { UsersTab } from './UsersTab';

/** Users and roles (section `users`, needs `users.read`; managing needs `users.manage` / `roles.manage` / `teams.manage`). */
export function UsersScreen() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('users');
  const canFields = useGranted('fields.manage');
  return (
    <Stack gap="md">
      <Title order={1}>{t('admin.usersTitle')}</Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="users">{t('admin.tabs.users')}</Tabs.Tab>
          <Tabs.Tab value="roles">{t('admin.tabs.roles')}</Tabs.Tab>
          <Tabs.Tab value="teams">{t('admin.tabs.teams')}</Tabs.Tab>
          {canFields ? <Tabs.Tab value="fields">{t('customFields.admin.title')}</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="users" pt="md">
          <UsersTab />
        </Tabs.Panel>
        <Tabs.Panel value="roles" pt="md">
          <RolesTab />
        </Tabs.Panel>
        <Tabs.Panel value="teams" pt="md">
          <TeamsTab />
        </Tabs.Panel>
        {canFields ? (
          <Tabs.Panel value="fields" pt="md">
            <FieldsTab />
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </Stack>
  );
}
