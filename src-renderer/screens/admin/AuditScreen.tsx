/** The audit log section. */
import { useTranslation } from 'react-i18next';
import { Title } from '@mantine/core';

/** The audit log: filters, verification, export. */
export function AuditScreen() {
  const { t } = useTranslation();
  return <Title order={1}>{t('admin.auditTitle')}</Title>;
}
