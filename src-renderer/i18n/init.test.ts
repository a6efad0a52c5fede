// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { initI18n } from './index';
import { LANGUAGE_STORAGE_KEY } from './language';

function preferLanguages(languages: string[]) {
  Object.defineProperty(window.navigator, 'languages', { value: languages, configurable: true });
}

afterEach(() => window.localStorage.clear());

describe('initI18n', () => {
  it('starts in Ukrainian on a Ukrainian system and marks <html lang>', () => {
    preferLanguages(['uk-UA', 'en-US']);
    const i18n = initI18n();
    expect(i18n.language).toBe('uk');
    expect(document.documentElement.lang).toBe('uk');
    expect(i18n.t('signIn.submit')).toBe('Увійти');
    expect(i18n.t('errors.auth_failed')).toMatch(/логін|пароль/i);
  });

  it('remembers a switch across restarts, and <html lang> follows it', async () => {
    preferLanguages(['uk-UA']);
    const first = initI18n();
    await first.changeLanguage('en');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');

    const second = initI18n();
    expect(second.language).toBe('en');
    expect(second.t('signIn.submit')).toBe('Sign in');
  });

  it('starts in Ukrainian on an English system too, until the person chooses', async () => {
    preferLanguages(['en-GB', 'de-DE']);
    const first = initI18n();
    expect(first.language).toBe('uk');
    expect(document.documentElement.lang).toBe('uk');
    await first.changeLanguage('en');
    expect(initI18n().language).toBe('en');
  });
});
