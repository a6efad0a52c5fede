/**
 * The merge dialog (issue 15 point 4): the records side by side, a radio per record for the
 * record to keep and for each field whose values differ; the combined fields (phones, e-mails,
 * tags, notes) are combined by main. One dialog for every mergeable type, told apart by its kind
 * (./kinds.ts). Merging asks `merges.merge`; a refusal is shown and nothing changes.
 */
import { Alert, Button, Group, Modal, Radio, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeResult } from '../../../../src-shared/merge';
import { useApi } from '../../../app/api';
import type { MergeKind, PickedField } from './kinds';
import { defaultChoice, differingFields, mergeInput } from './model';

/** Merges records `ids` of `kind` (the first is kept unless the person picks another). */
export function MergeDialog<
  R extends { id: string },
  S extends { id: string },
  F extends PickedField,
>(props: {
  kind: MergeKind<R, S, F>;
  ids: readonly string[];
  opened: boolean;
  onClose: () => void;
  onMerged: (result: MergeResult) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { kind, ids, opened } = props;
  const [records, setRecords] = useState<R[] | null>(null);
  const [survivorId, setSurvivorId] = useState(ids[0] ?? '');
  const [choices, setChoices] = useState<Partial<Record<F, string>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = ids.join(',');

  useEffect(() => {
    if (!opened) return undefined;
    let live = true;
    void Promise.all(key.split(',').map(id => kind.load(api, id))).then(results => {
      if (!live) return;
      const failed = results.find(r => !r.ok);
      if (failed && !failed.ok) setError(t(`errors.${failed.error.code}`));
      else setRecords(results.flatMap(r => (r.ok ? [r.value] : [])));
    });
    return () => {
      live = false;
    };
  }, [api, kind, key, opened, t]);

  const fields = records ? differingFields(kind, records) : [];
  const choiceOf = (field: F) =>
    choices[field] ?? (records ? defaultChoice(kind, records, survivorId, field) : survivorId);
  const shown = (record: R, field: F) => kind.shownValue(record, field) || t('merge.empty');
  const label = (field: PickedField) => t(`merge.fields.${field}`);

  const confirm = async () => {
    if (!records) return;
    setBusy(true);
    setError(null);
    const picked = Object.fromEntries(fields.map(f => [f, choiceOf(f)]));
    const result = await api.merges.merge(mergeInput(kind.type, ids, survivorId, picked));
    setBusy(false);
    if (result.ok) props.onMerged(result.value);
    else setError(t(`errors.${result.error.code}`));
  };

  return (
    <Modal
      opened={opened}
      onClose={props.onClose}
      closeButtonProps={{ 'aria-label': t('merge.cancel') }}
      title={t(`merge.types.${kind.type}.title`)}
      size="xl"
    >
      <Stack>
        <Text size="sm">{t('merge.intro')}</Text>
        {records ? (
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('merge.field')}</Table.Th>
                {records.map(r => (
                  <Table.Th key={r.id}>{kind.nameOf(r)}</Table.Th>
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
                      label={kind.nameOf(r)}
                      checked={survivorId === r.id}
                      onChange={() => setSurvivorId(r.id)}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
              {fields.map(field => (
                <Table.Tr key={field}>
                  <Table.Td>{label(field)}</Table.Td>
                  {records.map(r => (
                    <Table.Td key={r.id}>
                      <Radio
                        name={`merge-${field}`}
                        label={shown(r, field)}
                        aria-label={`${label(field)}: ${shown(r, field)}`}
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
          {t(`merge.types.${kind.type}.combined`)}
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
