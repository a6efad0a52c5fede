/**
 * The task list's views ("Сьогодні / Цей тиждень / Прострочені") and the calendar's month grid as
 * time ranges in the user's time zone. Weeks start on Monday. Pure TypeScript (src-shared/time).
 */
import { zonedParts, zonedTimeToUtc } from '../time/zoned';

/** The task list's views: every open task, due today, due this week, overdue. */
export const TASK_VIEWS = ['open', 'today', 'week', 'overdue'] as const;
export type TaskView = (typeof TASK_VIEWS)[number];

/** An instant range [from, before) as ISO UTC; either end open when absent. */
export interface TimeRange {
  from?: string;
  before?: string;
}

/** Day of the week of a calendar date, Monday 0 … Sunday 6. */
export function mondayIndex(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/** The due-time range of a view at `now` in `timeZone` (overdue: before now). */
export function taskViewRange(view: TaskView, now: Date, timeZone: string): TimeRange {
  if (view === 'open') return {};
  if (view === 'overdue') return { before: now.toISOString() };
  const { year, month, day } = zonedParts(now, timeZone);
  const start = view === 'today' ? day : day - mondayIndex(year, month, day);
  const length = view === 'today' ? 1 : 7;
  return {
    from: zonedTimeToUtc({ year, month, day: start }, timeZone).toISOString(),
    before: zonedTimeToUtc({ year, month, day: start + length }, timeZone).toISOString(),
  };
}

/** One day of a month grid (a calendar date, month 1–12). */
export interface GridDay {
  year: number;
  month: number;
  day: number;
  /** Whether the day belongs to the month shown (not the neighbours' days that fill the weeks). */
  inMonth: boolean;
}

/**
 * The weeks that show `month` of `year`: 4 to 6 rows of 7 days, starting on Monday (`firstDay` 1,
 * the default) or Sunday (0), as the office chose.
 */
export function monthGrid(year: number, month: number, firstDay: 0 | 1 = 1): GridDay[][] {
  const lead = (mondayIndex(year, month, 1) + (firstDay === 0 ? 1 : 0)) % 7;
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const weeks: GridDay[][] = [];
  for (let offset = -lead; offset < length; offset += 7) {
    weeks.push(
      Array.from({ length: 7 }, (_, i) => {
        const date = new Date(Date.UTC(year, month - 1, 1 + offset + i));
        const m = date.getUTCMonth() + 1;
        return {
          year: date.getUTCFullYear(),
          month: m,
          day: date.getUTCDate(),
          inMonth: m === month,
        };
      }),
    );
  }
  return weeks;
}

/** The instant range a month grid covers in `timeZone` (its first day 00:00 to the day after). */
export function gridRange(weeks: GridDay[][], timeZone: string): Required<TimeRange> {
  const first = weeks[0]?.[0];
  const last = weeks.at(-1)?.[6];
  if (!first || !last) throw new RangeError('empty month grid');
  return {
    from: zonedTimeToUtc(first, timeZone).toISOString(),
    before: zonedTimeToUtc({ ...last, day: last.day + 1 }, timeZone).toISOString(),
  };
}

/** The calendar date (`YYYY-MM-DD`) of `instant` in `timeZone`, the key of a grid cell. */
export function dayKey(instant: string | Date, timeZone: string): string {
  const { year, month, day } = zonedParts(instant, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
