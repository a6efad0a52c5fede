/**
 * The dashboard's time frame: the months of a period (UTC calendar months, the current one last)
 * and the bounds its SQL range conditions use.
 */

/** Months `YYYY-MM` of the last `count` months, oldest first, ending with the month of `now`. */
export function periodMonths(now: Date, count: number): string[] {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(year, month - i, 1));
    months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return months;
}

/** `[from, to)` as stored ISO times: the first instant of the first month and of the month after the last. */
export function periodBounds(months: readonly string[]): { from: string; to: string } {
  const first = months[0];
  const last = months.at(-1);
  if (first === undefined || last === undefined)
    throw new Error('A period has at least one month.');
  const [y, m] = last.split('-').map(Number) as [number, number];
  return {
    from: `${first}-01T00:00:00.000Z`,
    to: new Date(Date.UTC(y, m, 1)).toISOString(),
  };
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
