/**
 * The owner's audit views: the log with filters, an entity's history ("who changed this phone number
 * and when"), the chain check and the export. Reading needs `audit.read`, exporting `audit.export`
 * (owner and auditor by default). Entries arrive already redacted: secrets never reach the log.
 */
import { z } from 'zod';
import { channel } from './contract';

/** Largest page the list and history calls return. */
export const AUDIT_PAGE_MAX = 500;
/** Most rows one export may hold; a wider range is refused with `invalid_input` (narrow it). */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;
/** Export file formats. */
export const AUDIT_EXPORT_FORMATS = ['csv', 'json'] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

/** A JSON value as stored in an entry's `changes` and `details`. */
export type AuditValue =
  string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue };

/** One audit entry as the screens show it (sensitive values already read `[redacted]`). */
export interface AuditEntryView {
  seq: number;
  /** ISO 8601 UTC with milliseconds. */
  at: string;
  userLogin: string | null;
  deviceId: string | null;
  /** `feature.verb`, e.g. `auth.sign_in`, `contacts.update`. */
  action: string;
  entityType: string | null;
  entityId: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  /** Field-level before/after, keyed by field name. */
  changes: Record<string, { before: AuditValue; after: AuditValue }> | null;
  details: Record<string, AuditValue> | null;
}

/**
 * A record an audit entry names, in words: a contact, company or deal the reader may open (in the
 * scope of their own read grant, not deleted), or a pipeline or colleague (names only, no link).
 */
export interface AuditRecordName {
  entityType: string;
  entityId: string;
  name: string;
  /** True when the reader may open the record's page. */
  openable: boolean;
}

/** Most records one `names` call may ask about (one page of the log). */
export const AUDIT_NAMES_MAX = AUDIT_PAGE_MAX;

/** A page of entries, newest first; pass `nextBeforeSeq` as `beforeSeq` for the next page (null: last). */
export interface AuditEntryPage {
  entries: AuditEntryView[];
  nextBeforeSeq: number | null;
}

/** Why the chain does not verify, at the first broken entry. */
export const AUDIT_BREAK_REASONS = [
  'hash_mismatch',
  'seq_gap',
  'prev_mismatch',
  'head_mismatch',
] as const;
export type AuditBreakReasonView = (typeof AUDIT_BREAK_REASONS)[number];

/** Result of the chain check. */
export type AuditVerifyView =
  | {
      ok: true;
      count: number;
      head: { seq: number; hash: string };
      /** Entries erased by request (content not re-verifiable), when there are some. */
      erased?: number;
    }
  | { ok: false; brokenAt: number; reason: AuditBreakReasonView };

/** An export, ready to save: the renderer offers `fileName`, the CLI writes `content`. */
export interface AuditExportFile {
  fileName: string;
  mimeType: string;
  /** CSV (UTF-8 with BOM, CRLF rows, header row) or JSON text. */
  content: string;
  count: number;
}

/** An ISO 8601 time with an offset (`…Z` or `…+02:00`), normalised to UTC with milliseconds. */
export const auditTimeSchema = z.iso
  .datetime({ offset: true })
  .transform(value => new Date(value).toISOString());
const idSchema = z.string().min(1).max(200);
const entityTypeSchema = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, 'entityType: lowercase snake_case');
const actionSchema = z
  .string()
  .max(100)
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, 'action: lowercase feature.verb');
const limitSchema = z.number().int().min(1).max(AUDIT_PAGE_MAX);
const beforeSeqSchema = z.number().int().min(1).optional();

function fromBeforeTo(v: { from?: string; to?: string }): boolean {
  return v.from === undefined || v.to === undefined || v.from < v.to;
}

/** One entry another laptop of the office wrote, as this laptop received it (office audit). */
export interface OfficeAuditEntryView extends AuditEntryView {
  /** The office device that sent it (the server's record of who pushed it). */
  officeDeviceId: string;
  userId: string | null;
  /** Why it does not verify in its laptop's chain (`seq_gap`, `prev_mismatch`…), or null. */
  problem: string | null;
}

/** A page of the office's audit entries, newest first; `joined` false: this vault syncs with no office. */
export interface OfficeAuditPage {
  joined: boolean;
  entries: OfficeAuditEntryView[];
  /** Pass as `before` for the next page (null: last page). */
  nextBefore: number | null;
  /** Entries held here that do not verify in their laptop's chain (all pages). */
  problems: number;
}

export const auditContract = {
  /** The log, newest first, filtered by user, action, entity and time (`from` inclusive, `to` exclusive). */
  list: channel<AuditEntryPage>()({
    input: z
      .object({
        userId: idSchema.optional(),
        action: actionSchema.optional(),
        entityType: entityTypeSchema.optional(),
        entityId: idSchema.optional(),
        from: auditTimeSchema.optional(),
        to: auditTimeSchema.optional(),
        limit: limitSchema,
        beforeSeq: beforeSeqSchema,
      })
      .strict()
      .refine(fromBeforeTo, { message: 'from must be before to' }),
    permission: 'audit.read',
    audit: false,
  }),
  /**
   * One record's history, newest first; with `field`, only the entries that changed that field
   * (e.g. `phones`).
   */
  entityHistory: channel<AuditEntryPage>()({
    input: z
      .object({
        entityType: entityTypeSchema,
        entityId: idSchema,
        field: z.string().min(1).max(200).optional(),
        limit: limitSchema,
        beforeSeq: beforeSeqSchema,
      })
      .strict(),
    permission: 'audit.read',
    audit: false,
  }),
  /** The distinct action names in the log, sorted, for the filter dropdown. */
  actions: channel<{ actions: string[] }>()({
    input: z.object({}).strict(),
    permission: 'audit.read',
    audit: false,
  }),
  /**
   * Names for the records a page of the log refers to. Each record type is looked up with the
   * caller's own read grant and its scope, so a record outside it (or deleted) is left out and
   * stays an id on screen: the log never leaks a name its reader could not read elsewhere.
   */
  names: channel<{ names: AuditRecordName[] }>()({
    input: z
      .object({
        refs: z
          .array(z.object({ entityType: entityTypeSchema, entityId: idSchema }).strict())
          .min(1)
          .max(AUDIT_NAMES_MAX),
      })
      .strict(),
    permission: 'audit.read',
    grants: ['contacts.read', 'companies.read', 'deals.read'],
    audit: false,
  }),
  /** Checks the whole hash chain and the head anchor; the check itself is audited. */
  verify: channel<AuditVerifyView>()({
    input: z.object({}).strict(),
    permission: 'audit.read',
  }),
  /**
   * The entries of a time range (`from` inclusive, `to` exclusive), oldest first, as CSV (header
   * row, UTF-8 BOM, formula-looking cells prefixed with `'`) or JSON. At most
   * AUDIT_EXPORT_MAX_ROWS entries. Audited with the range, format and count.
   */
  export: channel<AuditExportFile>()({
    input: z
      .object({
        from: auditTimeSchema,
        to: auditTimeSchema,
        format: z.enum(AUDIT_EXPORT_FORMATS),
        /** `;` for spreadsheet programs whose locale lists with semicolons (Ukrainian Excel). */
        delimiter: z.enum([',', ';']).default(','),
      })
      .strict()
      .refine(fromBeforeTo, { message: 'from must be before to' }),
    permission: 'audit.export',
  }),
  /**
   * The audit entries other laptops of the office sent (pulled through the office audit partition;
   * kept apart from this laptop's own chain), newest received first, with the device and user
   * each came from and whether it verifies in that laptop's chain.
   */
  office: channel<OfficeAuditPage>()({
    input: z.object({ limit: limitSchema, before: z.number().int().min(1).optional() }).strict(),
    permission: 'audit.read',
    audit: false,
  }),
} as const;
