/**
 * How the dashboard writes its numbers: months by name in the interface language, money from minor
 * units with Intl.NumberFormat('uk-UA') (the office's format, whatever the interface language).
 */
import { formatMoney } from '../../../src-shared/deals/money';

/** `2026-11` → "листопад 2026" (long) or "лист." (short), in `lang`. */
export function monthLabel(month: string, lang: string, style: 'long' | 'short' = 'long'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(y, m - 1, 1));
  const locale = lang === 'en' ? 'en-GB' : 'uk-UA';
  if (style === 'short') {
    return new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(date);
  }
  // Nominative month name ("листопад"), not the genitive of a date ("листопада").
  const name = new Intl.DateTimeFormat(locale, {
    month: 'long',
    timeZone: 'UTC',
  }).format(date);
  return `${name} ${y}`;
}

/** Minor units → "12 500,50 ₴", exactly as the deal screens write it. */
export { formatMoney };

/** Minor units → a compact axis tick ("12,5 тис."). */
export function formatAxisMoney(amountMinor: number): string {
  return new Intl.NumberFormat('uk-UA', { notation: 'compact', maximumFractionDigits: 1 }).format(
    amountMinor / 100,
  );
}

/** A count in the office's format ("1 234"). */
export function formatCount(n: number): string {
  return new Intl.NumberFormat('uk-UA').format(n);
}
