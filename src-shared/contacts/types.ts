/** Contact domain types as the bridge carries them (camelCase; stored form: src-main/crm/contacts). */
import type { CustomValues } from '../custom-fields/types';

import type { ContactTextValues } from './text-fields';

/** A phone number in E.164 with an optional label ("робочий", "Viber"). */
export interface ContactPhone {
  e164: string;
  label?: string;
}

/** Messenger handles: Telegram as `@name`, Viber and WhatsApp as E.164 numbers. */
export interface ContactMessengers {
  telegram?: string;
  viber?: string;
  whatsapp?: string;
}

/** The editable fields of a contact, normalised (the free-text ones: ./text-fields.ts). */
export interface ContactFields extends ContactTextValues {
  surname: string;
  givenName: string;
  patronymic: string | null;
  /**
   * The linked company (companies.id), or null. Many contacts, one company each. Optional here
   * (absent = none) so field sets built before the link existed (imports, fixtures) stay valid.
   */
  companyId?: string | null;
  phones: ContactPhone[];
  emails: string[];
  messengers: ContactMessengers;
  tags: string[];
}

/** A colleague a contact is shared with. */
export interface ContactShare {
  userId: string;
  displayName: string;
}

/** The linked company as the contact's reader may see it. */
export interface ContactCompany {
  id: string;
  name: string;
  /** Set when the company was deleted: the link stays, the page says so. */
  deletedAt: string | null;
}

/** A whole contact (detail view). */
export interface Contact extends ContactFields {
  id: string;
  ownerId: string;
  ownerName: string;
  sharedWith: ContactShare[];
  /**
   * The linked company when the reader's own `companies.read` reaches it; null otherwise (also when
   * `companyId` is set but the company is outside the reader's scope: its name is not shown).
   */
  company: ContactCompany | null;
  companyId: string | null;
  createdAt: string;
  createdBy: string;
  /** Pass back as `expectedUpdatedAt` when saving an edit (optimistic concurrency). */
  updatedAt: string;
  updatedBy: string;
  deletedAt: string | null;
  deletedBy: string | null;
}

/** One row of the contact list. */
export interface ContactSummary {
  id: string;
  ownerId: string;
  ownerName: string;
  surname: string;
  givenName: string;
  patronymic: string | null;
  companyName: string | null;
  /** The first phone (E.164), if any. */
  phone: string | null;
  /** The first e-mail, if any. */
  email: string | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  /** Values of the custom fields marked "show in list" (others left out), by field id. */
  custom?: CustomValues;
}

/** List orders: by name (alphabet order of surname, given name, patronymic), last change, creation. */
export const CONTACT_SORTS = ['name', 'updated', 'created'] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** One page of the list; pass `nextCursor` back for the next page (null on the last one). */
export interface ContactListPage {
  items: ContactSummary[];
  nextCursor: string | null;
}
