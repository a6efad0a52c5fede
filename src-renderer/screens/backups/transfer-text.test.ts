// @vitest-environment jsdom
/** The speed and time-left line of backup and restore progress bars, in Ukrainian and English. */
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n';
import { transferRate, transferText } from './transfer-text';

const uk = createI18n('uk');
const en = createI18n('en');
// 12.3 MB/s for 10 s, and a minute's worth left.
const MINUTE_LEFT = {
  bytesDone: 123_000_000,
  bytesTotal: 123_000_000 + 738_000_000,
  elapsedMs: 10_000,
};

describe('transfer speed and time left', () => {
  it('reads in Ukrainian first, with a decimal comma', () => {
    expect(transferText(uk.t, 'uk', MINUTE_LEFT)).toBe('12,3 МБ/с, залишилося ~1 хв');
    const soon = { ...MINUTE_LEFT, bytesTotal: 123_000_000 + 12_300_000 * 32 };
    expect(transferText(uk.t, 'uk', soon)).toBe('12,3 МБ/с, залишилося ~35 с');
    const long = { ...MINUTE_LEFT, bytesTotal: 123_000_000 + 12_300_000 * 60 * 14.6 };
    expect(transferText(uk.t, 'uk', long)).toBe('12,3 МБ/с, залишилося ~15 хв');
  });

  it('reads in English', () => {
    expect(transferText(en.t, 'en', MINUTE_LEFT)).toBe('12.3 MB/s, about 1 min left');
    expect(transferText(en.t, 'en', { ...MINUTE_LEFT, bytesTotal: 123_000_000 })).toBe(
      '12.3 MB/s, about 5 s left',
    );
  });

  it('says nothing until the speed is known, and no time left without a total', () => {
    expect(transferText(en.t, 'en', { ...MINUTE_LEFT, elapsedMs: 200 })).toBeNull();
    expect(transferText(en.t, 'en', { ...MINUTE_LEFT, bytesDone: 0 })).toBeNull();
    expect(transferText(uk.t, 'uk', { ...MINUTE_LEFT, bytesTotal: 0 })).toBe('12,3 МБ/с');
    expect(transferRate(MINUTE_LEFT)).toEqual({ bytesPerSecond: 12_300_000, secondsLeft: 60 });
  });
});
