import { describe, expect, it } from 'vitest';
import { monthRange } from './month';

describe('month range', () => {
  it('is local midnight to local midnight in the time zone, across DST changes', () => {
    // Kyiv: UTC+2 in winter, UTC+3 from the last Sunday of March.
    expect(monthRange('2026-03', 'Europe/Kyiv')).toEqual({
      from: '2026-02-28T22:00:00.000Z',
      to: '2026-03-31T21:00:00.000Z',
    });
    expect(monthRange('2026-12', 'Europe/Kyiv')).toEqual({
      from: '2026-11-30T22:00:00.000Z',
      to: '2026-12-31T22:00:00.000Z',
    });
    expect(monthRange('2026-11', 'UTC')).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
    expect(monthRange('2026-01', 'America/New_York').from).toBe('2026-01-01T05:00:00.000Z');
  });

  it('refuses what is not a month', () => {
    expect(() => monthRange('2026-13', 'UTC')).toThrow(RangeError);
    expect(() => monthRange('26-1', 'UTC')).toThrow(RangeError);
  });
});
