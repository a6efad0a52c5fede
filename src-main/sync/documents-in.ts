/**
 * Documents arriving from the office. A pulled document change (apply.ts hands it here, inside
 * the pull's transaction) adds the document's row to the record it belongs to — under a fresh
 * local file key, with its content marked `remote` — or tombstones it (the caller shreds the local
 * file). The content is fetched on demand (`fetchRemoteDocument`, when someone opens it): chunk by
 * chunk, each opened with the partition key (a swapped, altered or foreign chunk fails its AEAD),
 * re-encrypted into the ordinary .zdoc file and checked against the size and SHA-256 the sealed
 * metadata carries before the file takes its final name. Offline, it answers `at_office`.
 */
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { chunkCount, type ChunkAnswer } from '../../src-shared/office/documents';
import { DocumentError } from '../crm/documents/errors';
import { commitStaged, discardStaged, documentPath, stageDocument } from '../crm/documents/files';
import { ZDOC_VERSION } from '../crm/documents/format';
import type { Database, DocumentsTable } from '../vault/schema';
import { ensurePeople } from './office-rows';
import { OfficeCallError } from './client';
import { SealError, openChunk } from './crypto';
import type { DocumentChangeBody } from './document-change';
import { OfficeSession } from './session';
import { loadOfficeSettings, partitionKey } from './store';
import { DOCUMENT_CHUNK_BYTES } from '../../src-shared/office/documents';

const RECORD_TABLE = { contact: 'contacts', company: 'companies', deal: 'deals' } as const;

/**
 * Applies one pulled document change in the pull's transaction; answers the ids of documents whose
 * local files the caller shreds after the commit (a deletion).
 */
export async function applyDocumentChange(
  trx: Kysely<Database>,
  partitionId: string,
  body: DocumentChangeBody,
): Promise<string[]> {
  const d = body.document;
  const existing = await trx
    .selectFrom('documents')
    .select(['id', 'deleted_at'])
    .where('id', '=', d.id)
    .executeTakeFirst();
  if (d.deletedAt !== null && d.deletedBy !== null) {
    if (!existing || existing.deleted_at !== null) return [];
    await ensurePeople(trx, body, { deleted_by: d.deletedBy });
    await trx
      .updateTable('documents')
      .set({ file_key: null, deleted_at: d.deletedAt, deleted_by: d.deletedBy })
      .where('id', '=', d.id)
      .execute();
    await trx.deleteFrom('sync_documents').where('document_id', '=', d.id).execute();
    return [d.id];
  }
  if (existing) {
    // A moved record's document, uploaded again into the new owner's partition: fetched from there.
    await trx
      .updateTable('sync_documents')
      .set({ partition_id: partitionId })
      .where('document_id', '=', d.id)
      .where('state', '!=', 'upload')
      .execute();
    return [];
  }
  // A document of a record this laptop does not hold is not stored (it could not be reached).
  const record = await trx
    .selectFrom(RECORD_TABLE[d.recordType])
    .select('id')
    .where('id', '=', d.recordId)
    .executeTakeFirst();
  if (!record) return [];
  await ensurePeople(trx, body, { owner_id: d.ownerId });
  await trx
    .insertInto('documents')
    .values({
      id: d.id,
      record_type: d.recordType,
      record_id: d.recordId,
      owner_id: d.ownerId,
      file_name: d.fileName,
      mime_type: d.mimeType,
      size: d.size,
      sha256: d.sha256,
      format_version: ZDOC_VERSION,
      // This laptop's own key for the file it will store once the content is fetched.
      file_key: randomBytes(32),
      created_at: d.createdAt,
      deleted_at: null,
      deleted_by: null,
    })
    .execute();
  await trx
    .insertInto('sync_documents')
    .values({
      document_id: d.id,
      partition_id: partitionId,
      state: 'remote',
      from_partition_id: null,
      created_at: new Date().toISOString(),
    })
    .onConflict(oc => oc.column('document_id').doNothing())
    .execute();
  return [];
}

async function fileExists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** The ids among `ids` whose content is at the office and not (yet) on this laptop. */
export async function documentsAtOffice(
  db: Kysely<Database>,
  attachmentsDir: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const remote = await db
    .selectFrom('sync_documents')
    .select('document_id')
    .where('state', '=', 'remote')
    .where('document_id', 'in', ids)
    .execute();
  const out = new Set<string>();
  for (const { document_id: id } of remote) {
    if (!(await fileExists(documentPath(attachmentsDir, id)))) out.add(id);
  }
  return out;
}

/** One chunk from the server, opened and checked; typed document errors for every refusal. */
async function fetchChunk(
  db: Kysely<Database>,
  session: OfficeSession,
  at: { partitionId: string; documentId: string; index: number; length: number },
): Promise<Buffer> {
  let answer: ChunkAnswer;
  try {
    answer = await session.post<ChunkAnswer>('/v1/chunks/get', {
      partitionId: at.partitionId,
      documentId: at.documentId,
      index: at.index,
    });
  } catch (error) {
    if (error instanceof OfficeCallError && error.status === 404)
      throw new DocumentError('office_truncated', { cause: error });
    if (error instanceof OfficeCallError && error.status === 0)
      throw new DocumentError('at_office', { cause: error });
    throw error;
  }
  const key = await partitionKey(db, at.partitionId, answer.keyVersion);
  if (!key) throw new DocumentError('office_tampered');
  let plain: Buffer;
  try {
    plain = openChunk(
      key,
      { ...at, keyVersion: answer.keyVersion },
      Buffer.from(answer.sealed, 'base64'),
    );
  } catch (error) {
    if (error instanceof SealError) throw new DocumentError('office_tampered', { cause: error });
    throw error;
  }
  if (plain.length !== at.length) throw new DocumentError('office_truncated');
  return plain;
}

/**
 * Fetches the content of document `row` from `partitionId` at the office into its ordinary local
 * .zdoc file (under the row's own file key), checking every chunk and then the whole file.
 */
export async function fetchDocumentContent(
  db: Kysely<Database>,
  session: OfficeSession,
  attachmentsDir: string,
  row: DocumentsTable,
  partitionId: string,
): Promise<void> {
  if (!row.file_key) throw new DocumentError('not_found');
  const count = chunkCount(row.size);
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let index = 0; index < count; index += 1) {
      const length = Math.min(DOCUMENT_CHUNK_BYTES, row.size - index * DOCUMENT_CHUNK_BYTES);
      yield await fetchChunk(db, session, { partitionId, documentId: row.id, index, length });
    }
  }
  const staged = await stageDocument({
    attachmentsDir,
    id: row.id,
    key: Buffer.from(row.file_key),
    fileName: row.file_name,
    source: Readable.from(chunks()),
    expectedSize: row.size,
  }).catch((error: unknown) => {
    if (error instanceof DocumentError && error.reason === 'size_mismatch')
      throw new DocumentError('office_truncated', { cause: error });
    throw error;
  });
  // The whole file against the sealed metadata: every chunk opened, yet the sum must match too.
  if (
    staged.sha256 !== row.sha256 ||
    staged.size !== row.size ||
    staged.mimeType !== row.mime_type
  ) {
    await discardStaged(staged);
    throw new DocumentError('office_tampered');
  }
  await commitStaged(staged);
}

/** Signs in to the office; no connection is `at_office`. */
export async function documentSession(db: Kysely<Database>): Promise<OfficeSession> {
  const settings = await loadOfficeSettings(db);
  if (!settings) throw new DocumentError('at_office');
  return OfficeSession.signIn(settings).catch((error: unknown) => {
    if (error instanceof OfficeCallError) throw new DocumentError('at_office', { cause: error });
    throw error;
  });
}

/** Whether the document's local file is there. */
export function hasLocalFile(attachmentsDir: string, id: string): Promise<boolean> {
  return fileExists(documentPath(attachmentsDir, id));
}

/**
 * Makes sure the content of a document whose row is `row` is on this laptop: when its file is
 * missing and it is `remote`, fetches it from the office (see the file comment). Nothing to do
 * when the file is here or the document never came from the office (the caller then answers as
 * before). Errors: `at_office` (no connection), `office_tampered`, `office_truncated`.
 */
export async function fetchRemoteDocument(
  db: Kysely<Database>,
  attachmentsDir: string,
  row: DocumentsTable,
): Promise<boolean> {
  if (!row.file_key || (await hasLocalFile(attachmentsDir, row.id))) return false;
  const synced = await db
    .selectFrom('sync_documents')
    .select('partition_id')
    .where('document_id', '=', row.id)
    .where('state', '=', 'remote')
    .executeTakeFirst();
  if (!synced) return false;
  const session = await documentSession(db);
  await fetchDocumentContent(db, session, attachmentsDir, row, synced.partition_id);
  return true;
}
