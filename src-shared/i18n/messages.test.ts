import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../ipc/contract';
import { PASSWORD_ISSUES, PASSWORD_MIN_LENGTH } from '../policy/password';
import { en } from './en';
import { LOCALES, resolveLocale, sharedMessages, translate } from './messages';
import { uk } from './uk';

function keysOf(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) =>
    keysOf(value, prefix === '' ? key : `${prefix}.${key}`),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/gu)].map(m => m[1] ?? '').sort();
}

describe('shared message catalogues', () => {
  it('Ukrainian and English define exactly the same keys', () => {
    expect(keysOf(uk).sort()).toEqual(keysOf(en).sort());
  });

  it('every error code and every password issue has a non-empty message in every language', () => {
    for (const locale of LOCALES) {
      for (const code of ERROR_CODES) {
        expect(
          sharedMessages[locale].errors[code]?.trim(),
          `${locale} errors.${code}`,
        ).toBeTruthy();
      }
      for (const issue of PASSWORD_ISSUES) {
        expect(
          sharedMessages[locale].password[issue]?.trim(),
          `${locale} password.${issue}`,
        ).toBeTruthy();
      }
    }
  });

  it('uses the same placeholders in both languages, so no variable goes missing in one', () => {
    for (const key of keysOf(en)) {
      const english = translate('en', key as never);
      const ukrainian = translate('uk', key as never);
      expect(placeholders(ukrainian), key).toEqual(placeholders(english));
    }
  });

  it('Ukrainian messages are in Ukrainian, not copied English', () => {
    for (const key of keysOf(uk)) {
      expect(translate('uk', key as never), key).toMatch(/[а-яіїєґ]/iu);
      expect(translate('uk', key as never), key).not.toMatch(/[ыэъё]/iu);
    }
  });

  it('states the current minimum password length', () => {
    for (const locale of LOCALES) {
      expect(translate(locale, 'password.too_short')).toContain(String(PASSWORD_MIN_LENGTH));
    }
  });
});

describe('translate', () => {
  it('fills placeholders and tells a locked-out user when to come back', () => {
    expect(translate('en', 'errors.locked_out', { minutes: 15 })).toBe(
      'Too many attempts. Try again in 15 min.',
    );
    expect(translate('uk', 'errors.locked_out', { minutes: 15 })).toBe(
      'Забагато спроб. Спробуйте знову через 15 хв.',
    );
  });

  it('leaves a placeholder visible when its value is missing instead of printing a blank', () => {
    expect(translate('en', 'errors.locked_out')).toContain('{{minutes}}');
  });

  it('falls back to the key itself for an unknown key rather than throwing', () => {
    expect(translate('uk', 'errors.nope' as never)).toBe('errors.nope');
    expect(translate('uk', 'errors.locked_out.deeper' as never)).toBe('errors.locked_out.deeper');
    expect(translate('en', 'constructor' as never)).toBe('constructor');
  });
});

describe('resolveLocale', () => {
  it('maps language tags to uk or en, defaulting to Ukrainian', () => {
    expect(resolveLocale('en_GB.UTF-8')).toBe('en');
    expect(resolveLocale('EN-us')).toBe('en');
    expect(resolveLocale('uk-UA')).toBe('uk');
    expect(resolveLocale('de-DE')).toBe('uk');
    expect(resolveLocale(undefined)).toBe('uk');
    expect(resolveLocale('')).toBe('uk');
  });
});
