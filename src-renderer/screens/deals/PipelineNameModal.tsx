/**
 * A new pipeline (pipelines.create: main gives it the standard stages) or a new name for one
 * (pipelines.rename), for `pipelines.manage` holders. The name is checked as the main process
 * checks it (the shared schema) before asking; a refusal on the name shows under the field, any
 * other one above the buttons.
 */
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pipelineNameSchema, type Pipeline } from '../../../src-shared/deals';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from './format';

/** What the dialog does: create a pipeline, or rename `pipeline`. */
export type PipelineNameTask = { kind: 'create' } | { kind: 'rename'; pipeline: Pipeline };

/** The dialog; mount it only while open (its field starts from the current name). */
export function PipelineNameModal({
  task,
  onClose,
  onSaved,
}: {
  task: PipelineNameTask;
  onClose: () => void;
  /** Gets the pipeline as saved. */
  onSaved: (pipeline: Pipeline) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [name, setName] = useState(task.kind === 'rename' ? task.pipeline.name : '');
  const [nameError, setNameError] = useState<string | undefined>();
  const [error, setError] = useState<CallError | null>(null);
  const [busy, setBusy] = useState(false);
  const creating = task.kind === 'create';

  async function save() {
    const checked = pipelineNameSchema.safeParse(name);
    if (!checked.success) {
      setError(null);
      return setNameError(t(checked.error.issues[0]?.message ?? 'deal.invalid'));
    }
    setNameError(undefined);
    setBusy(true);
    const result =
      task.kind === 'create'
        ? await api.pipelines.create({ name: checked.data })
        : await api.pipelines.rename({ id: task.pipeline.id, name: checked.data });
    setBusy(false);
    if (result.ok) return onSaved(result.value);
    const fields = fieldErrors(t, result.error);
    setNameError(fields['name']);
    setError(fields['name'] ? null : result.error);
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(creating ? 'deals.pipelines.createTitle' : 'deals.pipelines.renameTitle')}
      closeButtonProps={{ 'aria-label': t('deals.close') }}
      centered
    >
      <form
        noValidate
        onSubmit={event => {
          event.preventDefault();
          if (!busy) void save();
        }}
      >
        <Stack>
          {creating ? <Text size="sm">{t('deals.pipelines.createHint')}</Text> : null}
          <TextInput
            label={t('deals.pipelines.name')}
            placeholder={t('deals.pipelines.namePlaceholder')}
            value={name}
            onChange={e => {
              setName(e.currentTarget.value);
              setNameError(undefined);
            }}
            error={nameError}
            required
            data-autofocus
          />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('deals.cancel')}
            </Button>
            <BusyButton type="submit" busy={busy} busyLabel={t('deals.pipelines.busy')}>
              {t(creating ? 'deals.pipelines.createButton' : 'deals.pipelines.renameButton')}
            </BusyButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
