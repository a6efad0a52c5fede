/** What a backup holds (created at, by whom, versions, record counts), shown before a restore. */
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupPreview } from '../../../src-shared/ipc/backup';
import { formatWhen } from './backup-api';

/**
 * The data format's version as a number (the count of the newest migration, `0016_…` → "16"),
 * not the migration's internal name.
 */
export function schemaNumber(migrations: readonly string[] | null): string | null {
  const last = migrations?.at(-1);
  if (!last) return null;
  const match = /^(\d+)/.exec(last);
  return match ? String(Number(match[1])) : String(migrations?.length ?? '');
}

/** A two-column table of the preview's facts. */
export function PreviewDetails({ preview }: { preview: BackupPreview }) {
  const { t, i18n } = useTranslation();
  const count = (n: number | null | undefined) =>
    n === null || n === undefined ? t('backups.wizard.hidden') : String(n);
  const rows: [string, string][] = [
    [t('backups.wizard.createdAt'), formatWhen(t, i18n.language, preview.createdAt)],
    [t('backups.wizard.createdBy'), preview.createdBy],
    [t('backups.wizard.appVersion'), preview.appVersion],
    [t('backups.wizard.schemaVersion'), schemaNumber(preview.schemaVersion) ?? t('backups.none')],
    [t('backups.wizard.users'), count(preview.counts?.users)],
    [t('backups.wizard.contacts'), count(preview.counts?.contacts)],
    [t('backups.wizard.auditEntries'), count(preview.counts?.auditEntries)],
  ];
  return (
    <Table variant="vertical" withTableBorder layout="fixed" data-testid="backup-preview">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={200}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
