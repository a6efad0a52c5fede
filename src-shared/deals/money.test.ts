import { describe, expect, it } from 'vitest';
import type { Currency } from './codes';
import { formatMoney, moneyInputText, parseMoney } from './money';

describe('parseMoney', () => {
  it.each([
    ['12 500,50', 1250050],
    ['12500.50', 1250050],
    ['12\u00a0500,5', 1250050],
    ['12\u202f500', 1250000],
    ['0,5', 50],
    ['7', 700],
    ['12,500.50', 1250050],
    ['12.500,50', 1250050],
    ['1 000 000 грн', 100000000],
    ['250 ₴', 25000],
    ['007,10', 710],
  ])('reads %j as %i minor units', (text, minor) => {
    expect(parseMoney(text)).toEqual({ ok: true, minor });
  });

  it.each(['', ' ', '-5', '12,345', '1.234', '12,5,0', 'abc', '1e5', '12.500.50,1x', '1,2.3'])(
    'refuses %j as a format problem',
    text => {
      expect(parseMoney(text)).toEqual({ ok: false, issue: 'amount_format' });
    },
  );

  it('refuses amounts beyond a trillion', () => {
    expect(parseMoney('1000000000001')).toEqual({ ok: false, issue: 'amount_too_large' });
    expect(parseMoney('1000000000000')).toEqual({ ok: true, minor: 100_000_000_000_000 });
  });
});

describe('formatMoney', () => {
  it('shows hryvnias the Ukrainian way', () => {
    expect(formatMoney(1250050, 'UAH').replace(/\s/gu, ' ')).toBe('12 500,50 ₴');
    expect(formatMoney(1250000, 'UAH').replace(/\s/gu, ' ')).toBe('12 500 ₴');
  });
  it('shows every currency with its sign and grouping, in both languages', () => {
    const uk = (minor: number, currency: Currency) =>
      formatMoney(minor, currency, 'uk-UA').replace(/\s/gu, ' ');
    expect(uk(123456789, 'UAH')).toBe('1 234 567,89 ₴');
    expect(uk(70000, 'USD')).toBe('700 $');
    expect(uk(1000, 'EUR')).toBe('10 €');
    expect(uk(250000, 'PLN')).toBe('2 500 zł');
    expect(formatMoney(99, 'USD', 'en-US')).toBe('$0.99');
    // The hryvnia keeps its sign in English too (ICU alone writes "UAH 12,500.50").
    expect(formatMoney(1250050, 'UAH', 'en-GB')).toBe('₴12,500.50');
    expect(formatMoney(123456789, 'UAH', 'en-US')).toBe('₴1,234,567.89');
    expect(formatMoney(1000, 'EUR', 'en-US')).toBe('€10');
    expect(formatMoney(250000, 'PLN', 'en-US').replace(/\s/gu, ' ')).toBe('zł 2,500');
  });
  it('gives editable text that parses back', () => {
    for (const minor of [0, 5, 50, 1250050, 100_000_000_000_000]) {
      expect(parseMoney(moneyInputText(minor))).toEqual({ ok: true, minor });
    }
  });
});
