import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CONTACT_ISSUES } from './codes';
import { contactMessage, contactMessages } from './messages';
import { normalizePhone } from './phone';
import { contactInputSchema, contactIssues, contactPatchSchema } from './schema';

/** Parses and returns the issues a user would see next to each field. */
function issuesOf(input: unknown, schema: z.ZodType = contactInputSchema) {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return contactIssues(result.error);
}

const base = { surname: 'Шевченко', givenName: 'Тарас' };

describe('phones', () => {
  it.each([
    ['067 123 45 67', '+380671234567'],
    ['0671234567', '+380671234567'],
    ['+38 (067) 123-45-67', '+380671234567'],
    ['380671234567', '+380671234567'],
    ['(044) 123-45-67', '+380441234567'],
    ['8 067 123 45 67', '+380671234567'],
    ['+48 22 123 45 67', '+48221234567'],
    ['+1 202 555 0123', '+12025550123'],
  ])('reads %s as %s', (typed, e164) => {
    expect(normalizePhone(typed)).toBe(e164);
  });

  it.each(['12345', '+380 12 345 6789', '067 123 45 678', 'call 0671234567', '', '+380001234567'])(
    'refuses %s',
    typed => {
      expect(normalizePhone(typed)).toBeNull();
    },
  );

  it('stores phones as E.164, keeps labels, drops a repeated number', () => {
    const parsed = contactInputSchema.parse({
      ...base,
      phones: [
        { number: '067 123 45 67', label: ' робочий ' },
        { number: '+380671234567', label: 'ще раз' },
        { number: '044 123 45 67' },
      ],
    });
    expect(parsed.phones).toEqual([
      { e164: '+380671234567', label: 'робочий' },
      { e164: '+380441234567' },
    ]);
  });

  it('names the exact phone that is wrong', () => {
    expect(
      issuesOf({ ...base, phones: [{ number: '067 123 45 67' }, { number: '12-34' }] }),
    ).toEqual([{ field: 'phones.1.number', code: 'contact.phone_invalid' }]);
  });

  it('refuses more than 10 phones', () => {
    const phones = Array.from({ length: 11 }, (_, i) => ({ number: `067 123 45 ${10 + i}` }));
    expect(issuesOf({ ...base, phones })).toEqual([
      { field: 'phones', code: 'contact.phones_too_many' },
    ]);
  });
});

describe('names', () => {
  it.each([
    ["Мар'яна", 'Ковальчук-Січкар'],
    ['Мар’яна', 'Д’Артаньян'],
    ['Марʼяна', 'Вʼюн'],
    ['Анна-Марія', "O'Brien"],
    ['Їжачок', 'Ґудзь'],
  ])('accepts %s %s', (givenName, surname) => {
    const parsed = contactInputSchema.parse({ givenName, surname });
    expect(parsed).toMatchObject({ givenName, surname });
  });

  it('tidies spaces and keeps the patronymic optional', () => {
    const parsed = contactInputSchema.parse({
      surname: '  Шевченко ',
      givenName: 'Тарас',
      patronymic: '  Григорович  ',
    });
    expect(parsed).toMatchObject({ surname: 'Шевченко', patronymic: 'Григорович' });
    expect(contactInputSchema.parse(base).patronymic).toBeUndefined();
    expect(contactInputSchema.parse({ ...base, patronymic: '' }).patronymic).toBeNull();
  });

  it('asks for something to know the contact by, on the surname field', () => {
    expect(issuesOf({ givenName: '' })).toEqual([
      { field: 'surname', code: 'contact.identity_required' },
    ]);
    expect(issuesOf({ surname: '  ', notes: 'дзвонив' })).toEqual([
      { field: 'surname', code: 'contact.identity_required' },
    ]);
  });

  it('saves a lead without a surname when a name, a phone or a company is given', () => {
    expect(contactInputSchema.parse({ surname: '   ', givenName: 'Тарас' })).toMatchObject({
      surname: '',
      givenName: 'Тарас',
    });
    expect(contactInputSchema.parse({ phones: [{ number: '067 123 45 67' }] })).toMatchObject({
      surname: '',
      givenName: '',
      phones: [{ e164: '+380671234567' }],
    });
    expect(contactInputSchema.parse({ companyName: 'ТОВ «Ромашка»' })).toMatchObject({
      surname: '',
      companyName: 'ТОВ «Ромашка»',
    });
  });

  it.each(['Тарас1', '<script>', 'Анна--Марія', "'Анна", 'Анна -Марія'])(
    'refuses the name %s',
    givenName => {
      expect(issuesOf({ ...base, givenName })).toEqual([
        { field: 'givenName', code: 'contact.name_invalid' },
      ]);
    },
  );

  it('refuses a name longer than 80 characters', () => {
    expect(issuesOf({ ...base, surname: 'Д'.repeat(81) })).toEqual([
      { field: 'surname', code: 'contact.text_too_long' },
    ]);
  });
});

describe('e-mail, messengers, tags, text', () => {
  it('lower-cases e-mails and refuses bad ones', () => {
    expect(contactInputSchema.parse({ ...base, emails: [' Olena@Example.COM '] }).emails).toEqual([
      'olena@example.com',
    ]);
    expect(issuesOf({ ...base, emails: ['ok@example.com', 'olena@', 'a b@c.ua'] })).toEqual([
      { field: 'emails.1', code: 'contact.email_invalid' },
      { field: 'emails.2', code: 'contact.email_invalid' },
    ]);
  });

  it('normalises a Telegram handle from @name, name or a t.me link', () => {
    for (const telegram of ['@olena_k', 'olena_k', 'https://t.me/olena_k', 't.me/olena_k']) {
      expect(contactInputSchema.parse({ ...base, messengers: { telegram } }).messengers).toEqual({
        telegram: '@olena_k',
      });
    }
  });

  it.each(['@abc', '@1olena', '@олена_к', '@' + 'a'.repeat(33), 'olena k'])(
    'refuses the Telegram handle %s',
    telegram => {
      expect(issuesOf({ ...base, messengers: { telegram } })).toEqual([
        { field: 'messengers.telegram', code: 'contact.telegram_invalid' },
      ]);
    },
  );

  it('reads Viber and WhatsApp as phone numbers; empty means none', () => {
    const parsed = contactInputSchema.parse({
      ...base,
      messengers: { viber: '067 123 45 67', whatsapp: '', telegram: null },
    });
    expect(parsed.messengers).toEqual({ viber: '+380671234567' });
    expect(issuesOf({ ...base, messengers: { viber: '123', whatsapp: 'olena' } })).toEqual([
      { field: 'messengers.viber', code: 'contact.viber_invalid' },
      { field: 'messengers.whatsapp', code: 'contact.whatsapp_invalid' },
    ]);
  });

  it('trims tags, drops empty ones and case-insensitive repeats (Cyrillic too)', () => {
    const parsed = contactInputSchema.parse({
      ...base,
      tags: [' VIP ', 'vip', 'Опт', 'ОПТ', '', 'Київ'],
    });
    expect(parsed.tags).toEqual(['VIP', 'Опт', 'Київ']);
  });

  it('refuses a tag over 40 characters (naming it) and more than 20 tags', () => {
    expect(issuesOf({ ...base, tags: ['ok', 'т'.repeat(41)] })).toEqual([
      { field: 'tags.1', code: 'contact.tag_too_long' },
    ]);
    const many = Array.from({ length: 21 }, (_, i) => `tag${i}`);
    expect(issuesOf({ ...base, tags: many })).toEqual([
      { field: 'tags', code: 'contact.tags_too_many' },
    ]);
  });

  it('tidies a job title to one line, clears an empty one and refuses one over 120 characters', () => {
    const parsed = contactInputSchema.parse({ ...base, position: '  Головний\n  інженер ' });
    expect(parsed.position).toBe('Головний інженер');
    expect(contactPatchSchema.parse({ position: '  ' }).position).toBeNull();
    expect(issuesOf({ ...base, position: 'я'.repeat(121) })).toEqual([
      { field: 'position', code: 'contact.text_too_long' },
    ]);
  });

  it('keeps line breaks in notes, refuses over-long notes and unknown fields', () => {
    const parsed = contactInputSchema.parse({ ...base, notes: '  рядок 1\r\nрядок 2 ' });
    expect(parsed.notes).toBe('рядок 1\nрядок 2');
    expect(issuesOf({ ...base, notes: 'x'.repeat(10_001) })).toEqual([
      { field: 'notes', code: 'contact.text_too_long' },
    ]);
    expect(issuesOf({ ...base, ownerId: 'someone-else' })).toEqual([
      { field: '', code: 'contact.invalid' },
    ]);
  });
});

describe('patches', () => {
  it('refuses an empty patch; a blank surname clears it (main checks what remains); null clears', () => {
    expect(issuesOf({}, contactPatchSchema)).toEqual([{ field: '', code: 'contact.patch_empty' }]);
    expect(contactPatchSchema.parse({ surname: ' ' })).toEqual({ surname: '' });
    expect(contactPatchSchema.parse({ companyName: null, notes: '' })).toEqual({
      companyName: null,
      notes: null,
    });
  });
});

describe('messages', () => {
  it('has a Ukrainian and an English message for every issue', () => {
    for (const issue of CONTACT_ISSUES) {
      expect(contactMessages.uk.contact[issue].length).toBeGreaterThan(5);
      expect(contactMessages.en.contact[issue].length).toBeGreaterThan(5);
      expect(contactMessages.uk.contact[issue]).not.toBe(contactMessages.en.contact[issue]);
    }
    expect(contactMessage('uk', 'contact.phone_invalid')).toMatch(/^Номер телефону/);
    expect(contactMessage('de', 'contact.phone_invalid')).toMatch(/^This phone number/);
  });
});
