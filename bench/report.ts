/**
 * The bench's outputs: a plain-text table for the terminal and the JSON written to
 * bench/.data/last.json (for comparing runs over time; gitignored).
 */
import { MISS_MARGIN, type CaseResult, type Check, type Goal, type Verdict } from './runner';

const VERDICT_TEXT: Readonly<Record<Verdict, string>> = {
  pass: 'PASS',
  near: `MISS (within ${MISS_MARGIN}x of goal: not failing)`,
  fail: 'FAIL',
  info: 'info',
};

function goalText(goal: Goal): string {
  if (goal.kind === 'ratio') return `ratio of p50 <= ${goal.max}`;
  if (goal.kind === 'p95') return `p95 <= ${goal.maxMs} ms`;
  return `${goal.metric} <= ${goal.max} ${goal.unit}`;
}

function checkText(check: Check): string {
  const { goal, value } = check;
  const shown =
    value === null
      ? 'no value'
      : goal.kind === 'ratio'
        ? `${value.toFixed(2)}x`
        : goal.kind === 'p95'
          ? `${value.toFixed(1)} ms`
          : `${value.toFixed(1)} ${goal.unit}`;
  return `${shown} ${VERDICT_TEXT[check.verdict]}`;
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '-');

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map(r => (r[col] ?? '').length))) ?? [];
  return rows
    .map(r =>
      r
        .map((cell, col) => cell.padEnd(widths[col] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The terminal report: per case its series (n, p50, p95, max), then each goal with value and verdict. */
export function formatReport(results: readonly CaseResult[]): string {
  const rows: string[][] = [['case / series', 'n', 'p50 ms', 'p95 ms', 'max ms', 'goal', 'result']];
  for (const r of results) {
    const [first, ...more] = r.checks;
    rows.push([
      r.id,
      '',
      '',
      '',
      '',
      first ? goalText(first.goal) : '-',
      first ? checkText(first) : '',
    ]);
    for (const check of more)
      rows.push(['', '', '', '', '', goalText(check.goal), checkText(check)]);
    for (const s of r.series) {
      const mark = s.role === 'subject' ? '*' : s.role === 'baseline' ? '/' : ' ';
      rows.push([
        `  ${mark} ${s.label}`,
        String(s.stats.n),
        ms(s.stats.p50Ms),
        ms(s.stats.p95Ms),
        ms(s.stats.maxMs),
        '',
        '',
      ]);
    }
  }
  const notes = results.flatMap(r => [
    `${r.id}: ${r.title}`,
    ...Object.entries(r.metrics).map(([name, value]) => `  - ${name} = ${value}`),
    ...r.notes.map(n => `  - ${n}`),
  ]);
  return [
    table(rows),
    '',
    '* subject (judged)   / baseline (a ratio divides by it)   unmarked: context only',
    ...notes,
  ].join('\n');
}

/** The JSON document for bench/.data/last.json. */
export function reportJson(results: readonly CaseResult[], meta: Record<string, unknown>): string {
  return `${JSON.stringify({ ...meta, results }, null, 2)}\n`;
}
