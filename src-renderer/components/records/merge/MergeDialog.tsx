/**
 * The merge dialog (issue 15 point 4): the contacts side by side, a radio per record for the
 * record to keep and for each field whose values differ; phones, e-mails, tags and notes are
 * combined by main. Merging asks `merges.merge`; a refusal is shown and nothing changes.
 */
import { Alert, Button, Group, Modal, Radio, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../src-shared/contacts';
import type { MergeResult, ContactPickedField } from '../../../../src-shared/merge';
import { useApi } from '../../../app/api';
import { defaultChoice, differingFields, mergeInput, shownValue } from './model';

function nameOf(c: Contact): string {
  return [c.surname, c.givenName, c.patronymic].filter(Boolean).join(' ');
}

/** Merges contacts `ids` (the first is kept unless the person picks another). */
export function MergeDialog(props: {
  ids: readonly string[];
  opened: boolean;
  onClose: () => void;
  onMerged: (result: MergeResult) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { ids, opened } = props;
  const [records, setRecords] = useState<Contact[] | null>(null);
  const [survivorId, setSurvivorId] = useState(ids[0] ?? '');
  const [choices, setChoices] = useState<Partial<Record<ContactPickedField, string>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = ids.join(',');

  useEffect(() => {
    if (!opened) return undefined;
    let live = true;
    void Promise.all(key.split(',').map(id => api.contacts.get({ id }))).then(results => {
      if (!live) return;
      const failed = results.find(r => !r.ok);
      if (failed && !failed.ok) setError(t(`errors.${failed.error.code}`));
      else setRecords(results.flatMap(r => (r.ok ? [r.value] : [])));
    });
    return () => {
      live = false;
    };
  }, [api, key, opened, t]);

  const fields = records ? differingFields(records) : [];
  const choiceOf = (field: ContactPickedField) =>
    choices[field] ?? (records ? defaultChoice(records, survivorId, field) : survivorId);

  const confirm = async () => {
    if (!records) return;
    setBusy(true);
    setError(null);
    const picked = Object.fromEntries(fields.map(f => [f, choiceOf(f)]));
    const result = await api.merges.merge(mergeInput(ids, survivorId, picked));
    setBusy(false);
    if (result.ok) props.onMerged(result.value);
    else setError(t(`errors.${result.error.code}`));
  };

  return (
    <Modal opened={opened} onClose={props.onClose} title={t('merge.title')} size="xl">
      <Stack>
        <Text size="sm">{t('merge.intro')}</Text>
        {records ? (
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('merge.field')}</Table.Th>
                {records.map(r => (
                  <Table.Th key={r.id}>{nameOf(r)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>{t('merge.keep')}</Table.Td>
                {records.map(r => (
                  <Table.Td key={r.id}>
                    <Radio
                      name="merge-keep"
                      label={nameOf(r)}
                      checked={survivorId === r.id}
                      onChange={() => setSurvivorId(r.id)}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
              {fields.map(field => (
                <Table.Tr key={field}>
                  <Table.Td>{t(`merge.fields.${field}`)}</Table.Td>
                  {records.map(r => (
                    <Table.Td key={r.id}>
                      <Radio
                        name={`merge-${field}`}
                        label={shownValue(r, field) || t('merge.empty')}
                        aria-label={`${t(`merge.fields.${field}`)}: ${shownValue(r, field) || t('merge.empty')}`}
                        checked={choiceOf(field) === r.id}
                        onChange={() => setChoices(c => ({ ...c, [field]: r.id }))}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        <Text size="sm" c="dimmed">
          {t('merge.combined')}
        </Text>
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('merge.cancel')}
          </Button>
          <Button onClick={() => void confirm()} loading={busy} disabled={!records}>
            {busy ? t('merge.busy') : t('merge.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
