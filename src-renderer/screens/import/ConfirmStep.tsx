/**
 * Step 4: who owns the new records (the importer, or — for holders of `<type>.reassign` — a
 * colleague), then the import itself: a progress bar fed by main (`imports.progress`, rows done
 * after each batch) and a stop button (`imports.cancel`: batches already written stay, the batch is
 * marked cancelled and "undo" removes it).
 */
import { Button, Group, Progress, Radio, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api';
import { useLoaded } from '../../components/useLoaded';
import { percentDone } from './wizard-model';

/** The owner choice and the start button, or the running import's progress. */
export function ConfirmStep(props: {
  create: number;
  update: number;
  canReassign: boolean;
  ownerId: string | null;
  running: { done: number; total: number; cancelling: boolean } | null;
  onOwner: (ownerId: string | null) => void;
  onStart: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { running } = props;
  if (running) {
    const percent = percentDone(running.done, running.total);
    const label = t('importer.running.progress', { done: running.done, total: running.total });
    return (
      <Stack gap="sm">
        <Text fw={600}>{t('importer.running.title')}</Text>
        <Progress value={percent} aria-label={label} size="lg" />
        <Text size="sm" role="status">
          {running.cancelling ? t('importer.running.cancelling') : label}
        </Text>
        <Button
          variant="default"
          onClick={props.onCancel}
          disabled={running.cancelling}
          w="fit-content"
        >
          {t('importer.running.cancel')}
        </Button>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Text>{t('importer.confirm.summary', { create: props.create, update: props.update })}</Text>
      {props.canReassign ? <OwnerChoice ownerId={props.ownerId} onOwner={props.onOwner} /> : null}
      <Group>
        <Button onClick={props.onStart}>{t('importer.confirm.start')}</Button>
      </Group>
    </Stack>
  );
}

/** "Me" or a colleague (the active colleagues main lists). */
function OwnerChoice(props: { ownerId: string | null; onOwner: (id: string | null) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const colleagues = useLoaded(() => api.users.colleagues({}));
  const data = (colleagues.value ?? []).map(c => ({ value: c.id, label: c.displayName }));
  const [first] = data;
  return (
    <Radio.Group
      label={t('importer.confirm.owner')}
      value={props.ownerId === null ? 'me' : 'colleague'}
      onChange={value => props.onOwner(value === 'me' ? null : (first?.value ?? null))}
    >
      <Group mt="xs">
        <Radio value="me" label={t('importer.confirm.me')} />
        <Radio value="colleague" label={t('importer.confirm.colleague')} disabled={!first} />
        {props.ownerId !== null ? (
          <Select
            aria-label={t('importer.confirm.colleaguePick')}
            data={data}
            value={props.ownerId}
            onChange={value => props.onOwner(value)}
            allowDeselect={false}
            searchable
            w={260}
          />
        ) : null}
      </Group>
    </Radio.Group>
  );
}
