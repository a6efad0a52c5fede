/**
 * Document (attachment) channels. The bridge carries JSON only: bytes travel through one-time
 * transfer tickets. `startUpload` checks the record and returns a ticket; the host streams the file
 * to main with it (the browser test host: an authenticated HTTP route; Electron: a file chosen in a
 * dialog, read by main); `finishUpload` stores the row (audited). `preview` and `export` return a
 * download ticket; `export` ("save a copy") is its own permission and is audited with the document
 * id and size. The renderer never sees a document's key.
 */
import { z } from 'zod';
import { recordIdSchema } from './contacts';
import { channel } from './contract';

/** Records a document can be attached to. */
export const DOCUMENT_RECORD_TYPES = ['contact', 'company', 'deal'] as const;
export type DocumentRecordType = (typeof DOCUMENT_RECORD_TYPES)[number];

/** Largest document in bytes (200 MiB). */
export const MAX_DOCUMENT_SIZE = 200 * 1024 * 1024;

/** MIME types shown inside the app. */
export const PREVIEW_MIME_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
] as const;

/** True when a document of this type can be previewed in the app. */
export function isPreviewable(mimeType: string): boolean {
  return (PREVIEW_MIME_TYPES as readonly string[]).includes(mimeType);
}

/** A document as the renderer sees it (no key, no path). */
export interface DocumentInfo {
  id: string;
  recordType: DocumentRecordType;
  recordId: string;
  ownerId: string;
  ownerName: string;
  fileName: string;
  /** Sniffed from the file's bytes when it was attached. */
  mimeType: string;
  size: number;
  /** SHA-256 (hex) of the original file. */
  sha256: string;
  createdAt: string;
  /** The content is at the office server, not on this laptop yet (fetched when opened). */
  atOffice?: boolean;
}

/** A one-time transfer: the ticket the host's transfer route accepts (short-lived, single use). */
export interface TransferTicket {
  ticket: string;
  /** Seconds the ticket stays valid if unused. */
  expiresInSeconds: number;
}

/** A download ticket and what will come. */
export interface DownloadTicket extends TransferTicket {
  fileName: string;
  mimeType: string;
  size: number;
}

/** A record reference. */
export const documentRecordSchema = z
  .object({ type: z.enum(DOCUMENT_RECORD_TYPES), id: recordIdSchema })
  .strict();

function hasPathOrControl(name: string): boolean {
  for (const ch of name) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '/' || ch === '\\' || code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Bidirectional formatting characters (embeddings and overrides U+202A–202E, isolates U+2066–2069,
 * the marks U+200E, U+200F, U+061C): they make `scan‮fdp.exe` read as `scanexe.pdf`.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

/** True when `text` holds a bidirectional formatting character. */
export function hasBidiControl(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

/** `text` without bidirectional formatting characters (names stored before they were refused). */
export function stripBidiControl(text: string): string {
  return text.replace(new RegExp(BIDI_CONTROL.source, 'gu'), '');
}

/**
 * A file name as typed on the user's computer: no path, no control characters, no bidirectional
 * formatting characters (refused as `document.name_bidi`; the router's `invalid_input` names the
 * field, never the value). Main gives the stored name the extension of the sniffed type.
 */
export const documentFileNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine(name => !hasPathOrControl(name) && name !== '.' && name !== '..', {
    message: 'file name',
  })
  .refine(name => !hasBidiControl(name), { message: 'document.name_bidi' });

const ticketSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/u);

export const documentsContract = {
  /** The live documents of a record in the caller's scope (newest first); `not_found` otherwise. */
  list: channel<DocumentInfo[]>()({
    input: z.object({ record: documentRecordSchema }).strict(),
    permission: 'documents.read',
    audit: false,
  }),
  /** Checks the record and the declared size; returns an upload ticket. Nothing is stored yet. */
  startUpload: channel<TransferTicket>()({
    input: z
      .object({
        record: documentRecordSchema,
        file: z
          .object({
            name: documentFileNameSchema,
            size: z.number().int().min(1).max(MAX_DOCUMENT_SIZE),
          })
          .strict(),
      })
      .strict(),
    permission: 'documents.create',
    // The records a new document may be attached to: those the caller's documents.read reaches.
    grants: ['documents.read'],
    audit: false,
  }),
  /** Stores the uploaded file as a document of the record (audited: name, type, size, hash). */
  finishUpload: channel<DocumentInfo>()({
    input: z.object({ ticket: ticketSchema }).strict(),
    permission: 'documents.create',
  }),
  /** A download ticket for showing an image or PDF inside the app (not audited: a read). */
  preview: channel<DownloadTicket>()({
    input: z.object({ id: recordIdSchema }).strict(),
    permission: 'documents.read',
    audit: false,
  }),
  /** "Save a copy": a download ticket for the file (audited with id and size). */
  export: channel<DownloadTicket>()({
    input: z.object({ id: recordIdSchema }).strict(),
    permission: 'documents.export',
  }),
  /** Deletes a document: the file is shredded and the key wiped (audited). */
  delete: channel<{ id: string; deletedAt: string }>()({
    input: z.object({ id: recordIdSchema }).strict(),
    permission: 'documents.delete',
  }),
  /**
   * Deletes every document of a record the caller may delete (before the record itself is deleted,
   * after the user confirmed the count from `list`).
   */
  deleteForRecord: channel<{ deleted: number }>()({
    input: z.object({ record: documentRecordSchema }).strict(),
    permission: 'documents.delete',
  }),
} as const;
