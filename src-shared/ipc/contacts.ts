/**
 * Contact channels. The caller's scope (own / team / all) is never part of the input: the router
 * hands the handler the grant of the channel's permission, and the repository puts it into the SQL.
 * Reads (`list`, `get`) are not audited (noise); every change is, with field-level before/after.
 * Second permissions are declared here too and checked by the router: deleted contacts need
 * `contacts.restore`; the caller's `companies.read` scope (which company a contact may link to and
 * shows) and `exports.approve` (no waiting for approval) reach the handler as `ctx.grants`.
 */
import { z } from 'zod';
import {
  CONTACT_SORTS,
  SORT_DIRECTIONS,
  contactInputSchema,
  contactPatchSchema,
  type Contact,
  type ContactListPage,
} from '../contacts';
import { customFilterSchema } from '../custom-fields/schema';
import { channel } from './contract';

/** Contact and user ids: UUIDs in practice; anything odd or huge is refused before the handler. */
export const recordIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9-]+$/, 'id: letters, digits and -');

/** An instant (ISO 8601 with an offset), stored as UTC with milliseconds like `created_at`. */
export const instantSchema = z.iso
  .datetime({ offset: true })
  .transform(value => new Date(value).toISOString());

/** The result of share / unshare. */
export interface ContactShareResult {
  id: string;
  userId: string;
  shared: boolean;
}

/** The result of delete. */
export interface ContactDeleteResult {
  id: string;
  deletedAt: string;
}

/** The parsed `contacts.list` input. */
export const contactListInputSchema = z
  .object({
    sort: z.enum(CONTACT_SORTS).default('name'),
    direction: z.enum(SORT_DIRECTIONS).default('asc'),
    filter: z
      .object({
        text: z.string().trim().max(100).optional(),
        tag: z.string().trim().max(40).optional(),
        ownerId: recordIdSchema.optional(),
        /** Custom field conditions, all of which must hold (src-main/crm/custom-fields/filter.ts). */
        custom: customFilterSchema.optional(),
        /** The contact's source ("OLX"); ASCII letters case-insensitively. */
        source: z.string().trim().max(200).optional(),
        /** Created at or after / before these instants (the renderer turns local days into them). */
        createdFrom: instantSchema.optional(),
        createdBefore: instantSchema.optional(),
        /** Linked to this company (scope still applies to the contacts). */
        companyId: recordIdSchema.optional(),
        /** Deleted contacts too; needs `contacts.restore` (else `forbidden`). */
        includeDeleted: z.boolean().optional(),
      })
      .strict()
      .default({}),
    cursor: z.string().max(2000).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

/** Export file formats: CSV (RFC 4180, UTF-8 with BOM) and vCard 4.0. */
export const EXPORT_FORMATS = ['csv', 'vcard'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Most ids one export may name. */
export const EXPORT_IDS_MAX = 10_000;

/** The list's filter without paging, as an export and a stored export request use it. */
export const contactExportFilterSchema = contactListInputSchema.shape.filter.unwrap();
export type ContactExportFilter = z.output<typeof contactExportFilterSchema>;

/** The parsed `contacts.export` input: the list's filter or explicit ids, a format, a header language. */
export const contactExportInputSchema = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    filter: contactExportFilterSchema.optional(),
    ids: z.array(recordIdSchema).min(1).max(EXPORT_IDS_MAX).optional(),
    /** Language of the CSV header row. */
    locale: z.enum(['uk', 'en']).default('uk'),
    /** A processing purpose: only contacts with a valid basis for it (src-main/privacy/consent). */
    purposeId: recordIdSchema.optional(),
  })
  .strict()
  .refine(v => v.filter === undefined || v.ids === undefined, {
    message: 'give filter or ids, not both',
  });

/** An export: the file (`done`), or a request waiting for the owner's approval (`pending`). */
export type ContactExportResult =
  | { status: 'done'; fileName: string; mimeType: string; content: string; count: number }
  | { status: 'pending'; requestId: string; count: number };

/** The state of the caller's own export request. */
export interface ContactExportStatus {
  requestId: string;
  status: 'pending' | 'approved';
  count: number;
}

/** Deleted contacts are shown (and exported) only to those who may restore them. */
export const SEE_DELETED_CONTACTS = {
  permission: 'contacts.restore',
  message: 'Your role does not allow seeing deleted contacts.',
} as const;

/** The grant a contact's company link is read and checked with (the caller's companies scope). */
const COMPANY_LINK = ['companies.read'] as const;

export const contactsContract = {
  /** One page of the contacts the caller's scope reaches, sorted and filtered. */
  list: channel<ContactListPage>()({
    input: contactListInputSchema,
    permission: 'contacts.read',
    also: [{ ...SEE_DELETED_CONTACTS, when: input => input.filter.includeDeleted === true }],
    grants: COMPANY_LINK,
    audit: false,
  }),
  /** One contact; `not_found` for an id out of scope (same as a missing one). */
  get: channel<Contact>()({
    input: z
      .object({
        id: recordIdSchema,
        /** Also a deleted contact; needs `contacts.restore`. */
        includeDeleted: z.boolean().optional(),
      })
      .strict(),
    permission: 'contacts.read',
    also: [{ ...SEE_DELETED_CONTACTS, when: input => input.includeDeleted === true }],
    grants: COMPANY_LINK,
    audit: false,
  }),
  /** A new contact owned by the caller. Field problems come back as `contact.<issue>` codes. */
  create: channel<Contact>()({
    input: z.object({ contact: contactInputSchema }).strict(),
    permission: 'contacts.create',
    grants: COMPANY_LINK,
  }),
  /** An edit; `conflict` when someone saved the contact after `expectedUpdatedAt`. */
  update: channel<Contact>()({
    input: z
      .object({
        id: recordIdSchema,
        patch: contactPatchSchema,
        expectedUpdatedAt: z.string().min(1).max(40),
      })
      .strict(),
    permission: 'contacts.update',
    grants: COMPANY_LINK,
  }),
  /** Soft delete (restorable by the owner role). */
  delete: channel<ContactDeleteResult>()({
    input: z.object({ id: recordIdSchema }).strict(),
    permission: 'contacts.delete',
    grants: COMPANY_LINK,
  }),
  /**
   * Brings back a soft-deleted contact within the caller's `contacts.read` scope (the restore
   * grant is plain); anything outside it is `not_found`, deleted or not.
   */
  restore: channel<Contact>()({
    input: z.object({ id: recordIdSchema }).strict(),
    permission: 'contacts.restore',
    grants: ['contacts.read', ...COMPANY_LINK],
  }),
  /** Gives the contact to another active user. */
  reassign: channel<Contact>()({
    input: z.object({ id: recordIdSchema, ownerId: recordIdSchema }).strict(),
    permission: 'contacts.reassign',
    grants: COMPANY_LINK,
  }),
  share: channel<ContactShareResult>()({
    input: z.object({ id: recordIdSchema, userId: recordIdSchema }).strict(),
    permission: 'contacts.share',
    grants: COMPANY_LINK,
  }),
  unshare: channel<ContactShareResult>()({
    input: z.object({ id: recordIdSchema, userId: recordIdSchema }).strict(),
    permission: 'contacts.share',
    grants: COMPANY_LINK,
  }),
  /**
   * The contacts the caller's scope reaches (the list's filter, or chosen ids) as a file. Above the
   * owner's approval threshold a non-owner gets `{ status: 'pending' }` and nothing is exported.
   */
  export: channel<ContactExportResult>()({
    input: contactExportInputSchema,
    permission: 'contacts.export',
    also: [{ ...SEE_DELETED_CONTACTS, when: input => input.filter?.includeDeleted === true }],
    grants: ['companies.read'],
    // The export limits (src-main/app/export-limits.ts) count first: a waiting export is not made.
    exportLimit: {
      countFirst: true,
      // An `ExportLimitRequest` (./records.ts, not imported: records imports this file).
      request: input => ({
        type: 'contacts',
        format: input.format,
        selection: {
          locale: input.locale,
          ...(input.ids ? { ids: input.ids } : {}),
          ...(input.filter ? { filter: input.filter } : {}),
          ...(input.purposeId ? { purposeId: input.purposeId } : {}),
        },
      }),
    },
  }),
  /**
   * Where the caller's own request stands, without exporting (polled while waiting, so not
   * audited): pending or approved; refused, expired or used → `forbidden` with details.reason.
   */
  exportStatus: channel<ContactExportStatus>()({
    input: z.object({ requestId: z.uuid() }).strict(),
    permission: 'contacts.export',
    audit: false,
  }),
  /** Runs the caller's approved request once: still pending, refused (`forbidden`), or the file. */
  exportRequest: channel<ContactExportResult>()({
    input: z.object({ requestId: z.uuid() }).strict(),
    permission: 'contacts.export',
    // The stored selection is checked again when it runs (deleted contacts need contacts.restore).
    grants: ['companies.read', 'contacts.restore'],
  }),
} as const;
