import { describe, expect, it } from 'vitest';
import { describeRate, transferRate } from './transfer-rate';

const MB = 1e6;

describe('transferRate', () => {
  it('gives the average speed and the time left at it', () => {
    // 50 MB of 200 MB in 2 s: 25 MB/s, 150 MB left → 6 s.
    const rate = transferRate(50 * MB, 200 * MB, 2000);
    expect(rate).toEqual({ megabytesPerSecond: 25, secondsLeft: 6 });
    expect(describeRate(rate)).toBe('25.0 MB/s, 6 s left');
  });

  it('rounds the time left up and speaks in minutes past two', () => {
    expect(transferRate(10 * MB, 1000 * MB, 1000).secondsLeft).toBe(99);
    expect(describeRate(transferRate(2 * MB, 1000 * MB, 1000))).toBe('2.0 MB/s, 9 min left');
  });

  it('says nothing in the first half second or the first megabyte, or on odd input', () => {
    expect(transferRate(50 * MB, 200 * MB, 100)).toEqual({
      megabytesPerSecond: null,
      secondsLeft: null,
    });
    expect(transferRate(1000, 200 * MB, 5000).megabytesPerSecond).toBeNull();
    expect(transferRate(300 * MB, 200 * MB, 5000).megabytesPerSecond).toBeNull();
    expect(describeRate(transferRate(0, 0, 0))).toBe('');
  });

  it('shows no time left once everything is done', () => {
    expect(describeRate(transferRate(200 * MB, 200 * MB, 4000))).toBe('50.0 MB/s');
  });
});
