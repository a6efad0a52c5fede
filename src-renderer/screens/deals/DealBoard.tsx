/**
 * The kanban board of a pipeline: a column per stage (./StageColumn) with its count, per-currency
 * totals (from SQL) and first cards; "show more" pages a column through `deals.list`. Cards move
 * between stages by mouse drag or by keyboard (./board-keyboard) with announcements in the interface
 * language (./board-announcements); a move to a lost stage asks for the reason first. Every move is
 * `deals.move`; the card moves on screen at once (./board-model) and the reload settles it.
 */
import { DndContext, rectIntersection, type DragEndEvent } from '@dnd-kit/core';
import { Alert, Button, Center, Group, Loader, ScrollArea, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealBoard as Board, DealSummary, PipelineStage } from '../../../src-shared/deals';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { errorText } from '../../app/errors';
import { boardAnnouncements } from './board-announcements';
import { useBoardSensors } from './board-keyboard';
import { appendColumn, COLUMN_PAGE, dealOnBoard, moveLocally, stageOnBoard } from './board-model';
import { fieldErrors, totalsText } from './format';
import { LostReasonModal } from './LostReasonModal';
import { StageColumn } from './StageColumn';

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

  const sensors = useBoardSensors();

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
    const deal = board ? dealOnBoard(board, event.active.id) : undefined;
    const stage = board ? stageOnBoard(board, event.over?.id) : undefined;
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

  const announcements = boardAnnouncements(t, board);

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
