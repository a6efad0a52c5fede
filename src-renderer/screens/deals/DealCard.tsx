/**
 * One kanban card: title, amount, contact/company, the owner. Draggable with the mouse and
 * with the keyboard (space picks up, arrows move between stages, space drops); Enter opens it.
 */
import { useDraggable } from '@dnd-kit/core';
import { Paper, Stack, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealSummary } from '../../../src-shared/deals';
import { PersonBadge } from '../../components/PersonBadge';
import { dealAmount } from './format';

/** A card on the board. `stageName` is for its accessible label. */
export function DealCard({
  deal,
  stageName,
  canMove,
  onOpen,
}: {
  deal: DealSummary;
  stageName: string;
  canMove: boolean;
  onOpen: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: deal.id,
    data: { stageId: deal.stageId, title: deal.title },
    disabled: !canMove,
  });
  const amount = dealAmount(deal, i18n.language);
  const style: CSSProperties = {
    transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
    opacity: isDragging ? 0.85 : 1,
    cursor: canMove ? 'grab' : 'pointer',
    zIndex: isDragging ? 10 : undefined,
    position: 'relative',
  };
  const who = deal.contactName ?? deal.companyName;
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      shadow={isDragging ? 'md' : 'xs'}
      p="xs"
      radius="sm"
      style={style}
      data-testid="deal-card"
      data-deal-id={deal.id}
      {...attributes}
      {...listeners}
      role="button"
      tabIndex={0}
      data-stage-name={stageName}
      onKeyDown={event => {
        if (event.key === 'Enter') {
          event.preventDefault();
          onOpen(deal.id);
          return;
        }
        listeners?.['onKeyDown']?.(event);
      }}
      onClick={() => onOpen(deal.id)}
    >
      <Stack gap={4}>
        <Text fw={600} size="sm" lineClamp={2}>
          {deal.title}
        </Text>
        <Text size="sm" ff="monospace">
          {amount}
        </Text>
        <PersonBadge name={deal.ownerName} style={{ minWidth: 0 }} />
        <Text size="xs" c="dimmed" lineClamp={1}>
          {who ?? t('deals.noContact')}
          {deal.contactName && deal.companyName ? ` · ${deal.companyName}` : ''}
        </Text>
        {deal.lostReason ? (
          <Text size="xs" c="red.8" lineClamp={2}>
            {deal.lostReason}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
