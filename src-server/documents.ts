/**
 * Document chunks on the server: opaque sealed bytes kept with the partition id they were pushed
 * to. Putting one needs the push right on that partition, reading one the read right — the same
 * ACL rows as push and pull (403 for anything outside them, nothing sent). A chunk id already
 * stored with the same bytes is answered again (a repeated upload after a crash); other bytes under
 * that id are a conflict. A moved record's documents come again under the new owner's partition.
 */
import type { z } from 'zod';
import type { ChunkAnswer, chunkRefSchema, putChunkSchema } from '../src-shared/office/documents';
import { sameBytes, sha256 } from './crypto';
import type { Caller } from './devices';
import { OfficeError } from './errors';
import type { ServerContext } from './office';
import { requireAccess } from './partitions';

/** Stores one sealed chunk; answers whether it was already there. */
export async function putChunk(
  ctx: ServerContext,
  caller: Caller,
  request: z.infer<typeof putChunkSchema>,
): Promise<{ replayed: boolean }> {
  const sealed = Buffer.from(request.sealed, 'base64');
  const hash = sha256(sealed);
  return ctx.db.transaction(async tx => {
    await requireAccess(tx, caller, [request.partitionId], true);
    const [partition] = await tx.query<{ key_version: number }>(
      'SELECT key_version FROM partitions WHERE partition_id = $1',
      [request.partitionId],
    );
    if (!partition) throw new OfficeError('not_found', 'No such partition.');
    if (partition.key_version !== request.keyVersion) {
      throw new OfficeError('stale_key', 'The partition key has a newer version: seal again.');
    }
    const inserted = await tx.query(
      `INSERT INTO document_chunks
         (document_id, chunk_index, partition_id, key_version, device_id, sealed, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (partition_id, document_id, chunk_index) DO NOTHING RETURNING chunk_index`,
      [
        request.documentId,
        request.index,
        request.partitionId,
        request.keyVersion,
        caller.deviceId,
        sealed,
        hash,
      ],
    );
    if (inserted.length > 0) return { replayed: false };
    const [stored] = await tx.query<{ hash: Uint8Array }>(
      `SELECT hash FROM document_chunks
       WHERE partition_id = $1 AND document_id = $2 AND chunk_index = $3`,
      [request.partitionId, request.documentId, request.index],
    );
    if (!stored || !sameBytes(Buffer.from(stored.hash), hash)) {
      throw new OfficeError('conflict', 'A chunk with that id but other content was stored.');
    }
    return { replayed: true };
  });
}

/** One stored chunk of a partition the caller may read (403 first; 404 when there is none). */
export async function getChunk(
  ctx: ServerContext,
  caller: Caller,
  request: z.infer<typeof chunkRefSchema>,
): Promise<ChunkAnswer> {
  await requireAccess(ctx.db, caller, [request.partitionId], false);
  const [row] = await ctx.db.query<{ key_version: number; sealed: Uint8Array }>(
    `SELECT key_version, sealed FROM document_chunks
     WHERE document_id = $1 AND chunk_index = $2 AND partition_id = $3`,
    [request.documentId, request.index, request.partitionId],
  );
  if (!row) throw new OfficeError('not_found', 'No such chunk.');
  return { keyVersion: row.key_version, sealed: Buffer.from(row.sealed).toString('base64') };
}
