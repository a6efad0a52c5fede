/**
 * How the dashboard writes its numbers: months by name, money from minor units and counts, all in
 * the interface language (Intl.NumberFormat), never the system's.
 */
import type { Currency } from '../../../src-shared/deals';
import { formatMoney as formatMinorMoney } from '../../../src-shared/deals/money';

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

/** The number locale of an interface language. */
function numberLocale(language: string): string {
  return language === 'en' ? 'en-GB' : 'uk-UA';
}

/** Minor units → "12 500,50 ₴" (uk) or "₴12,500.50" (en), exactly as the deal screens write it. */
export function formatMoney(amountMinor: number, currency: Currency, language = 'uk'): string {
  // The deal screens' locale for money (src-renderer/screens/deals/format.ts): "$700", not "US$700".
  return formatMinorMoney(amountMinor, currency, language === 'en' ? 'en-US' : 'uk-UA');
}

/** Minor units → a compact axis tick ("12,5 тис." / "12.5K"). */
export function formatAxisMoney(amountMinor: number, language = 'uk'): string {
  return new Intl.NumberFormat(numberLocale(language), {
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(amountMinor / 100);
}

/** A count with grouping in the interface language ("1 234" / "1,234"). */
export function formatCount(n: number, language = 'uk'): string {
  return new Intl.NumberFormat(numberLocale(language)).format(n);
}
