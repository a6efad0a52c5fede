/**
 * The runner's arithmetic and judgement: quantiles, ratio of medians, the noise margin that keeps a
 * near miss from failing the run, interleaving order, and a crashing case reported as a failure.
 */
import { describe, expect, it } from 'vitest';
import { MISS_MARGIN, goalValue, runCase, verdictOf, worstVerdict, type Series } from './runner';
import { measureInterleaved, quantile, runInterleaved, summarize } from './stats';

const series = (role: Series['role'], samples: number[]): Series => ({
  label: role,
  role,
  stats: summarize(samples),
});

describe('statistics', () => {
  it('interpolates quantiles between ranks, whatever the input order', () => {
    const samples = [5, 1, 4, 2, 3];
    expect(quantile(samples, 0.5)).toBe(3);
    expect(quantile(samples, 0)).toBe(1);
    expect(quantile(samples, 1)).toBe(5);
    expect(quantile([10, 20], 0.95)).toBeCloseTo(19.5);
    expect(samples).toEqual([5, 1, 4, 2, 3]); // not sorted in place
    expect(Number.isNaN(quantile([], 0.5))).toBe(true);
  });

  it('summarizes a series: p95 of 1..100 is 95.05, mean 50.5', () => {
    const s = summarize(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(s).toMatchObject({ n: 100, meanMs: 50.5, p50Ms: 50.5, minMs: 1, maxMs: 100 });
    expect(s.p95Ms).toBeCloseTo(95.05);
  });
});

describe('goals and verdicts', () => {
  it('judges a ratio on medians, so one slow outlier does not move it', () => {
    const value = goalValue(
      { kind: 'ratio', max: 1.2 },
      {
        series: [
          series('subject', [11, 11, 11, 11, 500]),
          series('baseline', [10, 10, 10, 10, 10]),
          series('context', [1, 1, 1]),
        ],
      },
    );
    expect(value).toBeCloseTo(1.1);
  });

  it('judges a p95 goal on the subject only, and refuses a ratio without a baseline', () => {
    const subject = series(
      'subject',
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    expect(goalValue({ kind: 'p95', maxMs: 20 }, { series: [subject] })).toBeCloseTo(95.05);
    expect(() => goalValue({ kind: 'ratio', max: 1.2 }, { series: [subject] })).toThrow(/baseline/);
    const rss = { kind: 'metric', metric: 'peak RSS', max: 200, unit: 'MiB' } as const;
    expect(goalValue(rss, { series: [], metrics: { 'peak RSS': 150 } })).toBe(150);
    expect(goalValue(rss, { series: [] })).toBeNull();
  });

  it('passes at the goal, calls a miss within the margin "near", and fails beyond it', () => {
    const goal = { kind: 'ratio', max: 1.2 } as const;
    expect(MISS_MARGIN).toBe(1.5);
    expect(verdictOf(goal, 1.2)).toBe('pass');
    expect(verdictOf(goal, 1.79)).toBe('near');
    expect(verdictOf(goal, 1.81)).toBe('fail');
    expect(verdictOf(goal, Number.NaN)).toBe('fail');
    expect(verdictOf({ kind: 'p95', maxMs: 20 }, 29.9)).toBe('near');
    expect(verdictOf({ kind: 'p95', maxMs: 20 }, 31)).toBe('fail');
    expect(verdictOf(goal, null)).toBe('fail'); // the goal's number was never measured
  });

  it('gives a case the worst verdict of its goals', () => {
    expect(worstVerdict(['pass', 'near'])).toBe('near');
    expect(worstVerdict(['near', 'fail', 'pass'])).toBe('fail');
    expect(worstVerdict([])).toBe('info');
  });
});

describe('loops', () => {
  it('runs self-timing steps A B, then B A, with no warm-up, keeping their answers', async () => {
    const calls: string[] = [];
    const answers = await runInterleaved(
      [
        () => {
          calls.push('a');
          return calls.length;
        },
        async () => {
          calls.push('b');
          return Promise.resolve(calls.length);
        },
      ],
      2,
    );
    expect(calls.join('')).toBe('ab' + 'ba');
    expect(answers).toEqual([
      [1, 4],
      [2, 3],
    ]);
  });

  it('warms up untimed, then alternates the order of the steps each round', async () => {
    const calls: string[] = [];
    const samples = await measureInterleaved([() => calls.push('a'), () => calls.push('b')], {
      warmup: 1,
      iterations: 3,
    });
    expect(calls.join('')).toBe('ab' + 'ab' + 'ba' + 'ab');
    expect(samples.map(s => s.length)).toEqual([3, 3]);
    expect(samples.flat().every(ms => ms >= 0)).toBe(true);
  });

  it('reports a case that throws as a failure with its message, not a crash of the run', async () => {
    const result = await runCase(
      {
        id: 'broken',
        title: 'broken',
        goals: [{ kind: 'p95', maxMs: 1 }],
        run: () => Promise.reject(new Error('fixture refused')),
      },
      null,
      { warmup: 0, iterations: 1 },
    );
    expect(result).toMatchObject({
      verdict: 'fail',
      checks: [{ value: null, verdict: 'fail' }],
      notes: ['error: fixture refused'],
    });
  });
});
