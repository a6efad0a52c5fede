/**
 * Documents storage (migration 0012_documents): the row type, the schema document queries touch, and
 * row → `DocumentInfo` mapping (which never carries the key).
 */
import type { Kysely } from 'kysely';
import type { DocumentInfo, DocumentRecordType } from '../../../src-shared/ipc/documents';
import type { CompaniesSchema } from '../companies/tables';
import type { ContactsSchema } from '../contacts/tables';
import type { DealsSchema } from '../deals/tables';
import { nameForType } from './sniff';

/** Row of `documents`. A type alias so `withTables` accepts it. */
export type DocumentsTable = {
  id: string;
  record_type: DocumentRecordType;
  record_id: string;
  owner_id: string;
  file_name: string;
  mime_type: string;
  size: number;
  sha256: string;
  format_version: number;
  /** 32 random bytes; null once the document was deleted (the file is shredded). */
  file_key: Buffer | null;
  created_at: string;
  deleted_at: string | null;
  deleted_by: string | null;
};

/** Everything document queries touch (records for the scope check, users for names). */
export type DocumentsSchema = ContactsSchema &
  CompaniesSchema &
  DealsSchema & {
    documents: DocumentsTable;
  };

/** Narrows any vault kysely instance that includes the document tables. */
export function documentsDb<DB extends DocumentsSchema>(db: Kysely<DB>): Kysely<DocumentsSchema> {
  // Kysely<A & B> is not assignable to Kysely<A>; the constraint above already checked the tables.
  return db as unknown as Kysely<DocumentsSchema>;
}

/** A record a document is attached to. */
export interface RecordRef {
  type: DocumentRecordType;
  id: string;
}

/** `documents` row (+ uploader name) → `DocumentInfo`. */
export function documentFromRow(row: DocumentsTable, ownerName: string): DocumentInfo {
  return {
    id: row.id,
    recordType: row.record_type,
    recordId: row.record_id,
    ownerId: row.owner_id,
    ownerName,
    // Rows stored before names were fitted to the type get the type's extension here too.
    fileName: nameForType(row.file_name, row.mime_type),
    mimeType: row.mime_type,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.created_at,
  };
}
