/** Subject requests: warnings near the deadline, the list, answering and the person's ZIP. */
import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { useGranted } from '../../app/grants';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoader } from '../../components/useLoader';
import { saveFile, shortTime } from './files';
import { usePrivacyView } from './store';

/** The requests tab. */
export function RequestsPanel() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const manage = useGranted('privacy.manage');
  const { value: list, error, load } = useLoader(() => api.privacy.listRequests({}));
  const [actionError, setActionError] = useState<CallError | null>(null);
  // The request a reminder link pointed at: marked as the current row.
  const pointed = usePrivacyView(state => state.requestId);
  useEffect(() => {
    void load(undefined);
  }, [load]);

  const answer = async (id: string) => {
    const r = await api.privacy.updateRequest({ id, patch: { status: 'answered' } });
    if (r.ok) await load(undefined);
    else setActionError(r.error);
  };
  const exportZip = async (contactId: string) => {
    const lang = i18n.language === 'en' ? 'en' : 'uk';
    const r = await api.privacy.exportSubject({ contactId, lang });
    if (r.ok) saveFile(r.value);
    else setActionError(r.error);
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t('privacy.requests.intro')}</Text>
      <ErrorAlert error={error ?? actionError} />
      {list && list.overdue > 0 ? (
        <Alert color="red" role="alert">
          {t('privacy.requests.overdue', { count: list.overdue })}
        </Alert>
      ) : null}
      {list && list.dueSoon > 0 ? (
        <Alert color="yellow" role="status">
          {t('privacy.requests.dueSoon', { count: list.dueSoon })}
        </Alert>
      ) : null}
      {list && list.items.length === 0 ? <Text>{t('privacy.requests.empty')}</Text> : null}
      {list && list.items.length > 0 ? (
        <Table aria-label={t('privacy.requests.tableLabel')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('privacy.requests.person')}</Table.Th>
              <Table.Th>{t('privacy.requests.kind')}</Table.Th>
              <Table.Th>{t('privacy.requests.received')}</Table.Th>
              <Table.Th>{t('privacy.requests.due')}</Table.Th>
              <Table.Th>{t('privacy.requests.status')}</Table.Th>
              {manage ? <Table.Th /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map(r => (
              <Table.Tr
                key={r.id}
                aria-current={pointed === r.id ? 'true' : undefined}
                bg={pointed === r.id ? 'var(--mantine-color-yellow-light)' : undefined}
              >
                <Table.Td>{r.contactName}</Table.Td>
                <Table.Td>{t(`privacy.requests.kinds.${r.kind}`)}</Table.Td>
                <Table.Td>{shortTime(r.receivedAt, i18n.language)}</Table.Td>
                <Table.Td>{shortTime(r.dueAt, i18n.language)}</Table.Td>
                <Table.Td>{t(`privacy.requests.statuses.${r.status}`)}</Table.Td>
                {manage ? (
                  <Table.Td>
                    <Group gap="xs">
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => void exportZip(r.contactId)}
                      >
                        {t('privacy.requests.export')}
                      </Button>
                      {r.status === 'open' ? (
                        <Button size="xs" variant="default" onClick={() => void answer(r.id)}>
                          {t('privacy.requests.answer')}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
