/**
 * The kanban board of a pipeline: a column per stage with its count, per-currency totals (from
 * SQL) and first cards; "show more" pages a column through `deals.list`. Cards move between stages
 * by mouse drag or by keyboard (dnd-kit KeyboardSensor: space, arrows, space) with Ukrainian
 * announcements; a move to a lost stage asks for the reason first. Every move is `deals.move`.
 */
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  rectIntersection,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealBoard as Board, DealSummary, PipelineStage } from '../../../src-shared/deals';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { errorText } from '../../app/errors';
import { DealCard } from './DealCard';
import { fieldErrors, totalsText } from './format';
import { LostReasonModal } from './LostReasonModal';

/** Cards per column on the first load and per "show more". */
const COLUMN_PAGE = 20;

/** Arrow keys jump the picked-up card to the next or previous column (not 25 px at a time). */
const columnCoordinates: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
  const dir = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  if (dir === 0) {
    if (event.code === 'ArrowUp' || event.code === 'ArrowDown') event.preventDefault();
    return undefined;
  }
  event.preventDefault();
  const rect = context.collisionRect;
  if (!rect) return undefined;
  const columns = [...context.droppableRects.values()].sort((a, b) => a.left - b.left);
  const center = rect.left + rect.width / 2;
  let index = columns.findIndex(c => center >= c.left && center <= c.left + c.width);
  if (index < 0) index = 0;
  const target = columns[index + dir];
  if (!target) return currentCoordinates;
  return {
    x: currentCoordinates.x + (target.left + target.width / 2 - center),
    y: currentCoordinates.y,
  };
};

interface PendingMove {
  deal: DealSummary;
  stage: PipelineStage;
}

/** The board. `refreshKey` changes reload it. */
export function DealBoard({
  pipelineId,
  ownerId,
  canMove,
  refreshKey,
  onOpen,
}: {
  pipelineId: string;
  ownerId: string | undefined;
  canMove: (deal: DealSummary) => boolean;
  refreshKey: number;
  onOpen: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [board, setBoard] = useState<Board | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [lost, setLost] = useState<PendingMove | null>(null);
  const [lostError, setLostError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await api.deals.board({
      pipelineId,
      limit: COLUMN_PAGE,
      ...(ownerId ? { ownerId } : {}),
    });
    if (result.ok) {
      setBoard(result.value);
      setError(null);
    } else setError(result.error);
  }, [api, pipelineId, ownerId]);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: columnCoordinates,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space'] },
    }),
  );

  if (error && !board) {
    return (
      <Alert color="red" title={errorText(t, error)}>
        <Button variant="light" onClick={() => void load()}>
          {t('deals.reload')}
        </Button>
      </Alert>
    );
  }
  if (!board) {
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  }
  const stages = board.pipeline.stages;
  const stageName = (id: string | number | undefined) => stages.find(s => s.id === id)?.name ?? '';
  const titleOf = (id: string | number) =>
    board.columns.flatMap(c => c.items).find(d => d.id === id)?.title ?? '';

  async function move(deal: DealSummary, stage: PipelineStage, lostReason?: string) {
    const result = await api.deals.move({
      id: deal.id,
      stageId: stage.id,
      expectedUpdatedAt: deal.updatedAt,
      ...(lostReason ? { lostReason } : {}),
    });
    if (!result.ok) {
      if (lostReason !== undefined) {
        setLostError(fieldErrors(t, result.error)['lostReason'] ?? errorText(t, result.error));
        return;
      }
      setError(result.error);
    } else {
      setNotice(t('deals.moved', { title: deal.title, stage: stage.name }));
      setError(null);
    }
    setLost(null);
    await load();
  }

  function onDragEnd(event: DragEndEvent) {
    const deal = board?.columns.flatMap(c => c.items).find(d => d.id === event.active.id);
    const stage = stages.find(s => s.id === event.over?.id);
    if (!deal || !stage || stage.id === deal.stageId) return;
    if (stage.outcome === 'lost') {
      setLostError(undefined);
      setLost({ deal, stage });
      return;
    }
    // Show the card in its new column at once; the reload after the call settles it.
    setBoard(b => (b ? moveLocally(b, deal, stage.id) : b));
    void move(deal, stage);
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      t('deals.dnd.start', {
        title: titleOf(active.id),
        stage: stageName(active.data.current?.['stageId']),
      }),
    onDragOver: ({ active, over }) =>
      over
        ? t('deals.dnd.over', { title: titleOf(active.id), stage: stageName(over.id) })
        : t('deals.dnd.overNone', { title: titleOf(active.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t('deals.dnd.end', { title: titleOf(active.id), stage: stageName(over.id) })
        : t('deals.dnd.cancel', { title: titleOf(active.id) }),
    onDragCancel: ({ active }) => t('deals.dnd.cancel', { title: titleOf(active.id) }),
  };

  return (
    <Stack gap="xs">
      {error ? (
        <Alert color="red" withCloseButton onClose={() => setError(null)}>
          {errorText(t, error)}
        </Alert>
      ) : null}
      <Text size="sm" c="dimmed" id="deals-dnd-help">
        {t('deals.dnd.instructions')}
      </Text>
      <div
        role="status"
        aria-live="polite"
        className="visually-hidden"
        style={{ position: 'absolute', left: -10000 }}
      >
        {notice}
      </div>
      <DndContext
        sensors={sensors}
        collisionDetection={rectIntersection}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('deals.dnd.instructions') },
        }}
      >
        {/* A focusable, named viewport: an empty board still scrolls by keyboard (axe). */}
        <ScrollArea
          type="auto"
          offsetScrollbars
          viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('deals.boardRegion') }}
        >
          <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
            {stages.map(stage => {
              const column = board.columns.find(c => c.stageId === stage.id);
              return (
                <StageColumn
                  key={stage.id}
                  stage={stage}
                  items={column?.items ?? []}
                  count={column?.count ?? 0}
                  totals={column ? totalsText(column.totals, i18n.language) : ''}
                  nextCursor={column?.nextCursor ?? null}
                  canMove={canMove}
                  onOpen={onOpen}
                  onMore={async () => {
                    if (!column?.nextCursor) return;
                    const more = await api.deals.list({
                      sort: 'updated',
                      direction: 'desc',
                      filter: { stageId: stage.id, ...(ownerId ? { ownerId } : {}) },
                      cursor: column.nextCursor,
                      limit: COLUMN_PAGE,
                    });
                    if (!more.ok) {
                      setError(more.error);
                      return;
                    }
                    setBoard(b =>
                      b ? appendColumn(b, stage.id, more.value.items, more.value.nextCursor) : b,
                    );
                  }}
                />
              );
            })}
          </Group>
        </ScrollArea>
      </DndContext>
      <LostReasonModal
        key={lost?.deal.id ?? 'none'}
        title={lost ? lost.deal.title : null}
        error={lostError}
        onCancel={() => setLost(null)}
        onConfirm={reason => {
          if (lost) void move(lost.deal, lost.stage, reason);
        }}
      />
    </Stack>
  );
}

function moveLocally(board: Board, deal: DealSummary, stageId: string): Board {
  return {
    ...board,
    columns: board.columns.map(c => {
      if (c.stageId === deal.stageId)
        return { ...c, items: c.items.filter(i => i.id !== deal.id), count: c.count - 1 };
      if (c.stageId === stageId)
        return { ...c, items: [{ ...deal, stageId }, ...c.items], count: c.count + 1 };
      return c;
    }),
  };
}

function appendColumn(
  board: Board,
  stageId: string,
  items: DealSummary[],
  next: string | null,
): Board {
  return {
    ...board,
    columns: board.columns.map(c =>
      c.stageId === stageId ? { ...c, items: [...c.items, ...items], nextCursor: next } : c,
    ),
  };
}

function StageColumn({
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
