/**
 * Timing loops and their summaries: warm-up, N timed iterations, interleaved series, p50/p95.
 */
import { performance } from 'node:perf_hooks';

/** Summary of one series of timings, in milliseconds. */
export interface Stats {
  n: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

/** Iteration counts of a timing loop. */
export interface LoopOptions {
  warmup: number;
  iterations: number;
}

/** A step to time; may be async. Its result is ignored. */
export type Step = () => unknown;

/** The value at quantile `q` (0..1) of `samples`, by linear interpolation between ranks. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low] ?? Number.NaN;
  const highValue = sorted[high] ?? Number.NaN;
  return lowValue + (highValue - lowValue) * (rank - low);
}

/** Stats of a series of timings (ms). */
export function summarize(samples: readonly number[]): Stats {
  const n = samples.length;
  return {
    n,
    meanMs: n === 0 ? Number.NaN : samples.reduce((sum, s) => sum + s, 0) / n,
    p50Ms: quantile(samples, 0.5),
    p95Ms: quantile(samples, 0.95),
    minMs: n === 0 ? Number.NaN : Math.min(...samples),
    maxMs: n === 0 ? Number.NaN : Math.max(...samples),
  };
}

async function timeOnce(step: Step): Promise<number> {
  const start = performance.now();
  await step();
  return performance.now() - start;
}

/** Runs `step` `warmup` times untimed, then `iterations` times timed; returns the timings (ms). */
export async function measure(step: Step, loop: LoopOptions): Promise<number[]> {
  for (let i = 0; i < loop.warmup; i++) await step();
  const samples: number[] = [];
  for (let i = 0; i < loop.iterations; i++) samples.push(await timeOnce(step));
  return samples;
}

/**
 * Times several steps interleaved (A B C, then C B A, …) so that drift on a busy machine (another
 * process, a checkpoint, thermal throttling) hits every series alike. Returns one series per step.
 */
export async function measureInterleaved(
  steps: readonly Step[],
  loop: LoopOptions,
): Promise<number[][]> {
  for (let i = 0; i < loop.warmup; i++) for (const step of steps) await step();
  return runInterleaved(
    steps.map(step => () => timeOnce(step)),
    loop.iterations,
  );
}

/**
 * Runs `steps` `rounds` times in the interleaved order of {@link measureInterleaved} (A B, then
 * B A, …) and returns each step's answers, one series per step. For steps that time themselves
 * (a step whose untimed set-up must not count, such as a fresh vault per run).
 */
export async function runInterleaved<T>(
  steps: readonly (() => Promise<T> | T)[],
  rounds: number,
): Promise<T[][]> {
  const results = steps.map((): T[] => []);
  for (let i = 0; i < rounds; i++) {
    const order = steps.map((_, index) => index);
    if (i % 2 === 1) order.reverse();
    for (const index of order) {
      const step = steps[index];
      if (step) results[index]?.push(await step());
    }
  }
  return results;
}
