/**
 * What the merge dialog needs to know about a record type: which fields get a choice, how a record
 * and a value read, how to fetch a record and how to search the caller's own scoped list. One kind
 * per mergeable type; the dialog, the picker button and the history are shared.
 */
import type { CompanySummary, Company } from '../../../../src-shared/companies';
import type { Contact, ContactSummary } from '../../../../src-shared/contacts';
import type { ZamokApi } from '../../../../src-shared/ipc';
import type { Result } from '../../../../src-shared/ipc/contract';
import {
  COMPANY_PICKED_FIELDS,
  CONTACT_PICKED_FIELDS,
  type CompanyPickedField,
  type ContactPickedField,
  type MergeType,
} from '../../../../src-shared/merge';
import { PICKER_LIMIT } from '../RecordPicker';
import type { ListPage } from '../paged-list';

/** A field picked per record, of either type. */
export type PickedField = ContactPickedField | CompanyPickedField;

/** A mergeable type: `R` the whole record, `S` its list row (the picker's options). */
export interface MergeKind<
  R extends { id: string },
  S extends { id: string },
  F extends PickedField,
> {
  type: MergeType;
  fields: readonly F[];
  /** The record's name (a column heading, the "keep" radio). */
  nameOf: (record: R) => string;
  /** A list row's name (the picker). */
  rowName: (row: S) => string;
  /** A picked field's value as the dialog shows it ('' when empty). */
  shownValue: (record: R, field: F) => string;
  /** The raw value compared to decide whether a field differs. */
  rawValue: (record: R, field: F) => unknown;
  load: (api: ZamokApi, id: string) => Promise<Result<R>>;
  /** The caller's own scoped list (a stable function: it is an effect's dependency). */
  search: (api: ZamokApi, text: string) => Promise<Result<ListPage<S>>>;
}

function personName(c: { surname: string; givenName: string | null; patronymic: string | null }) {
  return [c.surname, c.givenName, c.patronymic].filter(Boolean).join(' ');
}

function contactValue(contact: Contact, field: ContactPickedField): string {
  if (field === 'companyId') return contact.company?.name ?? '';
  if (field === 'messengers') {
    return Object.values(contact.messengers)
      .filter(v => typeof v === 'string' && v !== '')
      .join(', ');
  }
  return contact[field] ?? '';
}

/** Contacts: names, company link and messengers picked; phones, e-mails, tags, notes combined. */
export const contactMerge: MergeKind<Contact, ContactSummary, ContactPickedField> = {
  type: 'contacts',
  fields: CONTACT_PICKED_FIELDS,
  nameOf: personName,
  rowName: personName,
  shownValue: contactValue,
  rawValue: (contact, field) => contact[field] ?? null,
  load: (api, id) => api.contacts.get({ id }),
  search: (api, text) =>
    api.contacts.list({
      filter: text ? { text } : {},
      limit: PICKER_LIMIT,
      sort: 'name',
      direction: 'asc',
    }),
};

/** Companies: name, codes, addresses and website picked; phones and notes combined. */
export const companyMerge: MergeKind<Company, CompanySummary, CompanyPickedField> = {
  type: 'companies',
  fields: COMPANY_PICKED_FIELDS,
  nameOf: company => company.name,
  rowName: row => row.name,
  shownValue: (company, field) => company[field] ?? '',
  rawValue: (company, field) => company[field] ?? null,
  load: (api, id) => api.companies.get({ id }),
  search: (api, text) =>
    api.companies.list({
      filter: text ? { text } : {},
      limit: PICKER_LIMIT,
      sort: 'name',
      direction: 'asc',
    }),
};
