/**
 * Global search: one box across contacts, companies, deals and activities (notes, calls, tasks…).
 * The channel needs no permission of its own: each entity's read permission (`contacts.read`,
 * `companies.read`, `deals.read`, `activities.read`) decides whether its group is searched, and that
 * grant's scope goes into the SQL. A group the caller may not read is absent from the result (not
 * empty), so nothing about it leaks, not even a count. Not audited: it runs on every key press.
 */
import { z } from 'zod';
import { channel } from './contract';

/** The searchable entity groups, in the order the results show them. */
export const SEARCH_GROUPS = ['contacts', 'companies', 'deals', 'activities'] as const;
/** One searchable group. */
export type SearchGroup = (typeof SEARCH_GROUPS)[number];

/** The record an activity hit opens (the activity is shown on its timeline). */
export interface SearchRecordRef {
  type: 'contact' | 'company' | 'deal';
  id: string;
}

/** One hit: enough to show a line and open the record. */
export interface SearchHit {
  id: string;
  /** The record's name (contact's full name, company name, deal title, activity subject). */
  title: string;
  /** A second line (company or phone, ЄДРПОУ, activity kind), or null. */
  subtitle: string | null;
  /** Activities only: the record whose timeline shows the activity. */
  record?: SearchRecordRef;
}

/** The result: only the groups the caller may read, each newest first. */
export type SearchResult = Partial<Record<SearchGroup, SearchHit[]>>;

/** The parsed `search.query` input. */
export const searchQueryInputSchema = z
  .object({
    text: z.string().max(200),
    limit: z.number().int().min(1).max(50).default(8),
  })
  .strict();

export const searchContract = {
  /** Results as you type: up to `limit` hits per readable group. */
  query: channel<SearchResult>()({
    input: searchQueryInputSchema,
    permission: 'session',
    // Each group needs its read grant; its scope goes into the SQL (src-main/crm/search/sources.ts).
    grants: ['contacts.read', 'companies.read', 'deals.read', 'activities.read'],
    audit: false,
  }),
} as const;
