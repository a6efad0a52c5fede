/** The breach register: incidents with the time left to notify, a form, CSV and PDF. */
import { Button, Group, NumberInput, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { useGranted } from '../../app/grants';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoader } from '../../components/useLoader';
import { saveFile, shortTime } from './files';

/** The breaches tab. */
export function BreachesPanel() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const manage = useGranted('privacy.manage');
  const { value: breaches, error, load } = useLoader(() => api.privacy.listBreaches({}));
  const [actionError, setActionError] = useState<CallError | null>(null);
  const [title, setTitle] = useState('');
  const [subjects, setSubjects] = useState<number | string>(0);
  const [actions, setActions] = useState('');
  useEffect(() => {
    void load(undefined);
  }, [load]);

  const lang = i18n.language === 'en' ? 'en' : 'uk';
  const add = async () => {
    const r = await api.privacy.createBreach({
      breach: {
        title,
        detectedAt: new Date().toISOString(),
        subjectsCount: typeof subjects === 'number' ? subjects : 0,
        actions,
      },
    });
    if (!r.ok) return setActionError(r.error);
    setTitle('');
    setActions('');
    await load(undefined);
  };
  const notify = async (id: string) => {
    const r = await api.privacy.updateBreach({ id, patch: { status: 'notified' } });
    if (r.ok) await load(undefined);
    else setActionError(r.error);
  };
  const download = async (format: 'csv' | 'pdf') => {
    const r = await api.privacy.breachesFile({ format, lang });
    if (r.ok) saveFile(r.value);
    else setActionError(r.error);
  };
  const left = (deadline: string) => {
    const hours = Math.floor((Date.parse(deadline) - Date.now()) / 3_600_000);
    return hours < 0 ? t('privacy.breaches.late') : t('privacy.breaches.left', { hours });
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t('privacy.breaches.intro')}</Text>
      <ErrorAlert error={error ?? actionError} />
      {breaches && breaches.length === 0 ? <Text>{t('privacy.breaches.empty')}</Text> : null}
      {breaches && breaches.length > 0 ? (
        <Table aria-label={t('privacy.breaches.tableLabel')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('privacy.breaches.title')}</Table.Th>
              <Table.Th>{t('privacy.breaches.detectedAt')}</Table.Th>
              <Table.Th>{t('privacy.breaches.deadline')}</Table.Th>
              <Table.Th>{t('privacy.breaches.subjects')}</Table.Th>
              {manage ? <Table.Th /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {breaches.map(b => (
              <Table.Tr key={b.id}>
                <Table.Td>{b.title}</Table.Td>
                <Table.Td>{shortTime(b.detectedAt, i18n.language)}</Table.Td>
                <Table.Td>
                  {shortTime(b.deadlineAt, i18n.language)}
                  {b.status === 'open' ? ` (${left(b.deadlineAt)})` : ''}
                </Table.Td>
                <Table.Td>{b.subjectsCount}</Table.Td>
                {manage ? (
                  <Table.Td>
                    {b.status === 'open' ? (
                      <Button size="xs" variant="default" onClick={() => void notify(b.id)}>
                        {t('privacy.breaches.notify')}
                      </Button>
                    ) : null}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Group>
        <Button variant="default" onClick={() => void download('csv')}>
          {t('privacy.breaches.csv')}
        </Button>
        <Button variant="default" onClick={() => void download('pdf')}>
          {t('privacy.breaches.pdf')}
        </Button>
      </Group>
      {manage ? (
        <Stack gap="xs" maw={640}>
          <TextInput
            label={t('privacy.breaches.title')}
            value={title}
            onChange={e => setTitle(e.currentTarget.value)}
          />
          <NumberInput
            label={t('privacy.breaches.subjects')}
            value={subjects}
            onChange={setSubjects}
            min={0}
          />
          <Textarea
            label={t('privacy.breaches.actions')}
            value={actions}
            onChange={e => setActions(e.currentTarget.value)}
          />
          <Group>
            <Button disabled={!title.trim()} onClick={() => void add()}>
              {t('privacy.breaches.add')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}
