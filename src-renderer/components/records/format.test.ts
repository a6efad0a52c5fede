/** Dates and phones as people read them (./format.ts). */
import { describe, expect, it } from 'vitest';
import { formatDay, formatPhone } from './format';

describe('formatDay', () => {
  it('writes a stored day in the interface language, numeric or long', () => {
    expect(formatDay('2026-12-31', 'uk', 'numeric')).toBe('31.12.2026');
    expect(formatDay('2026-12-31', 'en', 'numeric')).toBe('31/12/2026');
    expect(formatDay('2026-03-01', 'uk', 'long')).toBe('1 березня 2026 р.');
    expect(formatDay('2026-03-01', 'en', 'long')).toBe('1 March 2026');
  });

  it('keeps the stored day in any time zone, and shows anything else as stored', () => {
    // 00:00 UTC is the previous evening west of Greenwich: the day must not move.
    expect(formatDay('2027-01-01', 'uk', 'numeric')).toBe('01.01.2027');
    expect(formatDay('not a date', 'uk', 'long')).toBe('not a date');
    expect(formatDay('2026-02-30', 'uk', 'numeric')).toBe('2026-02-30');
  });
});

describe('formatPhone', () => {
  it('writes Ukrainian numbers nationally and foreign ones with their code', () => {
    expect(formatPhone('+380671234567')).toBe('067 123 4567');
    expect(formatPhone('+48221234567')).toBe('+48 22 123 45 67');
  });
});
