/**
 * Document chunks in the office protocol (issue 16): a document's content travels as chunks of
 * `DOCUMENT_CHUNK_BYTES` plaintext, each sealed on the laptop with the partition key (associated
 * data = partition, key version, document id, chunk index). The server stores opaque bytes with the
 * partition id and answers a chunk only to a device whose ACL holds that partition. See docs/SYNC.md.
 */
import { z } from 'zod';
import { base64Schema, officeIdSchema } from './contracts';

/** Plaintext bytes per chunk (the last one holds the rest). */
export const DOCUMENT_CHUNK_BYTES = 1024 * 1024;
/** Largest sealed chunk: the plaintext, nonce and tag. */
export const MAX_SEALED_CHUNK_BYTES = DOCUMENT_CHUNK_BYTES + 64;
/** Most chunks of one document (200 MiB / 1 MiB, with room). */
export const MAX_DOCUMENT_CHUNKS = 256;

/** The number of chunks of a document of `size` bytes (at least one). */
export function chunkCount(size: number): number {
  return Math.max(1, Math.ceil(size / DOCUMENT_CHUNK_BYTES));
}

/** Which chunk: the partition it is in (checked against the caller's ACL), document, index. */
export const chunkRefSchema = z
  .object({
    partitionId: officeIdSchema,
    documentId: z.uuid(),
    index: z
      .number()
      .int()
      .min(0)
      .max(MAX_DOCUMENT_CHUNKS - 1),
  })
  .strict();

/** Uploads one sealed chunk (idempotent: the same bytes again are answered, not stored twice). */
export const putChunkSchema = chunkRefSchema
  .extend({
    keyVersion: z.number().int().min(1),
    sealed: base64Schema(MAX_SEALED_CHUNK_BYTES),
  })
  .strict();

/** A stored chunk as the server answers it. */
export interface ChunkAnswer {
  keyVersion: number;
  sealed: string;
}
