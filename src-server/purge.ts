/**
 * Deleting ciphertext on request (../src-shared/office/purge.ts): the sealed bytes of named changes
 * and the chunks of named documents, in one owner partition. Allowed to a device that may push to
 * that partition, or to an owner device; anything else (another team's manager, the audit or
 * settings partition) is 403 and nothing is deleted. Only ids the laptop already knows are named:
 * the server learns that these changes and documents are gone, never what they held.
 */
import type { PurgeRequest, PurgeResponse } from '../src-shared/office/purge';
import type { Caller } from './devices';
import { forbidden } from './errors';
import type { ServerContext } from './office';
import { requireAccess } from './partitions';

/** Deletes what `request` names (all or nothing); answers how much went. */
export async function purgeCiphertext(
  ctx: ServerContext,
  caller: Caller,
  request: PurgeRequest,
): Promise<PurgeResponse> {
  return ctx.db.transaction(async tx => {
    const [partition] = await tx.query<{ kind: string }>(
      'SELECT kind FROM partitions WHERE partition_id = $1 FOR UPDATE',
      [request.partitionId],
    );
    // The audit chain and office settings are never purged; an unknown partition says nothing.
    if (partition?.kind !== 'owner') throw forbidden();
    if (caller.role !== 'owner') await requireAccess(tx, caller, [request.partitionId], true);
    const changes = await tx.query(
      `UPDATE changes SET sealed = NULL, erased_at = now()
       WHERE partition_id = $1 AND change_id = ANY($2::uuid[]) AND sealed IS NOT NULL
       RETURNING seq`,
      [request.partitionId, request.changeIds],
    );
    const chunks = await tx.query(
      `DELETE FROM document_chunks WHERE partition_id = $1 AND document_id = ANY($2::uuid[])
       RETURNING chunk_index`,
      [request.partitionId, request.documentIds],
    );
    return { changes: changes.length, chunks: chunks.length };
  });
}
