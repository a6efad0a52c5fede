/**
 * Documents storage (migration 0012_documents; the row type is in src-main/vault/schema.ts): the
 * record reference and row → `DocumentInfo` mapping (which never carries the key).
 */
import type { DocumentInfo, DocumentRecordType } from '../../../src-shared/ipc/documents';
import type { DocumentsTable } from '../../vault/schema';
import { nameForType } from './sniff';

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
