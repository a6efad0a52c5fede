/**
 * Pipeline settings for `pipelines.manage` holders (owner, head): rename stages and change their
 * default probability, move them up or down, add a stage, remove one — a stage that still holds
 * deals asks where to move them first (the main process refuses otherwise).
 */
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pipeline, PipelineStage } from '../../../src-shared/deals';
import type { CallError, Result } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { errorText } from '../../app/errors';
import { fieldErrors } from './format';
import { ProbabilityInput } from './ProbabilityInput';

/** The settings dialog; `onChanged` gets the pipeline as saved. */
export function PipelineSettings({
  pipeline,
  opened,
  onClose,
  onChanged,
}: {
  pipeline: Pipeline;
  opened: boolean;
  onClose: () => void;
  onChanged: (pipeline: Pipeline) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [error, setError] = useState<CallError | null>(null);
  const [name, setName] = useState('');
  const [probability, setProbability] = useState<number | ''>(50);
  const [removing, setRemoving] = useState<{ stage: PipelineStage; deals: number } | null>(null);
  const [moveTo, setMoveTo] = useState<string | null>(null);

  async function apply(call: Promise<Result<Pipeline>>): Promise<boolean> {
    const result = await call;
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    setError(null);
    onChanged(result.value);
    return true;
  }

  function reorder(index: number, dir: -1 | 1) {
    const ids = pipeline.stages.map(s => s.id);
    const [moved] = ids.splice(index, 1);
    if (!moved) return;
    ids.splice(index + dir, 0, moved);
    void apply(api.pipelines.reorderStages({ pipelineId: pipeline.id, stageIds: ids }));
  }

  async function remove(stage: PipelineStage, target?: string) {
    const result = await api.pipelines.removeStage({
      stageId: stage.id,
      ...(target ? { moveTo: target } : {}),
    });
    if (result.ok) {
      setRemoving(null);
      setError(null);
      onChanged(result.value);
    } else if (result.error.details?.['reason'] === 'stage_has_deals') {
      setMoveTo(null);
      setRemoving({ stage, deals: Number(result.error.details['deals'] ?? 0) });
    } else setError(result.error);
  }

  const fieldError = fieldErrors(t, error);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('deals.settings.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('deals.close') }}
    >
      <Stack>
        {error && Object.keys(fieldError).length === 0 ? (
          <Alert color="red">{errorText(t, error)}</Alert>
        ) : null}
        {pipeline.stages.map((stage, index) => (
          <Group
            key={`${stage.id}-${stage.name}-${stage.probability}`}
            wrap="nowrap"
            align="flex-end"
          >
            <TextInput
              label={t('deals.settings.stageName', { n: index + 1 })}
              defaultValue={stage.name}
              onBlur={e => {
                const value = e.currentTarget.value;
                if (value.trim() && value !== stage.name)
                  void apply(api.pipelines.updateStage({ stageId: stage.id, name: value }));
              }}
              style={{ flex: 1 }}
            />
            <NumberInput
              label={t('deals.field.probability')}
              defaultValue={stage.probability}
              min={0}
              max={100}
              allowDecimal={false}
              hideControls
              w={120}
              onBlur={e => {
                const value = Number(e.currentTarget.value);
                if (Number.isInteger(value) && value !== stage.probability)
                  void apply(api.pipelines.updateStage({ stageId: stage.id, probability: value }));
              }}
            />
            {stage.outcome === 'open' ? null : (
              <Badge
                variant={stage.outcome === 'won' ? 'filled' : 'light'}
                color={stage.outcome === 'won' ? 'teal.9' : 'red'}
                mb={6}
              >
                {t(`deals.${stage.outcome}`)}
              </Badge>
            )}
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('deals.settings.up', { name: stage.name })}
              disabled={index === 0}
              onClick={() => reorder(index, -1)}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('deals.settings.down', { name: stage.name })}
              disabled={index === pipeline.stages.length - 1}
              onClick={() => reorder(index, 1)}
            >
              ↓
            </ActionIcon>
            <Button variant="subtle" color="red" onClick={() => void remove(stage)}>
              {t('deals.delete')}
            </Button>
          </Group>
        ))}
        {removing ? (
          <Alert color="yellow" title={t('deals.stageHasDeals', { deals: removing.deals })}>
            <Group align="flex-end">
              <Select
                label={t('deals.settings.moveDealsTo')}
                data={pipeline.stages
                  .filter(s => s.id !== removing.stage.id && s.outcome !== 'lost')
                  .map(s => ({ value: s.id, label: s.name }))}
                value={moveTo}
                onChange={setMoveTo}
                w={220}
              />
              <Button
                color="red"
                disabled={!moveTo}
                onClick={() => moveTo && void remove(removing.stage, moveTo)}
              >
                {t('deals.settings.moveAndRemove')}
              </Button>
              <Button variant="default" onClick={() => setRemoving(null)}>
                {t('deals.cancel')}
              </Button>
            </Group>
          </Alert>
        ) : null}
        <Text fw={600}>{t('deals.settings.add')}</Text>
        <form
          onSubmit={event => {
            event.preventDefault();
            void apply(
              api.pipelines.addStage({
                pipelineId: pipeline.id,
                stage: { name, probability: probability === '' ? 0 : probability },
              }),
            ).then(ok => ok && setName(''));
          }}
        >
          <Group align="flex-end">
            <TextInput
              label={t('deals.settings.newStage')}
              value={name}
              onChange={e => setName(e.currentTarget.value)}
              error={fieldError['name']}
              style={{ flex: 1 }}
            />
            <ProbabilityInput
              value={probability}
              onChange={setProbability}
              w={120}
              error={fieldError['probability']}
            />
            <Button type="submit">{t('deals.settings.addButton')}</Button>
          </Group>
        </form>
      </Stack>
    </Modal>
  );
}
