/**
 * The "date created" filter of the lists (issue 18, point 6): a period relative to today ("this
 * month" stays "this month" in a saved filter, it is not frozen to the day it was saved) or a
 * custom range of local days. Turned into the instants main compares `created_at` with, in the
 * computer's time zone, when the list asks.
 */

import { CREATED_PERIODS } from '../../../src-shared/ipc/views';

export { CREATED_PERIODS };
export type CreatedPeriod = (typeof CREATED_PERIODS)[number];

/** The filter as the query and a saved filter hold it. */
export interface CreatedFilter {
  period: CreatedPeriod;
  /** Local day `YYYY-MM-DD` (custom only; '' = open). */
  from: string;
  /** Local day `YYYY-MM-DD`, inclusive (custom only; '' = open). */
  to: string;
}

/** No narrowing. */
export const ANY_CREATED: CreatedFilter = { period: 'any', from: '', to: '' };

function startOfDay(day: Date): Date {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate());
}

function parseDay(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** The instants of `filter` on `now`'s calendar: created at or after `createdFrom`, before `createdBefore`. */
export function createdRange(
  filter: CreatedFilter,
  now: Date,
): { createdFrom?: string; createdBefore?: string } {
  const today = startOfDay(now);
  const y = today.getFullYear();
  const m = today.getMonth();
  const tomorrow = new Date(y, m, today.getDate() + 1);
  const range = (from: Date | null, before: Date | null) => ({
    ...(from ? { createdFrom: from.toISOString() } : {}),
    ...(before ? { createdBefore: before.toISOString() } : {}),
  });
  switch (filter.period) {
    case 'any':
      return {};
    case 'today':
      return range(today, tomorrow);
    case 'last7':
      return range(new Date(y, m, today.getDate() - 6), tomorrow);
    case 'thisMonth':
      return range(new Date(y, m, 1), new Date(y, m + 1, 1));
    case 'lastMonth':
      return range(new Date(y, m - 1, 1), new Date(y, m, 1));
    case 'thisYear':
      return range(new Date(y, 0, 1), new Date(y + 1, 0, 1));
    case 'custom': {
      const from = parseDay(filter.from);
      const to = parseDay(filter.to);
      const after = to ? new Date(to.getFullYear(), to.getMonth(), to.getDate() + 1) : null;
      return range(from, after);
    }
  }
}
