/** A deal page's stage controls: move to another stage, mark won, mark lost (asks for a reason). */
import { Button, Group, Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal, PipelineStage } from '../../../src-shared/deals';

/**
 * The controls for `deal` among its pipeline's `stages`; `onLost` opens the reason dialog. Keyed by
 * the deal's stage, so a move clears the chosen target.
 */
export function DealStageActions(props: {
  deal: Deal;
  stages: readonly PipelineStage[];
  onMove: (stageId: string) => void;
  onLost: () => void;
}) {
  const { deal, stages } = props;
  const { t } = useTranslation();
  const [target, setTarget] = useState<string | null>(null);
  const won = stages.find(s => s.outcome === 'won');
  const lost = stages.find(s => s.outcome === 'lost');
  return (
    <Group align="flex-end">
      <Select
        label={t('deals.moveTo')}
        data={stages
          .filter(s => s.id !== deal.stageId && s.outcome !== 'lost')
          .map(s => ({ value: s.id, label: s.name }))}
        value={target}
        onChange={setTarget}
        w={220}
      />
      <Button disabled={!target} onClick={() => target && props.onMove(target)}>
        {t('deals.move')}
      </Button>
      {won && deal.stageId !== won.id ? (
        <Button color="teal.9" onClick={() => props.onMove(won.id)}>
          {t('deals.markWon')}
        </Button>
      ) : null}
      {lost && deal.stageId !== lost.id ? (
        <Button color="red" variant="light" onClick={props.onLost}>
          {t('deals.markLost')}
        </Button>
      ) : null}
    </Group>
  );
}
