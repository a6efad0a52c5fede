import { describe, expect, it } from 'vitest';
import { formatMoney, monthLabel } from './format';

describe('dashboard formats', () => {
  it('names months in Ukrainian (nominative) and English', () => {
    expect(monthLabel('2026-11', 'uk')).toBe('листопад 2026');
    expect(monthLabel('2026-01', 'en')).toBe('January 2026');
  });

  it('writes minor units as money in the office format', () => {
    // The currency sign depends on the ICU data (Node: ₴, Chromium: грн); the number does not.
    expect(formatMoney(750050, 'UAH').replace(/\s/g, ' ')).toMatch(/^7 500,50 (₴|грн)$/);
    expect(formatMoney(70000, 'USD').replace(/\s/g, ' ')).toBe('700 USD');
  });
});
