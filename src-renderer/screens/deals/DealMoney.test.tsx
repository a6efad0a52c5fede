// @vitest-environment jsdom
/**
 * Deal amounts read as money in the app's language (issue 18, point 12): grouped, with each deal's
 * own currency sign (₴, $, €, zł) whatever the ICU data would write ("USD", "US$", "грн"), on the
 * deal list and in the board's column totals.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Currency, DealSummary } from '../../../src-shared/deals';
import { ok, OWNER } from '../../app/test-support';
import { setUpRecordScreenTests } from '../../components/records/records-test-support';
import { scriptedApi } from '../../test-support/scripted-api';
import { DEAL } from './deals-test-support';
import { showDealList } from './deal-list-test-support';
import { totalsText } from './format';

setUpRecordScreenTests(OWNER, ['list']);

function row(n: number, amountMinor: number, currency: Currency): DealSummary {
  return { ...DEAL, id: `d-${n}`, title: `Угода ${n}`, amountMinor, currency };
}

const ROWS = [
  row(1, 123_456_789, 'UAH'),
  row(2, 70_000, 'USD'),
  row(3, 1_250_050, 'EUR'),
  row(4, 250_000, 'PLN'),
];

async function amounts(language: 'uk' | 'en'): Promise<string[]> {
  const { api } = scriptedApi({
    deals: { list: async () => ok({ items: ROWS, nextCursor: null }) },
  });
  const view = showDealList(api, { language });
  await waitFor(() => expect(screen.getAllByTestId('deal-row')).toHaveLength(4));
  const texts = screen
    .getAllByTestId('deal-row')
    .map(r => r.querySelector('[data-testid="deal-row-amount"]')?.textContent ?? '');
  view.unmount();
  return texts.map(t => t.replace(/\s/gu, ' '));
}

describe('deal money', () => {
  it('the list shows each deal’s amount with its currency sign, in Ukrainian', async () => {
    expect(await amounts('uk')).toEqual(['1 234 567,89 ₴', '700 $', '12 500,50 €', '2 500 zł']);
  });

  it('the list shows each deal’s amount with its currency sign, in English', async () => {
    expect(await amounts('en')).toEqual(['₴1,234,567.89', '$700', '€12,500.50', 'zł 2,500']);
  });

  it('board column totals, one per currency, in both languages', () => {
    const totals = [
      { currency: 'UAH' as const, amountMinor: 1_550_050 },
      { currency: 'USD' as const, amountMinor: 70_000 },
    ];
    expect(totalsText(totals, 'uk').replace(/\s/gu, ' ')).toBe('15 500,50 ₴ · 700 $');
    expect(totalsText(totals, 'en')).toBe('₴15,500.50 · $700');
  });
});
