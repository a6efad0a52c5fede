/** Small display helpers of the deals screen: money, field errors from a call. */
import type { TFunction } from 'i18next';
import type { CurrencyTotal, DealSummary } from '../../../src-shared/deals';
import { formatMoney } from '../../../src-shared/deals';
import type { CallError } from '../../../src-shared/ipc/contract';

/** The locale money is shown in for a UI language. */
export function moneyLocale(language: string): string {
  return language === 'en' ? 'en-US' : 'uk-UA';
}

/** "12 500,50 ₴" for a card or a row. */
export function dealAmount(d: Pick<DealSummary, 'amountMinor' | 'currency'>, language: string) {
  return formatMoney(d.amountMinor, d.currency, moneyLocale(language));
}

/** Column totals, one per currency, joined: "12 500 ₴ · 300 USD". */
export function totalsText(totals: readonly CurrencyTotal[], language: string): string {
  return totals.map(s => formatMoney(s.amountMinor, s.currency, moneyLocale(language))).join(' · ');
}

/**
 * Field messages of an `invalid_input` answer (details.codes: `deal.*` codes at paths such as
 * `deal.title` or `lostReason`), keyed by the last path part; other errors give none.
 */
export function fieldErrors(t: TFunction, error: CallError | null): Record<string, string> {
  const codes = error?.details?.['codes'];
  if (!Array.isArray(codes)) return {};
  const out: Record<string, string> = {};
  for (const c of codes as { field?: unknown; code?: unknown }[]) {
    if (typeof c.field !== 'string' || typeof c.code !== 'string') continue;
    const key = c.field.split('.').at(-1) ?? c.field;
    out[key] ??= t(c.code);
  }
  return out;
}
