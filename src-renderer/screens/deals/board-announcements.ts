/**
 * What a screen reader hears while a card moves: which deal was picked up from which stage, which
 * stage it is over, where it was dropped or that the move was cancelled (in the interface language).
 */
import type { Announcements } from '@dnd-kit/core';
import type { TFunction } from 'i18next';
import type { DealBoard as Board } from '../../../src-shared/deals';
import { dealOnBoard, stageOnBoard } from './board-model';

/** dnd-kit announcements for `board`, worded with `t` (`deals.dnd.*`). */
export function boardAnnouncements(t: TFunction, board: Board): Announcements {
  const stageName = (id: string | number | undefined) => stageOnBoard(board, id)?.name ?? '';
  const titleOf = (id: string | number) => dealOnBoard(board, id)?.title ?? '';
  return {
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
}
