/** Company domain types as the bridge carries them (camelCase; stored form: src-main/crm/companies). */
import type { CustomValues } from '../custom-fields/types';
import type { ContactPhone, SortDirection } from '../contacts';

/** The editable fields of a company, normalised. */
export interface CompanyFields {
  name: string;
  /** ЄДРПОУ: 8 digits (10 for a branch). */
  edrpou: string | null;
  /** РНОКПП of a sole trader: 10 digits. */
  rnokpp: string | null;
  /** Юридична адреса. */
  legalAddress: string | null;
  /** Фактична (поштова) адреса. */
  actualAddress: string | null;
  phones: ContactPhone[];
  /** Normalised http(s) URL. */
  website: string | null;
  notes: string | null;
}

/** A whole company (detail view). */
export interface Company extends CompanyFields {
  id: string;
  ownerId: string;
  ownerName: string;
  createdAt: string;
  createdBy: string;
  /** Pass back as `expectedUpdatedAt` when saving an edit (optimistic concurrency). */
  updatedAt: string;
  updatedBy: string;
  deletedAt: string | null;
  deletedBy: string | null;
}

/** One row of the company list (and of the contact form's company picker). */
export interface CompanySummary {
  id: string;
  ownerId: string;
  ownerName: string;
  name: string;
  edrpou: string | null;
  rnokpp: string | null;
  /** The first phone (E.164), if any. */
  phone: string | null;
  website: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  /** Values of the custom fields marked "show in list" (others left out), by field id. */
  custom?: CustomValues;
}

/** List orders: by name (alphabet order), last change, creation. */
export const COMPANY_SORTS = ['name', 'updated', 'created'] as const;
export type CompanySort = (typeof COMPANY_SORTS)[number];

export type { SortDirection };

/** One page of the list; pass `nextCursor` back for the next page (null on the last one). */
export interface CompanyListPage {
  items: CompanySummary[];
  nextCursor: string | null;
}

/** The company a contact is linked to, as the contact's reader may see it. */
export interface CompanyLink {
  id: string;
  name: string;
  deletedAt: string | null;
}
