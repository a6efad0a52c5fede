/**
 * Company channels. The caller's scope (own / team / all) is never part of the input: the router
 * hands the handler the grant of the channel's permission, and the repository puts it into the SQL.
 * Reads (`list`, `get`, `contacts`) are not audited (noise); every change is, with field-level
 * before/after. Listing deleted companies needs `contacts.restore` (declared `also`, checked by the
 * router); `contacts` and `restore` declare the extra grants whose scope they use.
 */
import { z } from 'zod';
import {
  COMPANY_SORTS,
  companyInputSchema,
  companyPatchSchema,
  type Company,
  type CompanyListPage,
} from '../companies';
import { SORT_DIRECTIONS, type ContactListPage } from '../contacts';
import { customFilterSchema } from '../custom-fields/schema';
import { instantSchema, recordIdSchema } from './contacts';
import { channel } from './contract';

/** The result of delete. */
export interface CompanyDeleteResult {
  id: string;
  deletedAt: string;
}

/** The parsed `companies.list` input. */
export const companyListInputSchema = z
  .object({
    sort: z.enum(COMPANY_SORTS).default('name'),
    direction: z.enum(SORT_DIRECTIONS).default('asc'),
    filter: z
      .object({
        text: z.string().trim().max(100).optional(),
        ownerId: recordIdSchema.optional(),
        /** Custom field conditions, all of which must hold (src-main/crm/custom-fields/filter.ts). */
        custom: customFilterSchema.optional(),
        /** Created at or after / before these instants (the renderer turns local days into them). */
        createdFrom: instantSchema.optional(),
        createdBefore: instantSchema.optional(),
        /** Deleted companies too; needs the restore grant (`contacts.restore`), else `forbidden`. */
        includeDeleted: z.boolean().optional(),
      })
      .strict()
      .default({}),
    cursor: z.string().max(2000).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export const companiesContract = {
  /**
   * One page of the live companies the caller's scope reaches (also the contact form's picker);
   * deleted ones too with `filter.includeDeleted` (restore holders).
   */
  list: channel<CompanyListPage>()({
    input: companyListInputSchema,
    permission: 'companies.read',
    also: [
      {
        permission: 'contacts.restore',
        message: 'Your role does not allow seeing deleted companies.',
        when: input => input.filter.includeDeleted === true,
      },
    ],
    audit: false,
  }),
  /**
   * One company; `not_found` for an id out of scope (same as a missing one). `includeDeleted`
   * opens a deleted company in scope (a contact's link to it), shown as deleted.
   */
  get: channel<Company>()({
    input: z.object({ id: recordIdSchema, includeDeleted: z.boolean().optional() }).strict(),
    permission: 'companies.read',
    audit: false,
  }),
  /**
   * The contacts linked to a company in scope, as far as the caller's own `contacts.read` reaches
   * (scoped in SQL; nothing without that grant).
   */
  contacts: channel<ContactListPage>()({
    input: z
      .object({
        id: recordIdSchema,
        cursor: z.string().max(2000).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    permission: 'companies.read',
    grants: ['contacts.read'],
    audit: false,
  }),
  /** A new company owned by the caller. Field problems come back as `company.<issue>` codes. */
  create: channel<Company>()({
    input: z.object({ company: companyInputSchema }).strict(),
    permission: 'companies.create',
  }),
  /** An edit; `conflict` when someone saved the company after `expectedUpdatedAt`. */
  update: channel<Company>()({
    input: z
      .object({
        id: recordIdSchema,
        patch: companyPatchSchema,
        expectedUpdatedAt: z.string().min(1).max(40),
      })
      .strict(),
    permission: 'companies.update',
  }),
  /** Soft delete: linked contacts keep the link and show the company as deleted. */
  delete: channel<CompanyDeleteResult>()({
    input: z.object({ id: recordIdSchema }).strict(),
    permission: 'companies.delete',
  }),
  /**
   * Brings back a soft-deleted company within the caller's `companies.read` scope. Restoring is one
   * grant for every record type (`contacts.restore`, the owner role): no second permission to keep
   * in step. `conflict` when the company is not deleted.
   */
  restore: channel<Company>()({
    input: z.object({ id: recordIdSchema }).strict(),
    permission: 'contacts.restore',
    grants: ['companies.read'],
  }),
  /** Gives the company to another active user. */
  reassign: channel<Company>()({
    input: z.object({ id: recordIdSchema, ownerId: recordIdSchema }).strict(),
    permission: 'companies.reassign',
  }),
} as const;
