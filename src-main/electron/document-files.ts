/**
 * Documents in the Electron app: "attach a file" and "save a copy" go through native dialogs in
 * main, and the bytes move between the chosen path and a transfer ticket with the path transfers of
 * src-main/crm/documents/path-transfer.ts. The renderer never sees a path: it gets an opaque pick or
 * save id (one use, two minutes) and the file's name and size. Previews come back as bytes.
 *
 * Order of a save: choose the place first, then the renderer asks `documents.export` (audited) and
 * hands the ticket here, so a cancelled dialog leaves no "copy saved" entry in the audit log. Only
 * export tickets may be written to disk and only preview tickets may be read: every copy written by
 * the app has its audit entry. No Electron import: dialogs are passed in (main.ts binds them to the
 * window), so tests run in Node with stand-ins.
 */
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { CallError, Result } from '../../src-shared/ipc/contract';
import { MAX_DOCUMENT_SIZE, documentFileNameSchema } from '../../src-shared/ipc/documents';
import {
  DocumentError,
  isDocumentError,
  nameForType,
  type Transfer,
  type TransferRegistry,
} from '../crm/documents';
import { downloadToPath, uploadFromPath } from '../crm/documents/path-transfer';
import { RecordError } from '../crm/record/errors';

/** The part of Electron's `dialog` used here (bound to the main window by main.ts). */
export interface FileDialogs {
  showOpenDialog(options: {
    title: string;
    properties: ['openFile'];
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: {
    title: string;
    defaultPath: string;
    properties: ['showOverwriteConfirmation'];
  }): Promise<{ canceled: boolean; filePath?: string }>;
}

/** A file the user chose to attach: what the renderer needs for `documents.startUpload`. */
export interface PickedFile {
  pickId: string;
  name: string;
  size: number;
}

/** The five calls behind the preload's `window.zamokFiles`; inputs are parsed here. */
export interface DocumentFiles {
  /** Open dialog; null when cancelled. */
  pick(): Promise<Result<PickedFile | null>>;
  /** Streams the picked file into an upload ticket: `{ pickId, ticket }`. */
  upload(input: unknown): Promise<Result<{ size: number }>>;
  /** Save dialog for `{ fileName }`; null when cancelled. */
  chooseSave(input: unknown): Promise<Result<{ saveId: string } | null>>;
  /** Writes an export ticket's verified bytes to the chosen place: `{ saveId, ticket }`. */
  save(input: unknown): Promise<Result<{ size: number }>>;
  /** The verified bytes of a preview ticket: `{ ticket }`. */
  read(input: unknown): Promise<Result<Uint8Array<ArrayBuffer>>>;
}

/** What the dialogs need. */
export interface DocumentFilesDeps {
  dialogs: FileDialogs;
  transfers: TransferRegistry;
  /** The OS language (`app.getLocale()`): dialog titles in Ukrainian or English. */
  locale(): string;
  /** Where the save dialog starts (`app.getPath('downloads')`). */
  saveFolder(): string;
  now?: () => number;
}

/** Seconds a pick or a chosen save place stays usable. */
export const CHOICE_TTL_SECONDS = 120;

/** Extensions offered by the open dialog (main still checks every file's bytes). */
export const ATTACH_EXTENSIONS = [
  'pdf', 'png', 'jpg', 'jpeg', 'webp', 'gif', 'doc', 'docx', 'xls', 'xlsx', 'odt', 'ods', 'txt', 'csv',
] as const; // prettier-ignore

const TEXTS = {
  uk: {
    attach: 'Додати файл до запису',
    filter: 'PDF, зображення, документи, таблиці, TXT, CSV',
    save: 'Зберегти копію документа',
  },
  en: {
    attach: 'Attach a file to the record',
    filter: 'PDF, images, documents, spreadsheets, TXT, CSV',
    save: 'Save a copy of the document',
  },
} as const;

const id = z.string().regex(/^[A-Za-z0-9_-]{43}$/u);
const uploadInput = z.object({ pickId: id, ticket: id }).strict();
const chooseSaveInput = z.object({ fileName: documentFileNameSchema }).strict();
const saveInput = z.object({ saveId: id, ticket: id }).strict();
const readInput = z.object({ ticket: id }).strict();

/** Dialogs and path transfers for documents, with their own short-lived choice book. */
export function createDocumentFiles(deps: DocumentFilesDeps): DocumentFiles {
  const now = deps.now ?? Date.now;
  const choices = createChoiceBook(now);
  const texts = () => (deps.locale().toLowerCase().startsWith('uk') ? TEXTS.uk : TEXTS.en);
  const onlyDownloads = (disposition: 'inline' | 'attachment') =>
    downloadsOf(deps.transfers, disposition);

  return {
    pick: () =>
      guarded(async () => {
        const chosen = await deps.dialogs.showOpenDialog({
          title: texts().attach,
          properties: ['openFile'],
          filters: [{ name: texts().filter, extensions: [...ATTACH_EXTENSIONS] }],
        });
        const path = chosen.filePaths[0];
        if (chosen.canceled || !path) return null;
        const name = documentFileNameSchema.safeParse(basename(path));
        if (!name.success) throw new DocumentError('bad_name');
        const info = await stat(path);
        if (!info.isFile()) throw new DocumentError('type_not_allowed');
        if (info.size === 0) throw new DocumentError('empty');
        if (info.size > MAX_DOCUMENT_SIZE) throw new DocumentError('too_large');
        return { pickId: choices.add('pick', path), name: name.data, size: info.size };
      }),
    upload: input =>
      guarded(async () => {
        const { pickId, ticket } = parse(uploadInput, input);
        const path = choices.take('pick', pickId);
        if (!path) throw new DocumentError('ticket_unknown');
        return uploadFromPath(deps.transfers, ticket, path);
      }),
    chooseSave: input =>
      guarded(async () => {
        const { fileName } = parse(chooseSaveInput, input);
        const chosen = await deps.dialogs.showSaveDialog({
          title: texts().save,
          // Never an executable extension: only a document type's extension is kept.
          defaultPath: join(deps.saveFolder(), nameForType(fileName, null)),
          properties: ['showOverwriteConfirmation'],
        });
        if (chosen.canceled || !chosen.filePath) return null;
        return { saveId: choices.add('save', chosen.filePath) };
      }),
    save: input =>
      guarded(async () => {
        const { saveId, ticket } = parse(saveInput, input);
        const path = choices.take('save', saveId);
        if (!path) throw new DocumentError('ticket_unknown');
        return downloadToPath(onlyDownloads('attachment'), ticket, path);
      }),
    read: input =>
      guarded(async () => {
        const { ticket } = parse(readInput, input);
        const download = onlyDownloads('inline').take(ticket, 'download');
        if (!download) throw new DocumentError('ticket_unknown');
        const parts: Buffer[] = [];
        let total = 0;
        for await (const chunk of await download.open()) {
          const part = chunk as Buffer;
          total += part.length;
          if (total > MAX_DOCUMENT_SIZE) throw new DocumentError('too_large');
          parts.push(part);
        }
        // A buffer of its own: a view into Node's shared pool would carry other bytes over IPC.
        const bytes = new Uint8Array(total);
        let offset = 0;
        for (const part of parts) {
          bytes.set(part, offset);
          offset += part.length;
        }
        return bytes;
      }),
  };
}

/** The registry as seen by one use: download tickets of another disposition are unknown here. */
function downloadsOf(
  transfers: TransferRegistry,
  disposition: 'inline' | 'attachment',
): TransferRegistry {
  return {
    add: transfer => transfers.add(transfer),
    take: (ticket, kind) => {
      const transfer = transfers.take(ticket, kind);
      const taken: Transfer | undefined = transfer;
      if (taken?.kind === 'download' && taken.disposition !== disposition) {
        taken.discard?.();
        return undefined;
      }
      return transfer;
    },
    clear: () => transfers.clear(),
    onClear: listener => transfers.onClear(listener),
  };
}

/** One-use ids for chosen paths (the renderer holds the id, main the path); also the imports'. */
export function createChoiceBook(now: () => number) {
  const entries = new Map<string, { kind: 'pick' | 'save'; path: string; expiresAt: number }>();
  const sweep = () => {
    for (const [key, entry] of entries) if (entry.expiresAt <= now()) entries.delete(key);
  };
  return {
    add(kind: 'pick' | 'save', path: string): string {
      sweep();
      const key = randomBytes(32).toString('base64url');
      entries.set(key, { kind, path, expiresAt: now() + CHOICE_TTL_SECONDS * 1000 });
      return key;
    },
    take(kind: 'pick' | 'save', key: string): string | undefined {
      sweep();
      const entry = entries.get(key);
      if (!entry || entry.kind !== kind) return undefined;
      entries.delete(key);
      return entry.path;
    },
  };
}

class InvalidInput extends Error {}

/** Parses `input` with `schema`; a mismatch answers `invalid_input` through {@link guarded}. */
export function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InvalidInput();
  return parsed.data;
}

/** Runs `work` and answers a Result; messages never hold a path or a file name. */
export async function guarded<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (err) {
    return { ok: false, error: errorOf(err) };
  }
}

function errorOf(err: unknown): CallError {
  if (err instanceof InvalidInput) return { code: 'invalid_input', message: 'Invalid request.' };
  if (isDocumentError(err)) {
    return { code: err.code, message: err.message, details: { reason: err.reason } };
  }
  // An import upload's refusal (too large, empty): its reason, never a path.
  if (err instanceof RecordError) {
    return {
      code: err.code,
      message: err.message,
      ...(err.details ? { details: err.details } : {}),
    };
  }
  // A file moved, a disk full, no permission: said without the path.
  return {
    code: 'internal',
    message: 'The file could not be read or written.',
    details: { reason: 'file_access' },
  };
}
