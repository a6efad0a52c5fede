import { describe, expect, it } from 'vitest';
import { isValidTimeZone, zonedParts, zonedTimeToUtc, zoneOffsetMs } from './zoned';

const KYIV = 'Europe/Kyiv';
const HOUR = 3_600_000;

describe('zoned time in Kyiv, across its DST changes', () => {
  it('reads the clock on either side of the spring change (03:00 EET → 04:00 EEST, 29 March 2026)', () => {
    expect(zonedParts('2026-03-29T00:59:59.999Z', KYIV)).toEqual({
      year: 2026,
      month: 3,
      day: 29,
      hour: 2,
      minute: 59,
      second: 59,
    });
    expect(zonedParts('2026-03-29T01:00:00.000Z', KYIV)).toMatchObject({ hour: 4, minute: 0 });
    expect(zoneOffsetMs('2026-03-29T00:59:59Z', KYIV)).toBe(2 * HOUR);
    expect(zoneOffsetMs('2026-03-29T01:00:00Z', KYIV)).toBe(3 * HOUR);
  });

  it('reads the clock on either side of the autumn change (04:00 EEST → 03:00 EET, 25 October 2026)', () => {
    expect(zonedParts('2026-10-25T00:59:59Z', KYIV)).toMatchObject({ hour: 3, minute: 59 });
    expect(zonedParts('2026-10-25T01:00:00Z', KYIV)).toMatchObject({ hour: 3, minute: 0 });
    expect(zoneOffsetMs('2026-10-25T00:59:59Z', KYIV)).toBe(3 * HOUR);
    expect(zoneOffsetMs('2026-10-25T01:00:00Z', KYIV)).toBe(2 * HOUR);
  });

  it('midnight is hour 0 (never 24), and the local date can differ from the UTC one', () => {
    expect(zonedParts('2026-10-24T21:00:00Z', KYIV)).toEqual({
      year: 2026,
      month: 10,
      day: 25,
      hour: 0,
      minute: 0,
      second: 0,
    });
    expect(zonedParts(Date.UTC(2026, 11, 31, 22, 30), KYIV)).toMatchObject({
      year: 2027,
      month: 1,
      day: 1,
      hour: 0,
      minute: 30,
    });
  });

  it('places month starts around the changes at local midnight', () => {
    const start = (year: number, month: number) =>
      zonedTimeToUtc({ year, month, day: 1 }, KYIV).toISOString();
    expect(start(2026, 3)).toBe('2026-02-28T22:00:00.000Z');
    expect(start(2026, 4)).toBe('2026-03-31T21:00:00.000Z');
    expect(start(2026, 10)).toBe('2026-09-30T21:00:00.000Z');
    expect(start(2026, 11)).toBe('2026-10-31T22:00:00.000Z');
    expect(start(2026, 13)).toBe('2026-12-31T22:00:00.000Z');
  });

  it('round-trips every hour of the change days', () => {
    for (const day of ['2026-03-29', '2026-10-25']) {
      const from = Date.parse(`${day}T00:00:00Z`) - 3 * HOUR;
      for (let t = from; t < from + 27 * HOUR; t += HOUR / 2) {
        const p = zonedParts(t, KYIV);
        const back = zonedTimeToUtc(p, KYIV).getTime();
        // A time shown twice comes back as its second (winter) instant, one hour later at most.
        expect([t, t + HOUR]).toContain(back);
      }
    }
  });

  it('a skipped time moves forward by the gap; a repeated time gives the winter instant', () => {
    const wall = { hour: 3, minute: 30 };
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 29, ...wall }, KYIV).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(zonedTimeToUtc({ year: 2026, month: 10, day: 25, ...wall }, KYIV).toISOString()).toBe(
      '2026-10-25T01:30:00.000Z',
    );
  });
});

describe('zones', () => {
  it('UTC has no offset; New York is behind', () => {
    expect(zoneOffsetMs('2026-07-01T12:00:00Z', 'UTC')).toBe(0);
    expect(zoneOffsetMs('2026-01-15T12:00:00Z', 'America/New_York')).toBe(-5 * HOUR);
    expect(zonedTimeToUtc({ year: 2026, month: 1, day: 1 }, 'America/New_York').toISOString()).toBe(
      '2026-01-01T05:00:00.000Z',
    );
  });

  it('an unknown zone is not valid and cannot be read', () => {
    expect(isValidTimeZone(KYIV)).toBe(true);
    expect(isValidTimeZone('Europe/Kiev')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(() => zonedParts('2026-01-01T00:00:00Z', 'Mars/Olympus')).toThrow(RangeError);
  });

  it('an invalid instant is a RangeError', () => {
    expect(() => zonedParts('not a time', 'UTC')).toThrow(RangeError);
  });
});
