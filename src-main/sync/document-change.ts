/**
 * What a synced document change says once opened: the document's row as the renderer knows it
 * (record, uploader, name, type, size, SHA-256 of the plaintext, times) — never its local file key
 * (each laptop stores the file under its own key) and never its bytes (those travel as sealed
 * chunks, ./documents-out.ts). A deletion carries `deletedAt`/`deletedBy`. Parsed with zod.
 */
import { z } from 'zod';
import { DOCUMENT_RECORD_TYPES } from '../../src-shared/ipc/documents';
import { MAX_DOCUMENT_SIZE } from '../../src-shared/ipc/documents';

const person = z
  .object({
    name: z.string().max(200),
    role: z.string().max(64),
    team: z.string().max(64).nullable(),
  })
  .strict();

/** An opened document change. */
export const documentChangeSchema = z
  .object({
    v: z.literal(1),
    document: z
      .object({
        id: z.uuid(),
        recordType: z.enum(DOCUMENT_RECORD_TYPES),
        recordId: z.string().min(1).max(64),
        ownerId: z.string().min(1).max(64),
        fileName: z.string().min(1).max(255),
        mimeType: z.string().min(1).max(128),
        size: z.number().int().min(1).max(MAX_DOCUMENT_SIZE),
        sha256: z.string().regex(/^[0-9a-f]{64}$/u),
        createdAt: z.string().min(1).max(40),
        deletedAt: z.string().min(1).max(40).nullable(),
        deletedBy: z.string().min(1).max(64).nullable(),
      })
      .strict(),
    people: z.record(z.string().min(1).max(64), person),
  })
  .strict();
/** An opened document change. */
export type DocumentChangeBody = z.infer<typeof documentChangeSchema>;

/** The outbox's `record_table` for document changes. */
export const DOCUMENT_TABLE = 'documents';
