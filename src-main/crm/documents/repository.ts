/**
 * Document rows: add, list a record's, read one in scope, tombstone. Every read goes through the
 * record's scope (./access.ts) before a row is returned; the key leaves this module only towards the
 * file functions in main, never in a `DocumentInfo`.
 */
import { ownerNameSql } from '../record/owner-name';
import type { Database } from '../../vault/schema';
import type { Kysely } from 'kysely';
import type { DocumentInfo } from '../../../src-shared/ipc/documents';
import { requireRecord, type DocumentViewer } from './access';
import { DocumentError } from './errors';
import { ZDOC_VERSION } from './format';
import type { DocumentsTable } from '../../vault/schema';
import { documentFromRow, type RecordRef } from './tables';

/** A live document row with its uploader's name (key included: main-process use only). */
export interface DocumentRow {
  row: DocumentsTable;
  ownerName: string;
}

/** What a new row needs (the file is already staged). */
export interface NewDocument {
  id: string;
  record: RecordRef;
  ownerId: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  key: Buffer;
  createdAt: string;
}

/** Inserts the row of a new document and returns it as the renderer sees it. */
export async function insertDocument(
  db: Kysely<Database>,
  doc: NewDocument,
): Promise<DocumentInfo> {
  await db
    .insertInto('documents')
    .values({
      id: doc.id,
      record_type: doc.record.type,
      record_id: doc.record.id,
      owner_id: doc.ownerId,
      file_name: doc.fileName,
      mime_type: doc.mimeType,
      size: doc.size,
      sha256: doc.sha256,
      format_version: ZDOC_VERSION,
      file_key: doc.key,
      created_at: doc.createdAt,
      deleted_at: null,
      deleted_by: null,
    })
    .execute();
  const found = await readLiveRow(db, doc.id);
  if (!found) throw new DocumentError('not_found');
  return documentFromRow(found.row, found.ownerName);
}

/** The live row with this id, without any scope (callers check the record first). */
async function readLiveRow(db: Kysely<Database>, id: string): Promise<DocumentRow | undefined> {
  const found = await db
    .selectFrom('documents')
    .selectAll('documents')
    .select(ownerNameSql('documents'))
    .where('documents.id', '=', id)
    .where('documents.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!found) return undefined;
  const { owner_name: ownerName, ...row } = found;
  return { row, ownerName };
}

/**
 * The live document with this id if its record is in the viewer's scope; otherwise `not_found`
 * (the same answer for a missing id, a deleted document and one out of scope).
 */
export async function getDocumentRow(
  db: Kysely<Database>,
  viewer: DocumentViewer,
  id: string,
): Promise<DocumentRow> {
  const found = await readLiveRow(db, id);
  if (!found) throw new DocumentError('not_found');
  try {
    await requireRecord(db, viewer, { type: found.row.record_type, id: found.row.record_id });
  } catch (err) {
    if (err instanceof DocumentError) throw new DocumentError('not_found');
    throw err;
  }
  return found;
}

/** The live documents of a record in scope, newest first (`record_not_found` otherwise). */
export async function listDocuments(
  db: Kysely<Database>,
  viewer: DocumentViewer,
  record: RecordRef,
): Promise<DocumentInfo[]> {
  await requireRecord(db, viewer, record);
  const rows = await liveRowsOf(db, record);
  return rows.map(r => documentFromRow(r.row, r.ownerName));
}

/** The live rows of a record, newest first, without a scope check (callers check the record). */
export async function liveRowsOf(db: Kysely<Database>, record: RecordRef): Promise<DocumentRow[]> {
  const rows = await db
    .selectFrom('documents')
    .selectAll('documents')
    .select(ownerNameSql('documents'))
    .where('documents.record_type', '=', record.type)
    .where('documents.record_id', '=', record.id)
    .where('documents.deleted_at', 'is', null)
    .orderBy('documents.created_at', 'desc')
    .orderBy('documents.id', 'desc')
    .execute();
  return rows.map(({ owner_name: ownerName, ...row }) => ({ row, ownerName }));
}

/** Marks a document deleted and wipes its key (the file is shredded by the caller). */
export async function tombstoneDocument(
  db: Kysely<Database>,
  id: string,
  by: string,
  at: string,
): Promise<void> {
  const result = await db
    .updateTable('documents')
    .set({ file_key: null, deleted_at: at, deleted_by: by })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) throw new DocumentError('not_found');
}
