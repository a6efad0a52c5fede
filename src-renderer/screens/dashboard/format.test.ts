import { describe, expect, it } from 'vitest';
import { formatMoney, monthLabel } from './format';

describe('dashboard formats', () => {
  it('names months in Ukrainian (nominative) and English', () => {
    expect(monthLabel('2026-11', 'uk')).toBe('листопад 2026');
    expect(monthLabel('2026-01', 'en')).toBe('January 2026');
  });

  it('writes minor units as money in the office format', () => {
    // The sign is the currency's own whatever the ICU data (Chromium's alone writes "грн").
    expect(formatMoney(750050, 'UAH').replace(/\s/g, ' ')).toBe('7 500,50 ₴');
    expect(formatMoney(70000, 'USD').replace(/\s/g, ' ')).toBe('700 $');
    expect(formatMoney(1250000, 'EUR', 'en')).toBe('€12,500');
  });
});
