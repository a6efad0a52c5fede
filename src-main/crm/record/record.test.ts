/**
 * The shared record pieces on their own: the error reaches the caller with its details, cursors
 * round-trip and refuse other lists', the concurrency token only grows, search words fold.
 */
import { describe, expect, it } from 'vitest';
import { toCallError } from '../../ipc';
import { nextTime, applyPatch } from './changes';
import { decodeCursor, encodeCursor, keysetPage, pageOf } from './cursor';
import { RecordError, isRecordError, recordNotFound } from './errors';
import { foldedSearchText, searchWords } from './search-words';

describe('RecordError', () => {
  it('answers the caller with its code, message and details; without details none are sent', () => {
    const stage = new RecordError('conflict', 'This stage still has deals.', {
      reason: 'stage_has_deals',
      deals: 3,
    });
    expect(toCallError(stage, 'pipelines.removeStage')).toEqual({
      code: 'conflict',
      message: 'This stage still has deals.',
      details: { reason: 'stage_has_deals', deals: 3 },
    });
    expect(toCallError(recordNotFound('contact'), 'contacts.get')).toEqual({
      code: 'not_found',
      message: 'No such contact.',
    });
    expect(isRecordError(recordNotFound('deal'), 'not_found')).toBe(true);
    expect(isRecordError(new Error('x'))).toBe(false);
  });
});

describe('keyset cursors', () => {
  it('round-trip within their list and refuse another list, order or value type', () => {
    const text = encodeCursor(['deal', 'amount', 'asc'], 1250050, 'id-1');
    expect(decodeCursor(text, ['deal', 'amount', 'asc'], 'number')).toEqual({
      value: 1250050,
      id: 'id-1',
    });
    for (const [key, type] of [
      [['deal', 'amount', 'desc'], 'number'],
      [['company', 'amount', 'asc'], 'number'],
      [['deal', 'amount', 'asc'], 'string'],
    ] as const) {
      expect(() => decodeCursor(text, key, type)).toThrow(/cursor: not from this list/);
    }
    expect(() => decodeCursor('not a cursor', [], 'string')).toThrow(RecordError);
  });

  it('cut a page fetched with one extra row and point after its last row', () => {
    const rows = ['a', 'b', 'c'].map(id => ({ id, sort_value: id.toUpperCase() }));
    const page = pageOf(rows, 2, ['k'], r => r.id);
    expect(page.items).toEqual(['a', 'b']);
    expect(decodeCursor(page.nextCursor ?? '', ['k'], 'string')).toEqual({ value: 'B', id: 'b' });
    expect(pageOf(rows, 3, ['k'], r => r.id).nextCursor).toBeNull();
  });

  it('a keyset page reads its sort value from a column; a last row without one ends the list', () => {
    const rows = [
      { id: 'a', due_at: '2026-12-01' },
      { id: 'b', due_at: '2026-12-02' },
      { id: 'c', due_at: null },
    ];
    const page = keysetPage(
      rows,
      2,
      ['tasks'],
      r => r.due_at,
      r => r.id,
    );
    expect(page.items).toEqual(['a', 'b']);
    expect(decodeCursor(page.nextCursor ?? '', ['tasks'], 'string')).toEqual({
      value: '2026-12-02',
      id: 'b',
    });
    expect(
      keysetPage(
        rows.slice(1),
        2,
        ['tasks'],
        r => r.due_at,
        r => r.id,
      ).nextCursor,
    ).toBeNull();
    expect(
      keysetPage(
        rows,
        3,
        ['tasks'],
        r => r.due_at,
        r => r.id,
      ).nextCursor,
    ).toBeNull();
  });
});

describe('writes', () => {
  it('the concurrency token only grows, even within one millisecond', () => {
    const now = new Date('2026-11-29T09:00:00.000Z');
    expect(nextTime(now)).toBe('2026-11-29T09:00:00.000Z');
    expect(nextTime(now, '2026-11-29T09:00:00.000Z')).toBe('2026-11-29T09:00:00.001Z');
    expect(() => nextTime(new Date(Number.NaN))).toThrow(/time: not a valid date/);
  });

  it('a patch changes only the fields it defines', () => {
    expect(applyPatch({ a: 1, b: 'x' }, { b: undefined })).toEqual({ a: 1, b: 'x' });
    expect(applyPatch({ a: 1, b: 'x' }, { a: 2 })).toEqual({ a: 2, b: 'x' });
  });
});

describe('search words', () => {
  it('fold words, keep a phone-like query as one run of digits, store folded text', () => {
    expect(searchWords('+38 (067) 123-45-67')).toEqual(['380671234567']);
    expect(searchWords('  Олена  олена ')).toHaveLength(1);
    expect(foldedSearchText(['', 'Олена'])).toBe(searchWords('Олена')[0]);
  });
});
