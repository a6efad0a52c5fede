import { describe, expect, it } from 'vitest';
import { companyMessage, companyMessages, COMPANY_ISSUES } from './index';
import { companyInputSchema, companyIssues, companyPatchSchema } from './schema';
import { companySortKey } from './sort-key';
import { normalizeWebsite } from './website';

function issuesOf(input: unknown) {
  const parsed = companyInputSchema.safeParse(input);
  if (parsed.success) throw new Error('expected a failure');
  return companyIssues(parsed.error);
}

describe('company input', () => {
  it('normalises what people type: name tidied, codes to digits, phones to E.164, site to a URL', () => {
    const company = companyInputSchema.parse({
      name: '  ТОВ   «Пекарня Світанок» ',
      edrpou: '3285 5961',
      rnokpp: '',
      legalAddress: ' м. Київ,\r\nвул. Хрещатик, 1 ',
      phones: [{ number: '(044) 123-45-67', label: 'приймальня' }, { number: '044 123 45 67' }],
      website: 'WWW.Svitanok.com.ua/',
    });
    expect(company).toEqual({
      name: 'ТОВ «Пекарня Світанок»',
      edrpou: '32855961',
      rnokpp: null,
      legalAddress: 'м. Київ,\nвул. Хрещатик, 1',
      phones: [{ e164: '+380441234567', label: 'приймальня' }],
      website: 'https://www.svitanok.com.ua',
    });
  });

  it('names the field and the problem for a bad ЄДРПОУ, РНОКПП, phone and website', () => {
    expect(
      issuesOf({
        name: 'ФОП Коваль',
        edrpou: '32855968',
        rnokpp: '12345',
        phones: [{ number: '12-34' }],
        website: 'ftp://example.com',
      }),
    ).toEqual([
      { field: 'edrpou', code: 'company.edrpou_checksum' },
      { field: 'rnokpp', code: 'company.rnokpp_format' },
      { field: 'phones.0.number', code: 'company.phone_invalid' },
      { field: 'website', code: 'company.website_invalid' },
    ]);
    expect(issuesOf({ name: '   ' })).toEqual([{ field: 'name', code: 'company.name_required' }]);
    expect(issuesOf({ name: 'X', edrpou: '1234567' })).toEqual([
      { field: 'edrpou', code: 'company.edrpou_format' },
    ]);
    expect(issuesOf({ name: 'X', rnokpp: '1759013770' })).toEqual([
      { field: 'rnokpp', code: 'company.rnokpp_checksum' },
    ]);
  });

  it('refuses unknown keys and wrong types as company.invalid', () => {
    expect(issuesOf({ name: 'X', ownerId: 'u-1' })[0]?.code).toBe('company.invalid');
    expect(issuesOf({ name: 'X', notes: 5 })[0]?.code).toBe('company.invalid');
  });

  it('an edit changes only the given fields; null clears; an empty edit is refused', () => {
    expect(companyPatchSchema.parse({ website: null, edrpou: '' })).toEqual({
      website: null,
      edrpou: null,
    });
    const empty = companyPatchSchema.safeParse({});
    expect(empty.success).toBe(false);
    if (!empty.success) expect(companyIssues(empty.error)[0]?.code).toBe('company.patch_empty');
  });
});

describe('website', () => {
  it('adds https, lower-cases the host, keeps paths, refuses non-web schemes and bare words', () => {
    expect(normalizeWebsite('example.com')).toBe('https://example.com');
    expect(normalizeWebsite('http://Example.com/Про-нас')).toBe(
      'http://example.com/%D0%9F%D1%80%D0%BE-%D0%BD%D0%B0%D1%81',
    );
    expect(normalizeWebsite('приклад.укр')).toBe('https://xn--80aikifvh.xn--j1amh');
    for (const bad of [
      'javascript:alert(1)',
      'localhost',
      'example',
      'https://a b.com',
      'https://u:p@x.com',
    ])
      expect(normalizeWebsite(bad)).toBeNull();
  });
});

describe('messages', () => {
  it('has a Ukrainian and an English message for every issue', () => {
    for (const issue of COMPANY_ISSUES) {
      expect(companyMessages.uk.company[issue].length).toBeGreaterThan(5);
      expect(companyMessages.en.company[issue].length).toBeGreaterThan(5);
    }
    expect(companyMessage('uk', 'company.edrpou_checksum')).toContain('ЄДРПОУ');
  });
});

describe('sort key', () => {
  it('sorts by the name itself, not by the legal form or quotes, in Ukrainian alphabet order', () => {
    const names = ['ТОВ «Яблуневий сад»', 'ФОП Іваненко', 'Ґрунт ПП', 'ПрАТ "Єдність"', 'Вітер'];
    const sorted = [...names].sort((a, b) => (companySortKey(a) < companySortKey(b) ? -1 : 1));
    expect(sorted).toEqual([
      'Вітер',
      'Ґрунт ПП',
      'ПрАТ "Єдність"',
      'ФОП Іваненко',
      'ТОВ «Яблуневий сад»',
    ]);
  });
});
