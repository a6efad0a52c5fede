import { describe, expect, it } from 'vitest';
import { searchTerms } from './query';

describe('searchTerms', () => {
  it('makes every word a quoted prefix', () => {
    expect(searchTerms('Іва Петр')).toEqual({ text: '"Іва"* "Петр"*', digits: null });
  });

  it('drops every kind of apostrophe', () => {
    for (const typed of ["Мар'яна", 'Марʼяна', 'Мар’яна', 'Мар`яна']) {
      expect(searchTerms(typed).text).toBe('"Маряна"*');
    }
  });

  it('turns phone fragments into a digits substring match', () => {
    expect(searchTerms('67 123')).toEqual({ text: '"67"* "123"*', digits: '"67123"' });
    expect(searchTerms('+380 (67)')).toEqual({ text: '"380"* "67"*', digits: '"38067"' });
    expect(searchTerms('12').digits).toBeNull();
  });

  it('keeps FTS5 syntax as plain words', () => {
    expect(searchTerms('a" OR b* NEAR(c)')).toEqual({
      text: '"a"* "OR"* "b"* "NEAR"* "c"*',
      digits: null,
    });
  });

  it('cuts words to the 8-character prefixes the index holds', () => {
    expect(searchTerms('передзвонити Шевченко').text).toBe('"передзво"* "Шевченко"*');
    // Characters, not UTF-16 units: a letter outside the BMP counts once.
    expect(searchTerms('𝐀bcdefghij').text).toBe('"𝐀bcdefgh"*');
  });

  it('has nothing to search in punctuation or blanks', () => {
    expect(searchTerms(' - ,. ')).toEqual({ text: null, digits: null });
  });
});
