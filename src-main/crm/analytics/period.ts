/**
 * The dashboard's time frame: the calendar months of a period in the office's time zone (the one
 * reports use, src-main/reports/month.ts), the current one last, as UTC instants for range
 * conditions over the stored ISO times, and the SQL that names the month a time falls in.
 */
import { sql, type RawBuilder } from 'kysely';
import { zonedParts } from '../../../src-shared/time/zoned';
import { monthRange } from '../../reports/month';

/** A period: its months (`YYYY-MM`, oldest first), each month's first instant, and the end. */
export interface Period {
  months: string[];
  /** ISO UTC instant of local midnight starting each month (same order as `months`). */
  starts: string[];
  /** ISO UTC instant where the period ends (exclusive). */
  to: string;
}

/** Months `YYYY-MM` of the last `count` months in `timeZone`, oldest first, ending with now's. */
export function periodMonths(now: Date, count: number, timeZone = 'UTC'): string[] {
  const { year, month } = zonedParts(now, timeZone);
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(year, month - 1 - i, 1));
    months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return months;
}

/** The period of the last `count` months in `timeZone`. */
export function periodOf(now: Date, count: number, timeZone = 'UTC'): Period {
  const months = periodMonths(now, count, timeZone);
  const ranges = months.map(m => monthRange(m, timeZone));
  const last = ranges.at(-1);
  if (last === undefined) throw new Error('A period has at least one month.');
  return { months, starts: ranges.map(r => r.from), to: last.to };
}

/**
 * SQL naming the period month `column` falls in (for rows already limited to the period):
 * `CASE WHEN column < start₂ THEN month₁ … ELSE monthₙ END`. `column` is a fixed, trusted
 * reference; the bounds and months are bound parameters.
 */
export function monthOfSql(column: string, period: Period): RawBuilder<string> {
  const ref = sql.ref(column);
  const whens = period.months
    .slice(0, -1)
    .map((month, i) => sql`WHEN ${ref} < ${period.starts[i + 1]} THEN ${month}`);
  const lastMonth = period.months.at(-1) ?? '';
  if (whens.length === 0) return sql<string>`${lastMonth}`;
  return sql<string>`(CASE ${sql.join(whens, sql` `)} ELSE ${lastMonth} END)`;
}

/** One row per month of the period, zeros where the query found nothing. */
export function fillMonths<T extends { month: string }>(
  months: readonly string[],
  found: readonly T[],
  empty: (month: string) => T,
): T[] {
  const byMonth = new Map(found.map(r => [r.month, r]));
  return months.map(m => byMonth.get(m) ?? empty(m));
}
