/**
 * Saved list filters (issue 18, point 6): a user's named filters of the contacts, companies and
 * deals lists ("мої ліди з OLX за цей місяць"), kept in the vault per user and list. Any signed-in
 * user keeps their own; nobody sees another's. The filter is the list's query as the renderer holds
 * it (relative dates stay relative); it only narrows a list, whose channel applies the scope, so a
 * saved filter can never show more than the list would. Saving and deleting are audited.
 */
import { z } from 'zod';
import { customFilterSchema } from '../custom-fields/schema';
import { recordIdSchema } from './contacts';
import { channel } from './contract';

/** The lists that keep saved filters. */
export const FILTER_LISTS = ['contacts', 'companies', 'deals'] as const;
export type FilterList = (typeof FILTER_LISTS)[number];

/** Most saved filters one user keeps per list. */
export const SAVED_FILTERS_MAX = 50;

/** The "date created" periods; `custom` uses the from / to days (relative ones stay relative). */
export const CREATED_PERIODS = [
  'any',
  'today',
  'last7',
  'thisMonth',
  'lastMonth',
  'thisYear',
  'custom',
] as const;

const day = z.union([z.literal(''), z.iso.date()]);

/** A relative period, or custom days (`created`, and the deal list's `closed`). */
const createdSchema = z.object({ period: z.enum(CREATED_PERIODS), from: day, to: day }).strict();

/** The list query a saved filter keeps: known keys only, at least one. */
export const savedFilterQuerySchema = z
  .object({
    text: z.string().max(100),
    tag: z.string().max(40),
    ownerId: z.string().max(100),
    source: z.string().max(200),
    created: createdSchema,
    companyId: z.string().max(100),
    companyName: z.string().max(300),
    includeDeleted: z.boolean(),
    sort: z.string().max(40),
    /** Custom field conditions (src-main/crm/custom-fields/filter.ts). */
    custom: customFilterSchema,
    /** The deal list's own: pipeline, stage, currency, "only mine", amount range as typed. */
    pipelineId: z.string().max(100),
    stageId: z.string().max(100),
    currency: z.string().max(3),
    mine: z.boolean(),
    amountMin: z.string().max(24),
    amountMax: z.string().max(24),
    /** The deal list's stage outcome (open, won, lost), closing period and "all pipelines". */
    outcome: z.string().max(10),
    closed: createdSchema,
    allPipelines: z.boolean(),
  })
  .partial()
  .strict()
  .refine(value => Object.keys(value).length > 0, { message: 'An empty filter.' });

/** One saved filter. */
export interface SavedFilter {
  id: string;
  list: FilterList;
  name: string;
  filter: z.output<typeof savedFilterQuerySchema>;
  updatedAt: string;
}

export const viewsContract = {
  /** The caller's saved filters of `list`, by name. */
  savedFilters: channel<SavedFilter[]>()({
    input: z.object({ list: z.enum(FILTER_LISTS) }).strict(),
    permission: 'session',
    audit: false,
  }),
  /** Saves the caller's filter under `name` (the same name, any letter case, is replaced). */
  saveFilter: channel<SavedFilter>()({
    input: z
      .object({
        list: z.enum(FILTER_LISTS),
        name: z.string().trim().min(1).max(80),
        filter: savedFilterQuerySchema,
      })
      .strict(),
    permission: 'session',
  }),
  /** Deletes one of the caller's saved filters (`not_found` for anyone else's). */
  deleteFilter: channel<{ id: string }>()({
    input: z.object({ id: recordIdSchema }).strict(),
    permission: 'session',
  }),
} as const;
