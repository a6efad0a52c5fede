/**
 * One stage of the board: its name and probability, the count and per-currency totals (from SQL),
 * its cards, and "show more" when main has more. The whole column is a drop target.
 */
import { useDroppable } from '@dnd-kit/core';
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DealSummary, PipelineStage } from '../../../src-shared/deals';
import { DealCard } from './DealCard';

/** A stage's column; `onMore` loads the column's next page. */
export function StageColumn({
  stage,
  items,
  count,
  totals,
  nextCursor,
  canMove,
  onOpen,
  onMore,
}: {
  stage: PipelineStage;
  items: DealSummary[];
  count: number;
  totals: string;
  nextCursor: string | null;
  canMove: (deal: DealSummary) => boolean;
  onOpen: (id: string) => void;
  onMore: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: stage.id });
  const color = stage.outcome === 'won' ? 'teal.9' : stage.outcome === 'lost' ? 'red' : 'blue';
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="xs"
      radius="md"
      bg={isOver ? 'blue.0' : 'gray.0'}
      miw={160}
      mih={360}
      style={{ flex: '1 1 0' }}
      component="section"
      aria-label={stage.name}
      data-testid="deal-column"
      data-stage-id={stage.id}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap={4}>
          <Text fw={700} size="sm">
            {stage.name}
          </Text>
          <Badge
            color={color}
            variant={stage.outcome === 'won' ? 'filled' : 'light'}
            style={{ flexShrink: 0 }}
          >
            {stage.probability}%
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t('deals.count', { count })}
          {totals ? ` · ${totals}` : ''}
        </Text>
        {items.length === 0 ? (
          <Text size="xs" c="dimmed" ta="center" py="lg">
            {t('deals.emptyColumn')}
          </Text>
        ) : (
          items.map(deal => (
            <DealCard
              key={deal.id}
              deal={deal}
              stageName={stage.name}
              canMove={canMove(deal)}
              onOpen={onOpen}
            />
          ))
        )}
        {nextCursor ? (
          <Button variant="subtle" size="xs" onClick={() => void onMore()}>
            {t('deals.showMore')}
          </Button>
        ) : null}
      </Stack>
    </Paper>
  );
}
