/** The created filter's periods on a fixed day, in the test's time zone (local days). */
import { describe, expect, it } from 'vitest';
import { createdRange } from './created-range';

const NOW = new Date(2026, 11, 6, 15, 30); // 6 December 2026, local time
const local = (y: number, m: number, d: number) => new Date(y, m, d).toISOString();

describe('createdRange', () => {
  it('turns relative periods into local-day instants on the day it is asked', () => {
    const range = (period: 'today' | 'last7' | 'thisMonth' | 'lastMonth' | 'thisYear') =>
      createdRange({ period, from: '', to: '' }, NOW);
    expect(range('today')).toEqual({
      createdFrom: local(2026, 11, 6),
      createdBefore: local(2026, 11, 7),
    });
    expect(range('last7').createdFrom).toBe(local(2026, 10, 30));
    expect(range('thisMonth')).toEqual({
      createdFrom: local(2026, 11, 1),
      createdBefore: local(2027, 0, 1),
    });
    expect(range('lastMonth')).toEqual({
      createdFrom: local(2026, 10, 1),
      createdBefore: local(2026, 11, 1),
    });
    expect(range('thisYear').createdBefore).toBe(local(2027, 0, 1));
    // "This month" asked in January is January, not the month it was saved in.
    expect(createdRange({ period: 'thisMonth', from: '', to: '' }, new Date(2027, 0, 15))).toEqual({
      createdFrom: local(2027, 0, 1),
      createdBefore: local(2027, 1, 1),
    });
  });

  it('takes a custom range of days with the last day included; open ends stay open', () => {
    expect(createdRange({ period: 'custom', from: '2026-12-01', to: '2026-12-05' }, NOW)).toEqual({
      createdFrom: local(2026, 11, 1),
      createdBefore: local(2026, 11, 6),
    });
    expect(createdRange({ period: 'custom', from: '', to: 'nonsense' }, NOW)).toEqual({});
    expect(createdRange({ period: 'any', from: '2026-12-01', to: '' }, NOW)).toEqual({});
  });
});
