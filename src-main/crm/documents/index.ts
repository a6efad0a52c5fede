/**
 * Documents (attachments), the main-process half: the `.zdoc` chunked AES-256-GCM format, type
 * sniffing, encrypted files on disk, scoped rows, transfer tickets and the service the channels use.
 */
export { mayDelete, requireRecord, type DocumentViewer } from './access';
export {
  DOCUMENT_ERROR_REASONS,
  DocumentError,
  isDocumentError,
  type DocumentErrorReason,
} from './errors';
// Every export of files.ts (storage of the encrypted files) is part of the module's surface.
export * from './files';
export { DecryptStream, EncryptStream, ZDOC_CHUNK_SIZE, ZDOC_VERSION } from './format';
export {
  getDocumentRow,
  insertDocument,
  listDocuments,
  tombstoneDocument,
  type DocumentRow,
} from './repository';
export { createDocumentsService, type DocumentsService } from './service';
export {
  DOCUMENT_EXTENSIONS,
  DOCUMENT_MIME_TYPES,
  nameForType,
  sniffMimeType,
  type DocumentMimeType,
} from './sniff';
export { type RecordRef } from './tables';
export {
  TICKET_TTL_SECONDS,
  createTransferRegistry,
  documentTransfers,
  type Transfer,
  type TransferRegistry,
} from './transfers';
