/**
 * What an import row adds to a record it matches: it fills what the record lacks and adds phones,
 * e-mails and tags it does not have; it never overwrites or removes a value someone entered (names
 * stay as they are). Null when the row brings nothing new, so exporting and importing the same file
 * changes nothing.
 */
import type { Company, CompanyInput, CompanyPatch } from '../../src-shared/companies';
import {
  CONTACT_LIMITS,
  CONTACT_TEXT_FIELD_NAMES,
  type Contact,
  type ContactInput,
  type ContactPatch,
  type ContactPhone,
} from '../../src-shared/contacts';
import { COMPANY_LIMITS } from '../../src-shared/companies';

function addPhones(have: ContactPhone[], add: ContactPhone[] | undefined, max: number) {
  const fresh = (add ?? []).filter(p => !have.some(h => h.e164 === p.e164));
  return fresh.length > 0 ? [...have, ...fresh].slice(0, max) : undefined;
}

function addStrings(have: string[], add: string[] | undefined, max: number, fold = false) {
  const key = (s: string) => (fold ? s.toLocaleLowerCase('uk') : s);
  const fresh = (add ?? []).filter(v => !have.some(h => key(h) === key(v)));
  return fresh.length > 0 ? [...have, ...fresh].slice(0, max) : undefined;
}

function defined<T extends object>(patch: T): T | null {
  const out = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  return Object.keys(out).length > 0 ? (out as T) : null;
}

/** The patch a row gives a matched contact, or null when it adds nothing. */
export function contactMergePatch(existing: Contact, input: ContactInput): ContactPatch | null {
  const patch: ContactPatch = {};
  if (existing.patronymic === null && input.patronymic) patch.patronymic = input.patronymic;
  for (const field of CONTACT_TEXT_FIELD_NAMES) {
    const value = input[field];
    if (existing[field] === null && value) patch[field] = value;
  }
  patch.phones = addPhones(existing.phones, input.phones, CONTACT_LIMITS.phones);
  patch.emails = addStrings(existing.emails, input.emails, CONTACT_LIMITS.emails);
  patch.tags = addStrings(existing.tags, input.tags, CONTACT_LIMITS.tags, true);
  const messengers = { ...existing.messengers };
  let messengerAdded = false;
  for (const key of ['telegram', 'viber', 'whatsapp'] as const) {
    const value = input.messengers?.[key];
    if (messengers[key] === undefined && value) {
      messengers[key] = value;
      messengerAdded = true;
    }
  }
  if (messengerAdded) patch.messengers = messengers;
  return defined(patch);
}

/** The patch a row gives a matched company, or null when it adds nothing. */
export function companyMergePatch(existing: Company, input: CompanyInput): CompanyPatch | null {
  const patch: CompanyPatch = {};
  for (const field of [
    'edrpou',
    'rnokpp',
    'legalAddress',
    'actualAddress',
    'website',
    'notes',
  ] as const) {
    const value = input[field];
    if (existing[field] === null && value) patch[field] = value;
  }
  patch.phones = addPhones(existing.phones, input.phones, COMPANY_LIMITS.phones);
  return defined(patch);
}
