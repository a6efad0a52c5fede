import { describe, expect, it } from 'vitest';
import { dayKey, gridRange, monthGrid, taskViewRange } from './views';

const KYIV = 'Europe/Kyiv';

describe('task views in the user’s zone', () => {
  it('today and this week (from Monday) are Kyiv days, overdue is before now', () => {
    // Sunday 6 December 2026, 00:30 in Kyiv (22:30 UTC on Saturday).
    const now = new Date('2026-12-05T22:30:00.000Z');
    expect(taskViewRange('today', now, KYIV)).toEqual({
      from: '2026-12-05T22:00:00.000Z',
      before: '2026-12-06T22:00:00.000Z',
    });
    expect(taskViewRange('week', now, KYIV)).toEqual({
      from: '2026-11-29T22:00:00.000Z',
      before: '2026-12-06T22:00:00.000Z',
    });
    expect(taskViewRange('overdue', now, KYIV)).toEqual({ before: now.toISOString() });
    expect(taskViewRange('open', now, KYIV)).toEqual({});
  });

  it('a week across the spring DST change is 167 hours long', () => {
    const now = new Date('2026-03-25T10:00:00.000Z');
    const { from, before } = taskViewRange('week', now, KYIV);
    expect(from).toBe('2026-03-22T22:00:00.000Z');
    expect(before).toBe('2026-03-29T21:00:00.000Z');
  });
});

describe('month grid', () => {
  it('starts weeks on Monday and fills them with the neighbours’ days', () => {
    const weeks = monthGrid(2026, 12);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]?.[0]).toEqual({ year: 2026, month: 11, day: 30, inMonth: false });
    expect(weeks[0]?.[1]).toEqual({ year: 2026, month: 12, day: 1, inMonth: true });
    expect(weeks.at(-1)?.[6]).toEqual({ year: 2027, month: 1, day: 3, inMonth: false });
    // February 2027 starts on a Monday and fills exactly four weeks.
    expect(monthGrid(2027, 2)).toHaveLength(4);
    expect(monthGrid(2026, 3)).toHaveLength(6);
    // An office whose weeks start on Sunday: December 2026 starts on a Tuesday, two days lead.
    const sunday = monthGrid(2026, 12, 0);
    expect(sunday[0]?.[0]).toEqual({ year: 2026, month: 11, day: 29, inMonth: false });
    expect(sunday[0]?.[2]).toEqual({ year: 2026, month: 12, day: 1, inMonth: true });
    expect(monthGrid(2026, 3, 0)[0]?.[0]).toEqual({ year: 2026, month: 3, day: 1, inMonth: true });
    expect(gridRange(weeks, KYIV)).toEqual({
      from: '2026-11-29T22:00:00.000Z',
      before: '2027-01-03T22:00:00.000Z',
    });
    expect(dayKey('2026-12-06T21:59:00.000Z', KYIV)).toBe('2026-12-06');
    expect(dayKey('2026-12-06T22:00:00.000Z', KYIV)).toBe('2026-12-07');
  });
});
