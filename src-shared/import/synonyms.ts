/**
 * Header synonyms: the words Ukrainian, Russian and English sheets (and Google / Outlook exports)
 * put over a column, normalised (lower case, apostrophes unified, punctuation dropped) and mapped
 * to an import field. Exact matches first, then patterns for numbered export headers
 * ("Phone 2 - Value", "E-mail 3 Address").
 */
import type { CompanyImportField, ContactImportField, ImportType, NameOrder } from './fields';

/** A header in comparable form: "  Ім’я: " → "ім'я"; "E-mail 1 - Value" → "e mail 1 value". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFC')
    .toLocaleLowerCase('uk')
    .replace(/[’ʼ`´]/gu, "'")
    .replace(/ё/gu, 'е')
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

function table<F extends string>(entries: Record<F, string[]>): Map<string, F> {
  const map = new Map<string, F>();
  for (const [field, words] of Object.entries(entries) as [F, string[]][])
    for (const word of words) map.set(normalizeHeader(word), field);
  return map;
}

const CONTACT_WORDS = table<ContactImportField>({
  fullName: [
    'ПІБ',
    'П.І.Б.',
    'ФІО',
    'ФИО',
    'Ф.И.О.',
    "Прізвище ім'я по батькові",
    'Фамилия имя отчество',
    "Прізвище та ім'я",
    "Ім'я та прізвище",
    'Full name',
    'Name',
    'Display name',
    'Contact',
    'Контакт',
    'Контактна особа',
    'Контактное лицо',
    'Клієнт',
    'Клиент',
    'FN',
  ],
  surname: ['Прізвище', 'Фамилия', 'Last name', 'Surname', 'Family name', 'N:family'],
  givenName: ["Ім'я", 'Імя', 'Имя', 'First name', 'Given name', 'N:given'],
  patronymic: [
    'По батькові',
    'По-батькові',
    'Отчество',
    'Middle name',
    'Additional name',
    'N:middle',
  ],
  phones: [
    'Телефон',
    'Телефони',
    'Тел',
    'Моб',
    'Мобільний',
    'Мобільний телефон',
    'Мобильный',
    'Мобильный телефон',
    'Номер телефону',
    'Номер телефона',
    'Phone',
    'Phones',
    'Mobile',
    'Mobile phone',
    'Telephone',
    'TEL',
    'Primary phone',
    'Business phone',
    'Business phone 2',
    'Home phone',
    'Home phone 2',
    'Other phone',
    'Company main phone',
  ],
  emails: [
    'Email',
    'E-mail',
    'Емейл',
    'Імейл',
    'Пошта',
    'Електронна пошта',
    'Эл. почта',
    'Электронная почта',
    'Почта',
    'E-mail address',
    'Email address',
    'E-mail 2 address',
    'E-mail 3 address',
    'EMAIL',
  ],
  companyName: [
    'Компанія',
    'Компания',
    'Організація',
    'Организация',
    'Фірма',
    'Фирма',
    'Контрагент',
    'Company',
    'Organization',
    'Organisation',
    'Organization name',
    'Organization 1 - Name',
    'ORG',
  ],
  position: [
    'Посада',
    'Должность',
    'Job title',
    'Title',
    'Position',
    'Organization title',
    'Organization 1 - Title',
    'TITLE',
  ],
  address: ['Адреса', 'Адрес', 'Address', 'Home address', 'Address 1 - Formatted', 'ADR'],
  source: ['Джерело', 'Источник', 'Source', 'Lead source'],
  notes: [
    'Нотатки',
    'Нотатка',
    'Примітки',
    'Примітка',
    'Коментар',
    'Коментарі',
    'Примечание',
    'Комментарий',
    'Notes',
    'Note',
    'Comment',
    'Comments',
    'NOTE',
  ],
  tags: ['Теги', 'Тег', 'Мітки', 'Метки', 'Tags', 'Labels', 'Group membership', 'Categories'],
  telegram: ['Telegram', 'Телеграм', 'Телеграм нік'],
  viber: ['Viber', 'Вайбер'],
  whatsapp: ['WhatsApp', 'Вотсап', 'Ватсап'],
});

const COMPANY_WORDS = table<CompanyImportField>({
  name: [
    'Назва',
    'Назва компанії',
    'Найменування',
    'Повне найменування',
    'Наименование',
    'Название',
    'Компанія',
    'Компания',
    'Організація',
    'Организация',
    'Контрагент',
    'Company',
    'Company name',
    'Organization',
    'Organization name',
    'Name',
  ],
  edrpou: [
    'ЄДРПОУ',
    'ЕДРПОУ',
    'Код ЄДРПОУ',
    'Код за ЄДРПОУ',
    'Код ЕДРПОУ',
    'EDRPOU',
    'USREOU',
    'Registration code',
  ],
  rnokpp: [
    'РНОКПП',
    'ІПН',
    'ИПН',
    'ІНН',
    'ИНН',
    'Ідентифікаційний код',
    'Ідентифікаційний номер',
    'Податковий номер',
    'RNOKPP',
    'Tax ID',
    'Tax number',
  ],
  legalAddress: ['Юридична адреса', 'Юридический адрес', 'Legal address', 'Адреса', 'Адрес'],
  actualAddress: [
    'Фактична адреса',
    'Фактический адрес',
    'Поштова адреса',
    'Почтовый адрес',
    'Actual address',
    'Postal address',
  ],
  phones: ['Телефон', 'Телефони', 'Тел', 'Phone', 'Phones', 'Telephone', 'Business phone'],
  website: ['Сайт', 'Вебсайт', 'Веб-сайт', 'Website', 'Web site', 'Web', 'URL', 'Web page'],
  notes: ['Нотатки', 'Примітки', 'Коментар', 'Примечание', 'Комментарий', 'Notes', 'Comment'],
});

/** Numbered export headers: Google "Phone 1 - Value", Outlook "E-mail 2 Address". */
const CONTACT_PATTERNS: [RegExp, ContactImportField][] = [
  [/^phone \d+ value$/u, 'phones'],
  [/^e mail \d+ value$/u, 'emails'],
  [/^(?:телефон|phone) \d+$/u, 'phones'],
  [/^(?:e ?mail|email) \d+$/u, 'emails'],
];
const COMPANY_PATTERNS: [RegExp, CompanyImportField][] = [[/^(?:телефон|phone) \d+$/u, 'phones']];

/** The field a header names for `type`, or null when it is not recognised. */
export function fieldForHeader(
  type: ImportType,
  header: string,
): ContactImportField | CompanyImportField | null {
  const key = normalizeHeader(header);
  if (key.length === 0) return null;
  if (type === 'contacts') {
    const exact = CONTACT_WORDS.get(key);
    if (exact) return exact;
    return CONTACT_PATTERNS.find(([pattern]) => pattern.test(key))?.[1] ?? null;
  }
  const exact = COMPANY_WORDS.get(key);
  if (exact) return exact;
  return COMPANY_PATTERNS.find(([pattern]) => pattern.test(key))?.[1] ?? null;
}

/** English, vCard and Google "Name" columns put the given name first; ПІБ/ФИО the surname. */
export function nameOrderFor(header: string): NameOrder {
  return /^[\p{Script=Latin}\s:'-]*$/u.test(header.trim()) ? 'given-first' : 'surname-first';
}
