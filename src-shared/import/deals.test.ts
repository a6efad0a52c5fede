import { describe, expect, it } from 'vitest';
import { parseCloseDate, parseCurrency, parseDealRow, suggestDealMapping } from './deals';

describe('deal rows', () => {
  it('reads Ukrainian amounts, dd.mm.yyyy dates and currency words', () => {
    const headers = ['Назва угоди', 'Сума', 'Валюта', 'Дата закриття', 'Етап', 'Клієнт'];
    const mapping = suggestDealMapping(headers);
    expect(mapping.columns).toEqual([
      'title',
      'amount',
      'currency',
      'expectedClose',
      'stage',
      'contact',
    ]);
    const row = parseDealRow(mapping, [
      ' Поставка ',
      '12 500,50',
      'грн',
      '31.01.2027',
      'Нова',
      '067 123 45 67',
    ]);
    expect(row).toEqual({
      ok: true,
      draft: {
        input: {
          title: 'Поставка',
          amountMinor: 1250050,
          currency: 'UAH',
          expectedClose: '2027-01-31',
          notes: null,
        },
        refs: { stage: 'Нова', contact: '067 123 45 67' },
      },
    });
  });

  it('lists every bad field of a row at once, without its values', () => {
    const mapping = suggestDealMapping(['Угода', 'Сума', 'Валюта', 'Дата закриття']);
    const row = parseDealRow(mapping, ['', '12,5,0', 'BTC', '31.04.2027']);
    expect(row).toEqual({
      ok: false,
      refs: {},
      issues: [
        { field: 'amount', code: 'deal.amount_format' },
        { field: 'currency', code: 'deal.currency_invalid' },
        { field: 'expectedClose', code: 'import.close_date' },
        { field: 'title', code: 'deal.title_required' },
      ],
    });
  });

  it('dates and currencies', () => {
    expect(parseCloseDate('1.2.2027')).toBe('2027-02-01');
    expect(parseCloseDate('2027-02-01')).toBe('2027-02-01');
    expect(parseCloseDate('2027-02-01 10:30')).toBe('2027-02-01');
    expect(parseCloseDate('29.02.2027')).toBeNull();
    expect(parseCloseDate('02/30/2027')).toBeNull();
    expect(parseCurrency('usd')).toBe('USD');
    expect(parseCurrency('€')).toBe('EUR');
    expect(parseCurrency('Гривня')).toBe('UAH');
    expect(parseCurrency('BTC')).toBeNull();
  });
});
