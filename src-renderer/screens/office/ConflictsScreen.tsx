/**
 * Office sync conflicts: each stale stage, amount or owner change this laptop holds, with this
 * laptop's value ("mine") beside the other one ("theirs"), when and from which device, and the
 * choice to keep either. Resolving goes through `sync.resolve` (audited in main; keeping the other
 * value writes it as an edit that syncs). Values are shown as stored (ids, minor units).
 */
import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConflictView } from '../../../src-shared/ipc/sync';
import { useApi } from '../../app/api';

const KNOWN_TABLES = ['contacts', 'companies', 'deals', 'activities'] as const;
const KNOWN_FIELDS = ['stage_id', 'amount_minor', 'owner_id'] as const;

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** The conflicts screen. */
export function ConflictsScreen() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [conflicts, setConflicts] = useState<SyncConflictView[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await api.sync.conflicts({});
    if (result.ok) setConflicts(result.value);
    else setMessage(t(`errors.${result.error.code}`));
  }, [api, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const resolve = async (conflict: SyncConflictView, keep: 'mine' | 'theirs') => {
    const result = await api.sync.resolve({
      changeId: conflict.changeId,
      field: conflict.field,
      keep,
    });
    setMessage(result.ok ? t('office.conflicts.resolved') : t(`errors.${result.error.code}`));
    await load();
  };

  const show = (value: string | number | null) =>
    value === null || value === '' ? t('office.conflicts.empty') : String(value);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language === 'uk' ? 'uk-UA' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(new Date(iso));

  return (
    <Stack gap="md">
      <Title order={2}>{t('office.conflicts.title')}</Title>
      <Text c="dimmed">{t('office.conflicts.intro')}</Text>
      {message && <Alert role="status">{message}</Alert>}
      {conflicts?.length === 0 && <Text>{t('office.conflicts.none')}</Text>}
      {conflicts && conflicts.length > 0 && (
        <Table data-testid="sync-conflicts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('office.conflicts.record')}</Table.Th>
              <Table.Th>{t('office.conflicts.field')}</Table.Th>
              <Table.Th>{t('office.conflicts.mine')}</Table.Th>
              <Table.Th>{t('office.conflicts.theirs')}</Table.Th>
              <Table.Th>{t('office.conflicts.when')}</Table.Th>
              <Table.Th>{t('office.conflicts.who')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {conflicts.map(c => (
              <Table.Tr key={`${c.changeId}/${c.field}`}>
                <Table.Td>
                  {isOneOf(KNOWN_TABLES, c.table)
                    ? t(`office.conflicts.tables.${c.table}`)
                    : c.table}{' '}
                  {c.recordId.slice(0, 8)}
                </Table.Td>
                <Table.Td>
                  {isOneOf(KNOWN_FIELDS, c.field)
                    ? t(`office.conflicts.fields.${c.field}`)
                    : c.field}
                </Table.Td>
                <Table.Td>{show(c.mine)}</Table.Td>
                <Table.Td>{show(c.theirs)}</Table.Td>
                <Table.Td>{when(c.createdAt)}</Table.Td>
                <Table.Td>{c.deviceId.slice(0, 8)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="light" onClick={() => void resolve(c, 'mine')}>
                      {t('office.conflicts.keepMine')}
                    </Button>
                    <Button size="xs" variant="default" onClick={() => void resolve(c, 'theirs')}>
                      {t('office.conflicts.keepTheirs')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
