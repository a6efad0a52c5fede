/** The backups in one destination, newest first, each with "Verify" and (owner) "Restore". */
import { Alert, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupDestination, BackupListItem } from '../../../src-shared/ipc/backup';
import type { CallError } from '../../../src-shared/ipc/contract';
import { type BackupApi, baseName, formatSize, formatWhen } from './backup-api';
import { BackupErrorAlert } from './BackupErrorAlert';
import { FileCell } from './FileCell';
import { DataTable } from '../../components/DataTable';

interface HistoryCardProps {
  backup: BackupApi;
  destination: BackupDestination | null;
  /** Changes after each run so the list reloads. */
  reloadKey: number;
  canRestore: boolean;
  onRestore: (file: string) => void;
}

/** History of the selected destination. */
export function HistoryCard({
  backup,
  destination,
  reloadKey,
  canRestore,
  onRestore,
}: HistoryCardProps) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<BackupListItem[] | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [verifying, setVerifying] = useState<string | null>(null);
  const [verified, setVerified] = useState<string | null>(null);
  const id = destination?.id ?? null;

  useEffect(() => {
    let live = true;
    setItems(null);
    setError(null);
    setVerified(null);
    if (!id) return;
    void backup.list({ destinationId: id }).then(result => {
      if (!live) return;
      if (result.ok) setItems(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [backup, id, reloadKey]);

  const verify = async (file: string) => {
    setVerifying(file);
    setError(null);
    setVerified(null);
    const result = await backup.verify({ file });
    setVerifying(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setVerified(file);
    setItems(list =>
      list
        ? list.map(i => (i.file === file ? { ...i, verifiedAt: result.value.verifiedAt } : i))
        : list,
    );
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="backup-history">
      <Stack gap="md">
        <Title order={2} size="h4" id="backup-history">
          {destination
            ? t('backups.history.heading', { path: destination.path })
            : t('backups.history.heading', { path: '…' })}
        </Title>
        {!destination ? (
          <Text size="sm" c="dimmed">
            {t('backups.history.pick')}
          </Text>
        ) : null}
        <BackupErrorAlert error={error} />
        {verified ? (
          <Alert color="green" variant="light" role="status">
            {t('backups.history.verifiedOk')}
          </Alert>
        ) : null}
        {destination && items === null && !error ? (
          <Group gap="sm" role="status">
            <Loader size="sm" />
            <Text size="sm">{t('backups.history.loading')}</Text>
          </Group>
        ) : null}
        {items && items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('backups.history.empty')}
          </Text>
        ) : null}
        {items && items.length > 0 ? (
          <DataTable
            minWidth={600}
            verticalSpacing="xs"
            columns={[
              t('backups.history.file'),
              t('backups.history.createdAt'),
              t('backups.history.size'),
              t('backups.history.verified'),
              t('backups.destinations.actions'),
            ]}
          >
            {items.map(item => (
              <Table.Tr key={item.file}>
                <Table.Td>
                  <FileCell
                    name={baseName(item.file)}
                    problem={
                      item.condition && item.condition !== 'complete'
                        ? t(`backups.history.${item.condition}`)
                        : null
                    }
                  />
                </Table.Td>
                <Table.Td>{formatWhen(t, i18n.language, item.createdAt)}</Table.Td>
                <Table.Td>{formatSize(item.size)}</Table.Td>
                <Table.Td>
                  {item.verifiedAt
                    ? formatWhen(t, i18n.language, item.verifiedAt)
                    : t('backups.history.notVerified')}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      loading={verifying === item.file}
                      disabled={verifying !== null}
                      onClick={() => void verify(item.file)}
                    >
                      {t('backups.history.verify')}
                    </Button>
                    {canRestore ? (
                      <Button size="xs" variant="light" onClick={() => onRestore(item.file)}>
                        {t('backups.history.restore')}
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        ) : null}
      </Stack>
    </Card>
  );
}
