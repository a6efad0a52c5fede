/**
 * The common bench runner: timing loops (warm-up, N iterations, A/B interleaving), p50/p95, goals
 * and verdicts. Each benchmark is a module under bench/cases/ exporting a {@link BenchCase}; the
 * runner (bench/run.ts) runs them in one process so ratios compare things measured side by side.
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

/** One measured series: what ran, its role in the goal, and its timings. */
export interface Series {
  label: string;
  /** `subject` is what the goal judges; `baseline` is what a ratio divides by; `context` is shown only. */
  role: 'subject' | 'baseline' | 'context';
  stats: Stats;
}

/**
 * What a case must achieve:
 * - `ratio`: subject p50 / baseline p50 at most `max` (medians: robust to the odd slow fsync);
 * - `p95`: the subject's p95 under `maxMs`;
 * - `none`: context only (no verdict).
 * Other kinds (peak RSS, throughput) can be added here as cases need them.
 */
export type Goal =
  { kind: 'ratio'; max: number } | { kind: 'p95'; maxMs: number } | { kind: 'none' };

/** What a case hands back to the runner. */
export interface CaseOutcome {
  series: Series[];
  /** Free-text facts worth printing (sizes, where the files were, caveats). No personal data. */
  notes?: string[];
}

/** `pass`: goal met; `near`: missed within the noise margin; `fail`: missed by more than that. */
export type Verdict = 'pass' | 'near' | 'fail' | 'info';

/** How far past the goal a result may be before the run fails (noise on a loaded 2-core machine). */
export const MISS_MARGIN = 1.5;

/** One case's result as printed and written to bench/.data/last.json. */
export interface CaseResult {
  id: string;
  title: string;
  goal: Goal;
  /** The number the goal is judged on (a ratio, or a p95 in ms); null for `none`. */
  value: number | null;
  verdict: Verdict;
  series: Series[];
  notes: string[];
}

/** Iteration counts of a timing loop. */
export interface LoopOptions {
  warmup: number;
  iterations: number;
}

/** A benchmark: an id for `--only`, a title for the table, its goal, and how to run it. */
export interface BenchCase<Ctx> {
  id: string;
  title: string;
  goal: Goal;
  run(ctx: Ctx, loop: LoopOptions): Promise<CaseOutcome>;
}

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

/** A step to time; may be async. Its result is ignored. */
export type Step = () => unknown;

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
  const samples = steps.map((): number[] => []);
  for (let i = 0; i < loop.iterations; i++) {
    const order = steps.map((_, index) => index);
    if (i % 2 === 1) order.reverse();
    for (const index of order) {
      const step = steps[index];
      if (step) samples[index]?.push(await timeOnce(step));
    }
  }
  return samples;
}

/** The number a goal judges: the ratio of medians, or the subject's p95. */
export function goalValue(goal: Goal, series: readonly Series[]): number | null {
  const subject = series.find(s => s.role === 'subject');
  if (goal.kind === 'none' || !subject) return null;
  if (goal.kind === 'p95') return subject.stats.p95Ms;
  const baseline = series.find(s => s.role === 'baseline');
  if (!baseline) throw new Error('a ratio goal needs a baseline series');
  return subject.stats.p50Ms / baseline.stats.p50Ms;
}

/** The verdict for `value` against `goal`: a miss up to {@link MISS_MARGIN}× the goal is `near`. */
export function verdictOf(goal: Goal, value: number | null): Verdict {
  if (goal.kind === 'none' || value === null) return 'info';
  const limit = goal.kind === 'ratio' ? goal.max : goal.maxMs;
  if (!Number.isFinite(value)) return 'fail';
  if (value <= limit) return 'pass';
  return value <= limit * MISS_MARGIN ? 'near' : 'fail';
}

/** Runs one case and judges it. A case that throws is a `fail` with the error's message as a note. */
export async function runCase<Ctx>(
  bench: BenchCase<Ctx>,
  ctx: Ctx,
  loop: LoopOptions,
): Promise<CaseResult> {
  const base = { id: bench.id, title: bench.title, goal: bench.goal };
  try {
    const outcome = await bench.run(ctx, loop);
    const value = goalValue(bench.goal, outcome.series);
    return {
      ...base,
      value,
      verdict: verdictOf(bench.goal, value),
      series: outcome.series,
      notes: outcome.notes ?? [],
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...base, value: null, verdict: 'fail', series: [], notes: [`error: ${message}`] };
  }
}
