/**
 * What an export writes, before it is a file: columns with their header in each language, and
 * rows of typed cells, so each format writes a date as a date (local text in CSV, a date serial in
 * XLSX) and an amount as a number.
 */

/** One cell: text, a moment (ISO 8601 UTC), a calendar day (YYYY-MM-DD), an amount, or empty. */
export type Cell =
  | string
  | null
  | { at: string }
  | { day: string }
  /** An amount in minor units (two decimals: UAH, USD, EUR, PLN). */
  | { minor: number };

/** A column: its header in Ukrainian and English. */
export interface Column {
  uk: string;
  en: string;
}

/** A whole export: a sheet name (per language), columns and rows. */
export interface ExportTable {
  sheet: Column;
  columns: readonly Column[];
  rows: Cell[][];
}

/** How dates are written: the language and the time zone (default: this computer's). */
export interface DateStyle {
  locale: 'uk' | 'en';
  timeZone?: string | undefined;
}

/** The wall-clock parts of `iso` in `timeZone`. */
export function localParts(
  iso: string,
  timeZone?: string,
): Record<'y' | 'mo' | 'd' | 'h' | 'mi' | 's', number> {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find(p => p.type === type)?.value ?? '0');
  return {
    y: get('year'),
    mo: get('month'),
    d: get('day'),
    h: get('hour'),
    mi: get('minute'),
    s: get('second'),
  };
}

const two = (n: number) => String(n).padStart(2, '0');

function dayText(y: number, mo: number, d: number, locale: 'uk' | 'en'): string {
  // Ukrainian Excel reads 06.12.2026 as a date; ISO order is read as one by Excel in any language.
  return locale === 'uk' ? `${two(d)}.${two(mo)}.${y}` : `${y}-${two(mo)}-${two(d)}`;
}

/** A moment as local date and time in the export's language: `06.12.2026 16:05`. */
export function localDateTime(iso: string, style: DateStyle): string {
  const p = localParts(iso, style.timeZone);
  return `${dayText(p.y, p.mo, p.d, style.locale)} ${two(p.h)}:${two(p.mi)}`;
}

/** A calendar day (YYYY-MM-DD) in the export's language. */
export function localDay(day: string, locale: 'uk' | 'en'): string {
  const [y, mo, d] = day.split('-').map(Number);
  return dayText(y ?? 0, mo ?? 0, d ?? 0, locale);
}

/** An amount in minor units as decimal text with `mark` (no grouping: Excel reads it as a number). */
export function amountText(minor: number, mark: ',' | '.'): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}${mark}${two(abs % 100)}`;
}
