import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it('starts in Ukrainian on a Ukrainian system', () => {
    expect(detectLanguage(null, ['uk-UA', 'en-US'])).toBe('uk');
    expect(detectLanguage(null, ['en-US', 'uk'])).toBe('uk');
    expect(detectLanguage(null, ['ru-UA'])).toBe('uk');
  });

  it('starts in English elsewhere', () => {
    expect(detectLanguage(null, ['en-GB'])).toBe('en');
    expect(detectLanguage(null, ['pl-PL', 'de'])).toBe('en');
    expect(detectLanguage(null, ['ru-RU'])).toBe('en');
    expect(detectLanguage(null, [])).toBe('en');
  });

  it('a saved choice wins; a tampered value is ignored', () => {
    expect(detectLanguage('en', ['uk-UA'])).toBe('en');
    expect(detectLanguage('uk', ['en-US'])).toBe('uk');
    expect(detectLanguage('fr', ['uk-UA'])).toBe('uk');
    expect(detectLanguage('<script>', ['en-US'])).toBe('en');
  });
});
