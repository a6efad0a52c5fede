/**
 * What a date field accepts when typed, and the wire formats around Mantine's values: a date is
 * `YYYY-MM-DD` (the contracts' date), a date and time is a `datetime-local` value `YYYY-MM-DDTHH:mm`
 * (local time, as the activity forms keep it); Mantine hands over `YYYY-MM-DD HH:mm:ss`.
 * Typed text may be ISO (`2026-12-07`, `2026-12-07T09:30`) or the Ukrainian way (`07.12.2026`,
 * `07.12.2026 09:30`).
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2})?)?$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?$/;

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number, h: number, min: number): boolean {
  const date = new Date(y, m - 1, d, h, min);
  return (
    date.getFullYear() === y &&
    date.getMonth() === m - 1 &&
    date.getDate() === d &&
    h >= 0 &&
    h < 24 &&
    min >= 0 &&
    min < 60
  );
}

/**
 * Reads typed text as Mantine's value (`YYYY-MM-DD`, or `YYYY-MM-DD HH:mm:ss` with `withTime`);
 * null when it is not a real date (yet).
 */
export function parseTypedDate(text: string, withTime: boolean): string | null {
  const value = text.trim();
  let parts: number[] | null = null;
  const iso = ISO.exec(value);
  if (iso) parts = [iso[1], iso[2], iso[3], iso[4] ?? '0', iso[5] ?? '0'].map(Number);
  const dotted = iso ? null : DOTTED.exec(value);
  if (dotted)
    parts = [dotted[3], dotted[2], dotted[1], dotted[4] ?? '0', dotted[5] ?? '0'].map(Number);
  if (!parts) return null;
  const [y = 0, m = 0, d = 0, h = 0, min = 0] = parts;
  if (!valid(y, m, d, h, min)) return null;
  const day = `${y}-${pad(m)}-${pad(d)}`;
  return withTime ? `${day} ${pad(h)}:${pad(min)}:00` : day;
}

/** A `datetime-local` value as Mantine's (`YYYY-MM-DD HH:mm:ss`); null when empty. */
export function fromLocalInput(value: string): string | null {
  return value ? parseTypedDate(value, true) : null;
}

/** Mantine's date-time value as a `datetime-local` value (`YYYY-MM-DDTHH:mm`); '' when null. */
export function toLocalInput(value: string | null): string {
  if (!value) return '';
  const parsed = parseTypedDate(value, true);
  return parsed ? parsed.slice(0, 16).replace(' ', 'T') : '';
}
