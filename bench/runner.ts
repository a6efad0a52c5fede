/**
 * The common bench runner: goals, verdicts and running one case. Each benchmark is a module under
 * bench/cases/ exporting a {@link BenchCase}; bench/run.ts runs them all in one process, so every
 * ratio compares two things measured side by side on the same machine at the same time.
 */
import type { LoopOptions, Stats } from './stats';

/** One measured series: what ran, its role for the goals, and its timings. */
export interface Series {
  label: string;
  /** `subject` is what the goals judge; `baseline` is what a ratio divides by; `context` is shown only. */
  role: 'subject' | 'baseline' | 'context';
  stats: Stats;
}

/**
 * One thing a case must achieve (a case may have several, e.g. "≤ 1.5× raw and p95 ≤ 25 ms"):
 * - `ratio`: subject p50 / baseline p50 at most `max` (medians: robust to the odd slow fsync);
 * - `p95`: the subject's p95 at most `maxMs`;
 * - `metric`: a number the case reports itself (peak RSS in MiB, a ratio of totals…) at most `max`.
 */
export type Goal =
  | { kind: 'ratio'; max: number }
  | { kind: 'p95'; maxMs: number }
  | { kind: 'metric'; metric: string; max: number; unit: string };

/** What a case hands back to the runner. */
export interface CaseOutcome {
  series: Series[];
  /** Numbers judged by `metric` goals (and shown), keyed by metric name. */
  metrics?: Record<string, number>;
  /** Facts worth printing (sizes, where the files were, caveats). Never personal data. */
  notes?: string[];
}

/**
 * `pass`: goal met; `near`: missed within the noise margin; `fail`: missed by more than that, or the
 * case broke; `info`: a case without goals.
 */
export type Verdict = 'pass' | 'near' | 'fail' | 'info';

/** How far past the goal a result may be before the run fails (noise on a loaded 2-core machine). */
export const MISS_MARGIN = 1.5;

/** One goal of a case, the value it was judged on (ratio, ms, or the metric), and the verdict. */
export interface Check {
  goal: Goal;
  value: number | null;
  verdict: Verdict;
}

/** One case's result as printed and written to bench/.data/last.json. */
export interface CaseResult {
  id: string;
  title: string;
  /** The worst verdict of the checks. */
  verdict: Verdict;
  checks: Check[];
  series: Series[];
  metrics: Record<string, number>;
  notes: string[];
}

/** A benchmark: an id for `--only`, a title for the table, its goals, and how to run it. */
export interface BenchCase<Ctx> {
  id: string;
  title: string;
  /** Empty: context only, never fails the run. */
  goals: readonly Goal[];
  /** True when the case times its own runs and ignores `loop` (e.g. a few long backups). */
  ownLoop?: boolean;
  run(ctx: Ctx, loop: LoopOptions): Promise<CaseOutcome>;
}

/** The number a goal judges: the ratio of medians, the subject's p95, or the reported metric. */
export function goalValue(goal: Goal, outcome: CaseOutcome): number | null {
  if (goal.kind === 'metric') return outcome.metrics?.[goal.metric] ?? null;
  const subject = outcome.series.find(s => s.role === 'subject');
  if (!subject) return null;
  if (goal.kind === 'p95') return subject.stats.p95Ms;
  const baseline = outcome.series.find(s => s.role === 'baseline');
  if (!baseline) throw new Error('a ratio goal needs a baseline series');
  return subject.stats.p50Ms / baseline.stats.p50Ms;
}

/**
 * The verdict for `value` against `goal`: a miss up to {@link MISS_MARGIN}× the goal is `near`.
 * No value (the case did not measure what its goal names) or a non-number is a `fail`.
 */
export function verdictOf(goal: Goal, value: number | null): Verdict {
  const limit = goal.kind === 'p95' ? goal.maxMs : goal.max;
  if (value === null || !Number.isFinite(value)) return 'fail';
  if (value <= limit) return 'pass';
  return value <= limit * MISS_MARGIN ? 'near' : 'fail';
}

const SEVERITY: Readonly<Record<Verdict, number>> = { info: 0, pass: 1, near: 2, fail: 3 };

/** The worst of several verdicts (`info` when there are none). */
export function worstVerdict(verdicts: readonly Verdict[]): Verdict {
  return verdicts.reduce<Verdict>(
    (worst, v) => (SEVERITY[v] > SEVERITY[worst] ? v : worst),
    'info',
  );
}

/** Runs one case and judges it. A case that throws is a `fail` with the error's message as a note. */
export async function runCase<Ctx>(
  bench: BenchCase<Ctx>,
  ctx: Ctx,
  loop: LoopOptions,
): Promise<CaseResult> {
  const base = { id: bench.id, title: bench.title };
  try {
    const outcome = await bench.run(ctx, loop);
    const checks = bench.goals.map((goal): Check => {
      const value = goalValue(goal, outcome);
      return { goal, value, verdict: verdictOf(goal, value) };
    });
    return {
      ...base,
      verdict: worstVerdict(checks.map(c => c.verdict)),
      checks,
      series: outcome.series,
      metrics: outcome.metrics ?? {},
      notes: outcome.notes ?? [],
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ...base,
      verdict: 'fail',
      checks: bench.goals.map((goal): Check => ({ goal, value: null, verdict: 'fail' })),
      series: [],
      metrics: {},
      notes: [`error: ${message}`],
    };
  }
}
