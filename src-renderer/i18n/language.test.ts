import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it('starts in Ukrainian when nothing is chosen yet, whatever the system speaks', () => {
    expect(detectLanguage(null)).toBe('uk');
  });

  it('a saved choice wins; a tampered value is ignored', () => {
    expect(detectLanguage('en')).toBe('en');
    expect(detectLanguage('uk')).toBe('uk');
    expect(detectLanguage('fr')).toBe('uk');
    expect(detectLanguage('<script>')).toBe('uk');
  });
});
