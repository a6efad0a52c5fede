import { describe, expect, it } from 'vitest';
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
  it('shows other currencies with their code or sign', () => {
    expect(formatMoney(99, 'USD', 'en-US')).toBe('$0.99');
    // The hryvnia keeps its sign in English too (ICU alone writes "UAH 12,500.50").
    expect(formatMoney(1250050, 'UAH', 'en-GB')).toBe('₴12,500.50');
    expect(formatMoney(1000, 'EUR').replace(/\s/gu, ' ')).toBe('10 EUR');
  });
  it('gives editable text that parses back', () => {
    for (const minor of [0, 5, 50, 1250050, 100_000_000_000_000]) {
      expect(parseMoney(moneyInputText(minor))).toEqual({ ok: true, minor });
    }
  });
});
