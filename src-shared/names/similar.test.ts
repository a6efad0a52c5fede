/**
 * "Можливо, той самий клієнт": which names are alike (case, apostrophes, ї/і and other spelling
 * variants, a missing patronymic, one typo) and which are not, and that the index finds exactly
 * what a pairwise comparison would.
 */
import { describe, expect, it } from 'vitest';
import { foldName, NameIndex, namesAlike, withinOneEdit } from './similar';

const person = (
  surname: string,
  givenName: string | null = null,
  patronymic: string | null = null,
) => ({
  surname,
  givenName,
  patronymic,
});

describe('fuzzy names', () => {
  it('folds case, apostrophes, quotes and ї/є/ґ spellings', () => {
    expect(foldName('  Мар’яна   ЇЖАКЕВИЧ ')).toBe('маряна іжакевич');
    expect(foldName("Мар'яна")).toBe(foldName('МАРʼЯНА'));
    expect(foldName('ТОВ «Ґрунт-Агро»')).toBe('тов грунт агро');
    expect(foldName('Євген')).toBe('евген');
  });

  it('counts one edit, not two', () => {
    expect(withinOneEdit('шевченко', 'шевченко')).toBe(true);
    expect(withinOneEdit('шевченко', 'шевчинко')).toBe(true);
    expect(withinOneEdit('шевченко', 'шевчено')).toBe(true);
    expect(withinOneEdit('шевченко', 'шевченкоо')).toBe(true);
    expect(withinOneEdit('шевченко', 'шевчинка')).toBe(false);
    expect(withinOneEdit('шевченко', 'шевчен')).toBe(false);
  });

  it('suggests the same person spelt differently, never a different one', () => {
    const taras = person('Шевченко', 'Тарас', 'Григорович');
    expect(namesAlike(taras, person('шевченко', 'ТАРАС'))).toBe(true); // patronymic missing
    expect(namesAlike(taras, person('Шевченко', 'Тарас', 'Григорович'))).toBe(true);
    expect(namesAlike(taras, person('Шевчинко', 'Тарас', 'Григорович'))).toBe(true); // a typo
    expect(namesAlike(person('Ївченко', 'Олена'), person('Івченко', 'Олена'))).toBe(true);
    expect(namesAlike(person("Мар'яненко", 'Ольга'), person('Марʼяненко', 'Ольга'))).toBe(true);
    expect(namesAlike(taras, person('Шевченко', 'Тарас', 'Іванович'))).toBe(true); // same short
    expect(namesAlike(taras, person('Шевченко', 'Остап'))).toBe(false);
    expect(namesAlike(taras, person('Коваленко', 'Тарас'))).toBe(false);
    // Short names one letter apart are different people, not typos.
    expect(namesAlike(person('Лі'), person('Ло'))).toBe(false);
    expect(namesAlike({ name: 'ТОВ «Зірка»' }, { name: 'Тов Зірка' })).toBe(true);
    expect(namesAlike({ name: 'ТОВ «Пекарня Світанок»' }, { name: 'Пекарня Світанок' })).toBe(true);
    expect(namesAlike({ name: 'ТОВ «Зірка»' }, { name: 'ТОВ «Зоря»' })).toBe(false);
    expect(namesAlike(person(''), person(''))).toBe(false);
  });

  it('the index finds what a pairwise check finds', () => {
    const names = [
      person('Шевченко', 'Тарас', 'Григорович'),
      person('Шевчинко', 'Тарас'),
      person('Ївченко', 'Олена'),
      person('Коваль', 'Іван'),
      person('Ковальов', 'Іван'),
      person('Бондар', 'Ганна'),
    ];
    const index = new NameIndex<number>();
    names.forEach((n, i) => index.add(n, i));
    for (const probe of [...names, person('Івченко', 'Олена'), person('шевченко', 'тарас')]) {
      const expected = names.flatMap((n, i) => (namesAlike(probe, n) ? [i] : [])).sort();
      expect(index.find(probe).sort()).toEqual(expected);
    }
    expect(index.find(person('Івченко', 'Олена'))).toEqual([2]);
    expect(index.find(person('Мельник', 'Ярослав'))).toEqual([]);
  });
});
