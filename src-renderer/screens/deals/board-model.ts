/**
 * The board's data between answers from main: a card moved at once on drop (the reload after
 * `deals.move` settles it), a column's next page appended, and the lookups the announcements need.
 */
import type { DealBoard as Board, DealSummary, PipelineStage } from '../../../src-shared/deals';

/** Cards per column on the first load and per "show more". */
export const COLUMN_PAGE = 20;

/** `board` with `deal` taken out of its column and put first in stage `stageId`'s column. */
export function moveLocally(board: Board, deal: DealSummary, stageId: string): Board {
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

/** `board` with `items` added at the end of stage `stageId`'s column and its new cursor. */
export function appendColumn(
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

/** The card with id `id` in any column of the board, if shown. */
export function dealOnBoard(board: Board, id: string | number): DealSummary | undefined {
  return board.columns.flatMap(c => c.items).find(d => d.id === id);
}

/** The stage with id `id` of the board's pipeline, if any. */
export function stageOnBoard(
  board: Board,
  id: string | number | undefined,
): PipelineStage | undefined {
  return board.pipeline.stages.find(s => s.id === id);
}
