/** The contacts section (list, detail, edit). */
import { useTranslation } from 'react-i18next';
import { Title } from '@mantine/core';

/** Contacts: the first CRM records. */
export function ContactsScreen() {
  const { t } = useTranslation();
  return <Title order={1}>{t('contacts.title')}</Title>;
}
