/**
 * Money as integer minor units (kopecks, cents) plus an ISO 4217 currency: never floats in storage
 * or arithmetic. `parseMoney` reads what people type ("12 500,50", "12500.50", "12 500") into minor
 * units; `formatMoney` shows minor units with Intl.NumberFormat (Ukrainian by default).
 */
import { DEAL_LIMITS, type Currency } from './codes';

/** The outcome of reading an amount: minor units, or which problem the text has. */
export type MoneyParse =
  { ok: true; minor: number } | { ok: false; issue: 'amount_format' | 'amount_too_large' };

/** Spaces people and locales put between thousands (space, no-break, narrow no-break, thin). */
const GROUP_SPACES = /[\s\u00a0\u202f\u2009']/gu;

/**
 * Reads an amount into minor units: "12 500,50" and "12500.50" → 1250050; "12 500" → 1250000;
 * "0,5" → 50. Comma or point is the decimal mark (at most two digits after it); when both appear,
 * the last one is the decimal mark and the other groups thousands ("12,500.50", "12.500,50").
 * Negative amounts, letters and a third decimal digit are `amount_format`.
 */
export function parseMoney(text: string): MoneyParse {
  if (text.length > DEAL_LIMITS.amountText) return { ok: false, issue: 'amount_format' };
  let s = text.replace(GROUP_SPACES, '').replace(/(₴|грн\.?)$/u, '');
  if (s.length === 0) return { ok: false, issue: 'amount_format' };
  const lastComma = s.lastIndexOf(',');
  const lastPoint = s.lastIndexOf('.');
  if (lastComma >= 0 && lastPoint >= 0) {
    const decimal = lastComma > lastPoint ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const at = s.lastIndexOf(decimal);
    const whole = s.slice(0, at);
    if (!validGroups(whole, group)) return { ok: false, issue: 'amount_format' };
    s = `${whole.split(group).join('')}.${s.slice(at + 1)}`;
  } else {
    s = s.replace(',', '.');
  }
  const match = /^(\d+)(?:\.(\d{1,2}))?$/u.exec(s);
  if (!match) return { ok: false, issue: 'amount_format' };
  const whole = (match[1] ?? '0').replace(/^0+(?=\d)/u, '');
  const fraction = (match[2] ?? '').padEnd(2, '0');
  if (whole.length > 15) return { ok: false, issue: 'amount_too_large' };
  const minor = Number(whole) * 100 + Number(fraction);
  if (minor > DEAL_LIMITS.amountMinor) return { ok: false, issue: 'amount_too_large' };
  return { ok: true, minor };
}

/** "12,500" with groups of three after the first. */
function validGroups(whole: string, group: string): boolean {
  const parts = whole.split(group);
  return parts.every((p, i) => (i === 0 ? /^\d{1,3}$/u : /^\d{3}$/u).test(p));
}

/** Each currency's sign, the same in every language and every ICU build (Chromium's writes "грн"). */
export const CURRENCY_SIGNS: Readonly<Record<Currency, string>> = {
  UAH: '₴',
  USD: '$',
  EUR: '€',
  PLN: 'zł',
};

/**
 * Minor units → "12 500,50 ₴", "700 $", "10 €" (uk-UA) or "₴12,500.50", "$700", "€10" (en): the
 * language's grouping, decimal mark and sign placement, with the currency's own sign
 * ({@link CURRENCY_SIGNS}) in place of whatever the ICU data would write ("USD", "US$", "грн").
 */
export function formatMoney(minor: number, currency: Currency, locale = 'uk-UA'): string {
  const parts = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: minor % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).formatToParts(minor / 100);
  return parts.map(p => (p.type === 'currency' ? CURRENCY_SIGNS[currency] : p.value)).join('');
}

/** Minor units → the text a form field shows for editing ("12500,50"; "12500" for whole units). */
export function moneyInputText(minor: number, decimalMark = ','): string {
  const whole = Math.trunc(minor / 100);
  const fraction = minor % 100;
  return fraction === 0
    ? String(whole)
    : `${whole}${decimalMark}${String(fraction).padStart(2, '0')}`;
}
