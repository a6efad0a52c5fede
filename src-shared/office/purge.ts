/**
 * Removing ciphertext from the office (issue 17's erasure, and deleted or moved documents): a
 * laptop names, for one partition, the changes (by change id) and the documents (by document id)
 * whose sealed bytes the server must delete. Only ids the laptop learned itself travel: the server
 * still cannot tell what they held. An erased change keeps its place (sequence number, id, hash of
 * the sealed bytes, office chain link) so cursors and chains still verify; a pull answers it with
 * empty `sealed` and `erasedHash`. See docs/SYNC.md ("Erasure on the office server").
 */
import { z } from 'zod';
import { changeIdSchema, officeIdSchema } from './contracts';

/** Most ids of each kind in one purge request. */
export const MAX_PURGE_IDS = 1000;

/** A purge request: one partition, the changes and documents whose ciphertext goes. */
export const purgeRequestSchema = z
  .object({
    partitionId: officeIdSchema,
    changeIds: z.array(changeIdSchema).max(MAX_PURGE_IDS),
    documentIds: z.array(z.uuid()).max(MAX_PURGE_IDS),
  })
  .strict();
/** A purge request. */
export type PurgeRequest = z.infer<typeof purgeRequestSchema>;

/** What a purge deleted: changes whose ciphertext went, and document chunks. */
export interface PurgeResponse {
  changes: number;
  chunks: number;
}
