/**
 * Contacts storage (migration 0005_contacts; the row type is in src-main/vault/schema.ts): row ↔
 * domain mapping and the derived sort key and search text.
 */
import { rowStamps } from '../record/changes';
import { foldedSearchText } from '../record/search-words';
import type {
  Contact,
  ContactCompany,
  ContactFields,
  ContactMessengers,
  ContactPhone,
  ContactShare,
  ContactTextField,
  ContactTextValues,
} from '../../../src-shared/contacts';
import {
  CONTACT_TEXT_FIELD_NAMES,
  contactSortKey,
  contactTextOf,
} from '../../../src-shared/contacts';
import type { ContactsTable } from '../../vault/schema';

function parseJson<T>(text: string, guard: (v: unknown) => v is T, fallback: T): T {
  try {
    const value: unknown = JSON.parse(text);
    return guard(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

const isArray = (v: unknown): v is unknown[] => Array.isArray(v);
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function phonesOf(text: string): ContactPhone[] {
  return parseJson(text, isArray, []).flatMap(p => {
    if (!isObject(p) || typeof p.e164 !== 'string') return [];
    return typeof p.label === 'string' ? [{ e164: p.e164, label: p.label }] : [{ e164: p.e164 }];
  });
}

function stringsOf(text: string): string[] {
  return parseJson(text, isArray, []).filter((s): s is string => typeof s === 'string');
}

function messengersOf(text: string): ContactMessengers {
  const raw = parseJson(text, isObject, {});
  const out: ContactMessengers = {};
  for (const key of ['telegram', 'viber', 'whatsapp'] as const) {
    const value = raw[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/** A free-text field's column: its name in snake_case (`companyName` → `company_name`). */
type ColumnOf<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${ColumnOf<T>}`
  : S;

/** The free-text columns (./text-fields in src-shared); a missing one fails to compile here. */
type TextColumns = Pick<ContactsTable, ColumnOf<ContactTextField>>;

function columnOf(name: ContactTextField): keyof TextColumns {
  return name.replace(/[A-Z]/gu, c => `_${c.toLowerCase()}`) as keyof TextColumns;
}

function textOfRow(row: TextColumns): ContactTextValues {
  return Object.fromEntries(
    CONTACT_TEXT_FIELD_NAMES.map(name => [name, row[columnOf(name)]]),
  ) as ContactTextValues;
}

function textColumns(f: ContactTextValues): TextColumns {
  return Object.fromEntries(
    CONTACT_TEXT_FIELD_NAMES.map(name => [columnOf(name), f[name]]),
  ) as TextColumns;
}

/** `contacts` row (+ owner name and shares) → `Contact`. */
export function rowToContact(
  row: ContactsTable,
  ownerName: string,
  sharedWith: ContactShare[],
  company: ContactCompany | null = null,
): Contact {
  return {
    id: row.id,
    ownerId: row.owner_id,
    ownerName,
    sharedWith,
    company,
    companyId: row.company_id,
    surname: row.surname,
    givenName: row.given_name,
    patronymic: row.patronymic,
    ...textOfRow(row),
    phones: phonesOf(row.phones),
    emails: stringsOf(row.emails),
    messengers: messengersOf(row.messengers),
    tags: stringsOf(row.tags),
    ...rowStamps(row),
  };
}

/** The stored columns for a contact's fields, with the derived sort key and search text. */
export function fieldsToColumns(f: ContactFields) {
  return {
    surname: f.surname,
    given_name: f.givenName,
    patronymic: f.patronymic,
    ...textColumns(f),
    company_id: f.companyId ?? null,
    phones: JSON.stringify(f.phones),
    emails: JSON.stringify(f.emails),
    messengers: JSON.stringify(f.messengers),
    tags: JSON.stringify(f.tags),
    sort_key: contactSortKey(f.surname, f.givenName, f.patronymic),
    search_text: searchText(f),
  };
}

/**
 * What the list's text filter looks in: names, company, e-mails, Telegram and tags folded like the
 * sort key, and phone digits without '+' (380671234567, which also contains the national 0671234567).
 */
export function searchText(f: ContactFields): string {
  const digits = [
    ...f.phones.map(p => p.e164),
    f.messengers.viber ?? '',
    f.messengers.whatsapp ?? '',
  ]
    .filter(p => p.length > 0)
    .map(p => p.replace(/\D/gu, ''));
  return foldedSearchText([
    f.surname,
    f.givenName,
    f.patronymic ?? '',
    f.companyName ?? '',
    ...f.emails,
    f.messengers.telegram ?? '',
    ...f.tags,
    ...digits,
  ]);
}

/** The fields of a stored contact, for applying a patch. */
export function contactFields(c: Contact): ContactFields {
  return {
    surname: c.surname,
    givenName: c.givenName,
    patronymic: c.patronymic,
    ...contactTextOf(c),
    companyId: c.companyId,
    phones: c.phones,
    emails: c.emails,
    messengers: c.messengers,
    tags: c.tags,
  };
}
