import { describe, expect, it } from 'vitest';
import { collationText, contactSortKey } from './sort-key';

describe('contactSortKey', () => {
  it('sorts Ukrainian surnames in alphabet order as plain byte comparison would', () => {
    const surnames = [
      'Яковенко',
      'Ігнатенко',
      'Єрмак',
      'Ґудзь',
      'Гончар',
      'Їжак',
      'Іваненко',
      'Зуб',
      'Антоненко',
      'Дубовик',
      'Ющенко',
    ];
    const sorted = [...surnames].sort((a, b) => {
      const ka = contactSortKey(a, 'Іван');
      const kb = contactSortKey(b, 'Іван');
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    expect(sorted).toEqual([
      'Антоненко',
      'Гончар',
      'Ґудзь',
      'Дубовик',
      'Єрмак',
      'Зуб',
      'Іваненко',
      'Ігнатенко',
      'Їжак',
      'Ющенко',
      'Яковенко',
    ]);
  });

  it('ignores case and apostrophes, and puts a shorter surname first', () => {
    expect(contactSortKey("Мар'ян", 'А')).toBe(contactSortKey('МАРЯН', 'а'));
    expect(contactSortKey('Марʼян', 'А')).toBe(contactSortKey('мар’ян', 'а'));
    expect(contactSortKey('Іван', 'Я') < contactSortKey('Іванов', 'А')).toBe(true);
    expect(contactSortKey('Коваль', 'Анна', null)).toBe(contactSortKey('Коваль', 'Анна', ''));
  });

  it('makes search text comparable the same way', () => {
    expect(contactSortKey('Ігнатенко', 'Олена').includes(collationText('ІГНАТ'))).toBe(true);
  });
});
