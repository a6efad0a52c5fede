import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Strings } from './types';

const uk = {
  title: 'Звіти',
  nested: { hint: 'Підказка' },
  count: (n: number, unit: string) => `${n} ${unit}`,
} as const;

describe('Strings<typeof uk>', () => {
  it('keeps the key tree, widens texts to string and keeps functions with their parameters', () => {
    expectTypeOf<Strings<typeof uk>>().toEqualTypeOf<{
      readonly title: string;
      readonly nested: { readonly hint: string };
      readonly count: (n: number, unit: string) => string;
    }>();
    const en: Strings<typeof uk> = {
      title: 'Reports',
      nested: { hint: 'Hint' },
      count: (n, unit) => `${n} ${unit}s`,
    };
    expectTypeOf(en.count).parameters.toEqualTypeOf<[number, string]>();
    expect(Object.keys(en)).toEqual(Object.keys(uk));
    expect(en.count(2, 'file')).toBe('2 files');
    // @ts-expect-error a missing key does not compile
    const partial: Strings<typeof uk> = { title: 'Reports', nested: { hint: 'Hint' } };
    expectTypeOf(partial.title).toBeString();
  });
});
