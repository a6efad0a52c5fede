/** The users section: staff accounts, roles and "who can see what". */
import { useTranslation } from 'react-i18next';
import { Title } from '@mantine/core';

/** Users and roles. */
export function UsersScreen() {
  const { t } = useTranslation();
  return <Title order={1}>{t('admin.usersTitle')}</Title>;
}
