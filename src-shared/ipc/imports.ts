/**
 * Import channels: open a file (`preview`: format, encoding, delimiter, headers, the suggested or
 * saved mapping, the first rows) and run it (`run`: a dry run, or the commit in batches). The file
 * is named by a path, which only the command line may give (main refuses a path from any other
 * host), or by an upload id the wizard got from `startUpload` (src-main/import/uploads.ts). The permission follows the
 * record type (`contacts.import` / `companies.import`, declared `also`); giving the new records to
 * a colleague needs `<type>.reassign` as well. Duplicates out of the caller's scope are reported
 * without an id or a name (src-main/import/plan.ts).
 */
import { z } from 'zod';
import {
  COMPANY_IMPORT_FIELDS,
  CONTACT_IMPORT_FIELDS,
  DEAL_IMPORT_FIELDS,
  IMPORT_KINDS,
  type ImportKind,
} from '../import';
import { recordIdSchema } from './contacts';
import { channel, type AlsoRequired } from './contract';

/** The formats the importer reads. */
export const IMPORT_FORMATS = ['csv', 'xlsx', 'vcard'] as const;
export type ImportFileFormat = (typeof IMPORT_FORMATS)[number];

const fieldSchema = z.union([
  z.enum([...new Set([...CONTACT_IMPORT_FIELDS, ...COMPANY_IMPORT_FIELDS, ...DEAL_IMPORT_FIELDS])]),
  /** A custom field (`custom:<fieldId>`); main checks it is a live field of the record type. */
  z.custom<`custom:${string}`>(
    value => typeof value === 'string' && /^custom:[A-Za-z0-9-]{1,100}$/u.test(value),
  ),
]);

/** A column mapping as the caller gives it (checked against the file's headers in main). */
export const columnMappingSchema = z
  .object({
    columns: z.array(fieldSchema.nullable()).max(500),
    nameOrder: z.enum(['surname-first', 'given-first']).default('surname-first'),
  })
  .strict();

/** A saved mapping's name. */
export const mappingNameSchema = z.string().trim().min(1).max(100);

/** The largest file the wizard may upload (bytes). */
export const MAX_IMPORT_FILE_SIZE = 20 * 1024 * 1024;

/** An upload id (`imports.startUpload`): 43 base64url characters. */
export const uploadIdSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/u);

const fileSchema = {
  /** An absolute path on this computer: the command line only (main refuses it elsewhere). */
  path: z.string().min(1).max(4096).optional(),
  /** A file the wizard uploaded (`imports.startUpload`); the app's windows name files so. */
  upload: uploadIdSchema.optional(),
  type: z.enum(IMPORT_KINDS),
  delimiter: z.enum([',', ';', '\t']).optional(),
};

/** Exactly one of `path` / `upload`. */
function oneSource(input: { path?: string | undefined; upload?: string | undefined }): boolean {
  return (input.path === undefined) !== (input.upload === undefined);
}
const ONE_SOURCE = { message: 'Give either a path or an upload.', path: ['path'] };

const previewInput = z.object(fileSchema).strict().refine(oneSource, ONE_SOURCE);

const runInput = z
  .object({
    ...fileSchema,
    /** The mapping to use; else the saved one named `mappingName`; else the suggested one. */
    mapping: columnMappingSchema.optional(),
    mappingName: mappingNameSchema.optional(),
    /** Saves the mapping used under this name, for files with the same headers. */
    saveMappingAs: mappingNameSchema.optional(),
    dryRun: z.boolean().default(false),
    /** Owner of the new records: a colleague (heads and owners: `<type>.reassign`). */
    ownerId: recordIdSchema.optional(),
    /** Asks for the error report (the rows not imported, with the reason) in this language. */
    errorReport: z.enum(['uk', 'en']).optional(),
    /** The wizard's fixes: a row's cells edited, or (`cells: null`) the row left out. */
    edits: z
      .array(
        z
          .object({
            row: z.number().int().min(1),
            cells: z.array(z.string().max(10_000)).max(500).nullable(),
          })
          .strict(),
      )
      .min(1)
      .max(1000)
      .optional(),
    /** A dry run also returns the cells of its first 200 refused rows (to fix them in place). */
    fixable: z.boolean().optional(),
    /**
     * Deals only: a deal with the same title and links as one in the vault or earlier in the file
     * is left out (`skip`, the default) or imported all the same (`import`).
     */
    duplicates: z.enum(['skip', 'import']).optional(),
  })
  .strict()
  .refine(oneSource, ONE_SOURCE);

const uploadInput = z.object({ upload: uploadIdSchema }).strict();

/** Import needs the record type's own import permission. */
const TYPE_PERMISSION: readonly AlsoRequired<{ type: ImportKind }>[] = [
  {
    when: input => input.type === 'contacts',
    permission: 'contacts.import',
    message: 'Your role does not allow importing contacts.',
  },
  {
    when: input => input.type === 'companies',
    permission: 'companies.import',
    message: 'Your role does not allow importing companies.',
  },
  {
    when: input => input.type === 'deals',
    permission: 'deals.import',
    message: 'Your role does not allow importing deals.',
  },
];

/** What the file turned out to be, and how its columns would be read. */
export interface ImportPreview {
  format: ImportFileFormat;
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  /** `google`, `outlook`, `vcard` or null. */
  profile: string | null;
  /** The saved mapping whose header set this file has, else the suggested one. */
  mapping: { columns: (string | null)[]; nameOrder: string };
  /** The name of that saved mapping, or null when suggested. */
  mappingName: string | null;
  /** The record type's live custom fields, mapping targets as `custom:<id>`. */
  customFields: { id: string; label: string }[];
  /** Up to 10 first data rows. */
  rows: string[][];
}

/** Counts of an import. */
export interface ImportCountsResult {
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  duplicate: number;
  error: number;
}

/**
 * One row not imported, and why (no cell values; ids only of records the caller may see). `F` is
 * the duplicate key's field (main narrows it to its dedupe fields).
 */
export type ImportProblem<F extends string = string> =
  | { row: number; kind: 'error'; issues: { field: string; code: string }[] }
  | { row: number; kind: 'duplicate'; reason: 'in_file'; field: F; sameAsRow: number }
  | { row: number; kind: 'duplicate'; reason: 'hidden'; field: F; message: string }
  | {
      row: number;
      kind: 'duplicate';
      /** `exists`: a deal with the same title and links (deals are never updated by an import). */
      reason: 'ambiguous' | 'not_editable' | 'exists';
      field: F;
      recordIds: string[];
    };

/** What undoing an import did; `kept` lists records changed since the import (left alone). */
export interface ImportUndoResult {
  batchId: string;
  type: ImportKind;
  deleted: number;
  restored: number;
  kept: { recordId: string; action: 'create' | 'update' }[];
}

/** Most rows an import dry run lists with a similar name. */
export const MAX_NAME_SUGGESTIONS = 200;

/**
 * A new row of an import whose name is alike a record the importer may read (`recordId`, its
 * name), or else alike an earlier new row of the same file (`sameAsRow`, that row's name as the
 * file spells it).
 */
export type ImportNameSuggestion =
  | { row: number; recordId: string; name: string }
  | { row: number; sameAsRow: number; name: string };

/** The result of a dry run (batchId null) or a commit. */
export interface ImportRunResult {
  batchId: string | null;
  status: 'dry_run' | 'done' | 'cancelled';
  format: ImportFileFormat;
  encoding: string | null;
  delimiter: string | null;
  counts: ImportCountsResult;
  problems: ImportProblem[];
  problemsTruncated: boolean;
  /**
   * When asked for: a CSV (UTF-8 with a BOM, `;`) of every row not imported, the file's own cells
   * and a «Помилка» / «Error» column (src-main/import/error-report.ts); else absent.
   */
  errorReport?: string;
  /**
   * Dry run only, when there are any: new rows whose name is alike a record in the importer's own
   * scope or an earlier new row of the file ("можливо, той самий клієнт"; a suggestion, the row is
   * still created). At most
   * {@link MAX_NAME_SUGGESTIONS} rows are listed.
   */
  nameSuggestions?: ImportNameSuggestion[];
  /** With `fixable`: the (edited) cells of the first 200 rows refused with `error`, by row. */
  rowCells?: Record<number, string[]>;
  /**
   * Deals: rows imported (or, in a dry run, to be imported) without a contact or company they
   * named, found in none or several of the records the importer reads (`import.contact_not_found`,
   * `import.company_ambiguous`, …; the first 1,000).
   */
  warnings?: { row: number; code: string }[];
}

/** What `imports.startUpload` hands out: the id `preview` / `run` name, and the bytes' ticket. */
export interface ImportUploadStart {
  upload: string;
  ticket: string;
}

/** How far the import of an upload has got. */
export interface ImportUploadProgress {
  running: boolean;
  /** Rows judged so far (after each batch of the commit). */
  done: number;
}

export const importsContract = {
  /**
   * Starts handing a file to main (the wizard): an upload id for `preview` / `run` and a one-time
   * ticket for the bytes (test host: `PUT /api/documents/upload/<ticket>`; Electron: main's open
   * dialog, src-main/electron/import-files.ts). The size is checked again while the bytes stream.
   */
  startUpload: channel<ImportUploadStart>()({
    input: z
      .object({
        type: z.enum(IMPORT_KINDS),
        /** The file as announced (its name stays in the window: main never needs it). */
        file: z.object({ size: z.number().int().min(1).max(MAX_IMPORT_FILE_SIZE) }).strict(),
      })
      .strict(),
    permission: 'session',
    also: TYPE_PERMISSION,
    audit: false,
  }),
  /** Opens a file and suggests a mapping; nothing is written. A path only from the CLI. */
  preview: channel<ImportPreview>()({
    input: previewInput,
    permission: 'session',
    also: TYPE_PERMISSION,
    audit: false,
  }),
  /** Rows done by the running import of an upload (the wizard's progress bar polls it). */
  progress: channel<ImportUploadProgress>()({
    input: uploadInput,
    permission: 'session',
    audit: false,
  }),
  /**
   * Stops the running import of an upload after its current batch: batches already committed stay
   * (a clean partial import, status `cancelled`, which `undo` removes like any other). Not audited
   * itself — audited calls run one at a time and the import holds the queue — the import's own
   * entry records `status: 'cancelled'`.
   */
  cancel: channel<{ cancelled: boolean }>()({
    input: uploadInput,
    permission: 'session',
    audit: false,
  }),
  /**
   * Dry run or commit. Audited as one entry with counts and the batch id; each record written
   * gets its own `contacts.create` / `contacts.update` (…) entry as if made by hand. Not one
   * transaction: batches commit as they go (a cancelled import keeps them).
   */
  run: channel<ImportRunResult>()({
    input: runInput,
    permission: 'session',
    also: [
      ...TYPE_PERMISSION,
      {
        when: input => input.ownerId !== undefined && input.type === 'contacts',
        permission: 'contacts.reassign',
        message: 'Your role does not allow giving contacts to colleagues.',
      },
      {
        when: input => input.ownerId !== undefined && input.type === 'companies',
        permission: 'companies.reassign',
        message: 'Your role does not allow giving companies to colleagues.',
      },
      {
        when: input => input.ownerId !== undefined && input.type === 'deals',
        permission: 'deals.reassign',
        message: 'Your role does not allow giving deals to colleagues.',
      },
    ],
    grants: [
      'contacts.read',
      'contacts.update',
      'contacts.reassign',
      'companies.read',
      'companies.update',
      'companies.reassign',
      'deals.read',
      'deals.reassign',
    ],
    atomic: false,
  }),
  /**
   * Undoes one of the caller's own imports: deletes the records it created and gives the records
   * it updated their previous values, except records changed since (kept, listed). The caller
   * names the batch's record type, so the type's import permission is declared like the other
   * channels'; another user's batch, or a batch of the other type, is `not_found`.
   */
  undo: channel<ImportUndoResult>()({
    input: z.object({ batchId: recordIdSchema, type: z.enum(IMPORT_KINDS) }).strict(),
    permission: 'session',
    also: TYPE_PERMISSION,
  }),
} as const;
