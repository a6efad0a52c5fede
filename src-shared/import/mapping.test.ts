import { describe, expect, it } from 'vitest';
import { headerKey, parseRow, suggestMapping } from './mapping';
import { splitFullName } from './names';

describe('header synonyms', () => {
  it('maps Ukrainian, Russian and English headers of a contacts sheet', () => {
    const headers = [
      'ПІБ',
      'Прізвище',
      'Ім’я',
      'По батькові',
      'Телефон',
      'Мобильный телефон',
      'E-mail',
      'Компанія',
      'Должность',
      'Примітка',
      'Щось інше',
    ];
    expect(suggestMapping('contacts', headers).columns).toEqual([
      'fullName',
      'surname',
      'givenName',
      'patronymic',
      'phones',
      'phones',
      'emails',
      'companyName',
      'position',
      'notes',
      null,
    ]);
  });

  it('maps a companies sheet: ЄДРПОУ, РНОКПП, addresses, site', () => {
    const headers = [
      'Найменування',
      'Код ЄДРПОУ',
      'ІПН',
      'Юридична адреса',
      'Фактична адреса',
      'Сайт',
    ];
    expect(suggestMapping('companies', headers).columns).toEqual([
      'name',
      'edrpou',
      'rnokpp',
      'legalAddress',
      'actualAddress',
      'website',
    ]);
  });

  it('maps the numbered columns of a Google Contacts export', () => {
    const headers = [
      'First Name',
      'Middle Name',
      'Last Name',
      'E-mail 1 - Label',
      'E-mail 1 - Value',
      'Phone 1 - Label',
      'Phone 1 - Value',
      'Phone 2 - Value',
      'Organization Name',
      'Labels',
    ];
    expect(suggestMapping('contacts', headers).columns).toEqual([
      'givenName',
      'patronymic',
      'surname',
      null,
      'emails',
      null,
      'phones',
      'phones',
      'companyName',
      'tags',
    ]);
  });

  it('keys a header set so a saved mapping is found again despite apostrophes and case', () => {
    expect(headerKey(['Ім’я', ' Телефон '])).toBe(headerKey(["ім'я", 'ТЕЛЕФОН']));
    expect(headerKey(['Ім’я', 'Телефон'])).not.toBe(headerKey(['Телефон', 'Ім’я']));
  });
});

describe('name splitting', () => {
  it('splits Ukrainian order and phone order by the patronymic', () => {
    const parts = { surname: 'Шевченко', givenName: 'Тарас', patronymic: 'Григорович' };
    expect(splitFullName('Шевченко Тарас Григорович', 'surname-first')).toEqual(parts);
    expect(splitFullName('Тарас Григорович Шевченко', 'surname-first')).toEqual(parts);
    expect(splitFullName('Косач-Квітка Лариса Петрівна', 'given-first')).toEqual({
      surname: 'Косач-Квітка',
      givenName: 'Лариса',
      patronymic: 'Петрівна',
    });
  });

  it('falls back on the column order without a patronymic', () => {
    expect(splitFullName("Мар'яна Коваль", 'given-first')).toEqual({
      surname: 'Коваль',
      givenName: "Мар'яна",
      patronymic: '',
    });
    expect(splitFullName('Коваль Мар’яна', 'surname-first')).toMatchObject({ surname: 'Коваль' });
    expect(splitFullName('Мама', 'surname-first')).toEqual({
      surname: '',
      givenName: 'Мама',
      patronymic: '',
    });
  });
});

describe('rows through the form schemas', () => {
  it('builds a contact: split name, phones in E.164 from several cells, e-mails lower-cased', () => {
    const headers = ['ПІБ', 'Телефон', 'Телефон 2', 'Email', 'Теги'];
    const mapping = suggestMapping('contacts', headers);
    const row = [
      'Шевченко Тарас Григорович',
      '+38 (067) 123-45-67 ::: 050 123 45 67',
      '0671234567',
      'Taras@Example.COM',
      '* myContacts ::: VIP',
    ];
    expect(parseRow(mapping, row)).toEqual({
      ok: true,
      type: 'contacts',
      input: {
        surname: 'Шевченко',
        givenName: 'Тарас',
        patronymic: 'Григорович',
        phones: [{ e164: '+380671234567' }, { e164: '+380501234567' }],
        emails: ['taras@example.com'],
        tags: ['VIP'],
      },
    });
  });

  it('reports the form issue codes of a bad row, never its values', () => {
    const mapping = suggestMapping('contacts', ['Прізвище', 'Телефон']);
    const parsed = parseRow(mapping, ['Шевченко', 'дзвонити після 18']);
    expect(parsed).toEqual({
      ok: false,
      // A surname alone is enough to know a contact by (issue 18): only the phone is wrong.
      issues: [{ field: 'phones.0.number', code: 'contact.phone_invalid' }],
    });
    expect(JSON.stringify(parsed)).not.toContain('18');
  });

  it('checks ЄДРПОУ check digits as the company form does', () => {
    const mapping = suggestMapping('companies', ['Назва', 'ЄДРПОУ']);
    expect(parseRow(mapping, ['ТОВ «Яблуко»', '00032129'])).toMatchObject({
      ok: true,
      input: { name: 'ТОВ «Яблуко»', edrpou: '00032129' },
    });
    expect(parseRow(mapping, ['ТОВ «Груша»', '00032128'])).toEqual({
      ok: false,
      issues: [{ field: 'edrpou', code: 'company.edrpou_checksum' }],
    });
  });
});
