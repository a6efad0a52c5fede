/**
 * Spreadsheet exports of every record type (`records.export`): contacts, companies, deals and
 * activities as CSV that Ukrainian Excel opens as it is (UTF-8 with a BOM, `;`, local dates in the
 * app's language) or plain CSV (UTF-8, `,`, ISO 8601 UTC), XLSX, and vCard 3.0 for contacts.
 * Exporting client records is one right, `contacts.export`, whose scope bounds every type; each
 * type also needs its own read grant (declared `also`). Audited like the contacts export (count,
 * type, format; never the contents) and counted by the export limits (src-main/exports/).
 */
import { z } from 'zod';
import { IMPORT_TYPES } from '../import';
import { contactExportFilterSchema, EXPORT_IDS_MAX, recordIdSchema } from './contacts';
import { channel, type AlsoRequired } from './contract';

/** The record types that can be exported. */
export const EXPORT_RECORD_TYPES = ['contacts', 'companies', 'deals', 'activities'] as const;
export type ExportRecordType = (typeof EXPORT_RECORD_TYPES)[number];

/** File formats: CSV, XLSX (Office Open XML), vCard 3.0 (contacts only). */
export const RECORD_EXPORT_FORMATS = ['csv', 'xlsx', 'vcf'] as const;
export type RecordExportFormat = (typeof RECORD_EXPORT_FORMATS)[number];

/**
 * The CSV dialect: `excel` (default) = UTF-8 with a BOM, `;`, local dates and decimal commas in
 * the app's language, as Ukrainian Excel expects; `plain` = UTF-8 without a BOM, `,`, ISO dates.
 */
export const CSV_STYLES = ['excel', 'plain'] as const;
export type CsvStyle = (typeof CSV_STYLES)[number];

/**
 * An export as an approval request stores it (what an `exportLimit` declaration answers), parsed
 * by the export-limits wrapper: a malformed declaration is a typed error, never a stored request.
 * The parsed object's keys follow this shape's order (the stored JSON is compared as text).
 */
export const exportLimitRequestSchema = z
  .object({
    type: z.enum(EXPORT_RECORD_TYPES),
    // contacts.export names vCard `vcard` (its own format list); records.export says `vcf`.
    format: z.enum([...RECORD_EXPORT_FORMATS, 'vcard']),
    selection: z
      .object({
        locale: z.enum(['uk', 'en']),
        csvStyle: z.enum(CSV_STYLES).optional(),
        ids: z.array(recordIdSchema).min(1).max(EXPORT_IDS_MAX).optional(),
        filter: contactExportFilterSchema.optional(),
        purposeId: recordIdSchema.optional(),
      })
      .strict(),
  })
  .strict();
export type ExportLimitRequest = z.output<typeof exportLimitRequestSchema>;

/** The parsed `records.export` input. */
export const recordExportInputSchema = z
  .object({
    type: z.enum(EXPORT_RECORD_TYPES),
    format: z.enum(RECORD_EXPORT_FORMATS),
    csvStyle: z.enum(CSV_STYLES).default('excel'),
    /** The language of headers, dates and numbers. */
    locale: z.enum(['uk', 'en']).default('uk'),
    /** Contacts only: made for this processing purpose (no valid basis = left out). */
    purposeId: recordIdSchema.optional(),
    /** Only these records (the list's selection); still within the caller's scope. */
    ids: z.array(recordIdSchema).min(1).max(EXPORT_IDS_MAX).optional(),
    /** Contacts only: what the list shows (its filter, live contacts only); not with `ids`. */
    filter: contactExportFilterSchema.omit({ includeDeleted: true }).strict().optional(),
  })
  .strict()
  .refine(input => input.filter === undefined || input.type === 'contacts', {
    message: 'A list filter is for contacts only.',
    path: ['filter'],
  })
  .refine(input => input.filter === undefined || input.ids === undefined, {
    message: 'Give a filter or ids, not both.',
    path: ['filter'],
  })
  .refine(input => input.purposeId === undefined || input.type === 'contacts', {
    message: 'A processing purpose is for contacts only.',
    path: ['purposeId'],
  })
  .refine(input => input.format !== 'vcf' || input.type === 'contacts', {
    message: 'vCard is for contacts only.',
    path: ['format'],
  });

/** A finished export: the file as text (CSV, vCard) or base64 (XLSX). */
export interface RecordExportResult {
  fileName: string;
  mimeType: string;
  encoding: 'utf8' | 'base64';
  content: string;
  count: number;
}

/**
 * An export over the owner's limit, stored as a request for the owner's approval (nothing left the
 * vault). Once approved, the same export (type, format, choices) runs once for the requester.
 */
export interface RecordExportPending {
  status: 'pending';
  requestId: string;
  count: number;
}

/** What `records.export` answers: the file, or the stored approval request. */
export type RecordExportAnswer = RecordExportResult | RecordExportPending;

/** The read grant each type also needs. */
const READ_PERMISSION: readonly AlsoRequired<{ type: ExportRecordType }>[] = [
  {
    when: input => input.type === 'contacts',
    permission: 'contacts.read',
    message: 'Your role does not allow reading contacts.',
  },
  {
    when: input => input.type === 'companies',
    permission: 'companies.read',
    message: 'Your role does not allow reading companies.',
  },
  {
    when: input => input.type === 'deals',
    permission: 'deals.read',
    message: 'Your role does not allow reading deals.',
  },
  {
    when: input => input.type === 'activities',
    permission: 'activities.read',
    message: 'Your role does not allow reading activities.',
  },
];

/** The parsed `records.duplicates` input: what a contact or company form holds so far, as typed. */
export const duplicateProbeSchema = z
  .object({
    type: z.enum(IMPORT_TYPES),
    phones: z.array(z.string().max(100)).min(1).max(20).optional(),
    emails: z.array(z.string().max(320)).min(1).max(20).optional(),
    edrpou: z.string().max(40).optional(),
    rnokpp: z.string().max(40).optional(),
    /** The record being edited (never its own duplicate). */
    excludeId: recordIdSchema.optional(),
    /** The name typed so far: records alike by name in the caller's scope are suggested. */
    name: z
      .union([
        z
          .object({
            surname: z.string().max(200),
            givenName: z.string().max(200).optional(),
            patronymic: z.string().max(200).optional(),
          })
          .strict(),
        z.object({ name: z.string().max(300) }).strict(),
      ])
      .optional(),
  })
  .strict();

/**
 * A possible duplicate the form warns about: a record the caller may read (named), or — for one
 * outside their scope — only the field and "this client already exists in the office; ask the
 * owner": no id, no name, no owner, no count. `field: 'name'` is only a suggestion (a record in
 * the caller's scope whose name is alike), never said of a record outside it.
 */
export type DuplicateWarning =
  | {
      field: 'phones' | 'emails' | 'edrpou' | 'rnokpp';
      visible: true;
      recordId: string;
      name: string;
    }
  | { field: 'phones' | 'emails' | 'edrpou' | 'rnokpp'; visible: false; message: string }
  /** "Можливо, той самий клієнт": a record in the caller's scope with a name alike. */
  | { field: 'name'; visible: true; recordId: string; name: string };

const PROBE_PERMISSION: readonly AlsoRequired<{ type: 'contacts' | 'companies' }>[] = [
  {
    when: input => input.type === 'contacts',
    permission: 'contacts.read',
    message: 'Your role does not allow reading contacts.',
  },
  {
    when: input => input.type === 'companies',
    permission: 'companies.read',
    message: 'Your role does not allow reading companies.',
  },
];

export const recordsContract = {
  /**
   * The duplicate check of the contact and company forms (on create and edit): the import's keys
   * among every live record of the type, answered with the import's privacy rule. A warning, not
   * a refusal. Audited (type and counts, never the values): the check says whether the office has
   * a client with this phone, so probing it leaves a trace.
   */
  duplicates: channel<DuplicateWarning[]>()({
    input: duplicateProbeSchema,
    permission: 'session',
    also: PROBE_PERMISSION,
    grants: ['contacts.read', 'companies.read'],
  }),
  /**
   * Exports every live record of the type in the caller's scope (or only the chosen `ids`; ids
   * out of scope are simply not exported, as a filter). Above the owner's approval
   * threshold (guard setting `exportApprovalAbove`) a caller without `exports.approve` gets
   * `status: 'pending'` and a stored approval request (nothing leaves the vault); once the owner
   * has approved it, the same export runs once.
   */
  export: channel<RecordExportAnswer>()({
    input: recordExportInputSchema,
    permission: 'contacts.export',
    also: READ_PERMISSION,
    grants: ['contacts.read', 'companies.read', 'deals.read', 'activities.read'],
    exportLimit: {
      request: (input): ExportLimitRequest => ({
        type: input.type,
        format: input.format,
        // Key order fixed: the stored JSON is compared as text when the approved export runs.
        selection: {
          locale: input.locale,
          ...(input.format === 'csv' ? { csvStyle: input.csvStyle } : {}),
          ...(input.ids ? { ids: input.ids } : {}),
          ...(input.filter ? { filter: input.filter } : {}),
          ...(input.purposeId ? { purposeId: input.purposeId } : {}),
        },
      }),
    },
  }),
} as const;
