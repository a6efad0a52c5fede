/**
 * The board between answers from main, as the user sees it: a dropped card shows in its new column
 * at once with both counts changed, "show more" adds cards under the ones shown, and a screen reader
 * hears the deal's title and stage names in Ukrainian.
 */
import type { Active, Over } from '@dnd-kit/core';
import { describe, expect, it } from 'vitest';
import type { DealBoard, DealSummary, PipelineStage } from '../../../src-shared/deals';
import { createI18n } from '../../i18n';
import { boardAnnouncements } from './board-announcements';
import { appendColumn, moveLocally } from './board-model';

function stage(id: string, name: string, position: number): PipelineStage {
  return { id, pipelineId: 'p-1', name, position, probability: 10 * position, outcome: 'open' };
}

function deal(id: string, title: string, stageId: string): DealSummary {
  return {
    id,
    ownerId: 'u-1',
    ownerName: 'Олена Коваленко',
    title,
    amountMinor: 1_000_00,
    currency: 'UAH',
    probability: 10,
    expectedClose: null,
    pipelineId: 'p-1',
    stageId,
    lostReason: null,
    contactId: null,
    contactName: null,
    companyId: null,
    companyName: null,
    createdAt: '2026-11-28T09:00:00.000Z',
    updatedAt: '2026-11-28T09:00:00.000Z',
  };
}

const FLOUR = deal('d-1', 'Постачання борошна', 's-new');
const SUGAR = deal('d-2', 'Цукор на грудень', 's-new');
const BOARD: DealBoard = {
  pipeline: {
    id: 'p-1',
    name: 'Продажі',
    isDefault: true,
    stages: [stage('s-new', 'Новий запит', 0), stage('s-offer', 'Пропозиція', 1)],
    updatedAt: '2026-11-28T09:00:00.000Z',
  },
  columns: [
    { stageId: 's-new', items: [FLOUR, SUGAR], nextCursor: 'c-1', count: 3, totals: [] },
    { stageId: 's-offer', items: [], nextCursor: null, count: 0, totals: [] },
  ],
};

describe('deal board model', () => {
  it('a dropped card shows first in its new column, both counts change, nothing else moves', () => {
    const moved = moveLocally(BOARD, FLOUR, 's-offer');
    expect(moved.columns.map(c => [c.items.map(d => d.title), c.count])).toEqual([
      [['Цукор на грудень'], 2],
      [['Постачання борошна'], 1],
    ]);
    expect(moved.columns[1]?.items[0]?.stageId).toBe('s-offer');
    // The board shown before the move is not changed underneath React.
    expect(BOARD.columns[0]?.items).toHaveLength(2);
  });

  it('"show more" adds the next cards under the shown ones and keeps the new cursor', () => {
    const more = appendColumn(BOARD, 's-new', [deal('d-3', 'Олія', 's-new')], null);
    expect(more.columns[0]?.items.map(d => d.title)).toEqual([
      'Постачання борошна',
      'Цукор на грудень',
      'Олія',
    ]);
    expect(more.columns[0]?.nextCursor).toBeNull();
    expect(more.columns[1]).toBe(BOARD.columns[1]);
  });

  it('announces the deal and the stages by name, in Ukrainian', () => {
    const i18n = createI18n('uk');
    const say = boardAnnouncements(i18n.t, BOARD);
    const active = { id: 'd-1', data: { current: { stageId: 's-new' } } } as unknown as Active;
    const over = { id: 's-offer' } as unknown as Over;
    expect(say.onDragStart({ active })).toBe(
      'Угоду «Постачання борошна» взято. Етап зараз: «Новий запит».',
    );
    expect(say.onDragOver({ active, over })).toBe(
      'Угода «Постачання борошна» над етапом «Пропозиція».',
    );
    expect(say.onDragEnd({ active, over })).toBe(
      'Угоду «Постачання борошна» відпущено на етапі «Пропозиція».',
    );
    expect(say.onDragCancel({ active, over: null })).toBe(
      'Переміщення угоди «Постачання борошна» скасовано.',
    );
  });
});
