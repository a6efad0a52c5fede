/** Small formatting helpers of the activity screens: relative times, kind symbols and colours. */
import type { ActivityKind, TimelineItem } from '../../../src-shared/activities';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "5 хвилин тому", "через 2 години", "щойно" (`nowText`) in the interface language. */
export function relativeTime(iso: string, now: number, language: string, nowText: string): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  if (Number.isNaN(seconds)) return iso;
  if (Math.abs(seconds) < 60) return nowText;
  const format = new Intl.RelativeTimeFormat(language === 'uk' ? 'uk' : 'en', { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return nowText;
}

/** A symbol and a colour for each kind of timeline entry (text symbols: no icon font needed). */
export function itemLook(item: Pick<TimelineItem, 'source' | 'kind'>): {
  symbol: string;
  color: string;
} {
  if (item.source === 'deal') return { symbol: '₴', color: 'teal' };
  if (item.source === 'document') return { symbol: '▤', color: 'gray' };
  return KIND_LOOK[item.kind ?? 'note'];
}

const KIND_LOOK: Record<ActivityKind, { symbol: string; color: string }> = {
  call: { symbol: '☎', color: 'blue' },
  meeting: { symbol: '◉', color: 'grape' },
  message: { symbol: '✆', color: 'cyan' },
  email: { symbol: '✉', color: 'indigo' },
  note: { symbol: '✎', color: 'yellow' },
  task: { symbol: '✓', color: 'orange' },
};

/** A `datetime-local` input's value (local time) as ISO UTC; null when empty or unreadable. */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const t = new Date(value).getTime();
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** Now + `minutes`, as a `datetime-local` input value in local time. */
export function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
