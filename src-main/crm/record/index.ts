/**
 * What every owned record (contacts, companies, deals, activities; documents where it fits)
 * shares: the error, the viewer and its scope in SQL, soft delete / restore / reassign, the
 * optimistic-update check, keyset cursors and search words. Each record keeps its own fields,
 * schema and scoped `get`.
 */
export {
  RECORD_ERROR_CODES,
  RecordError,
  isRecordError,
  recordNotFound,
  type RecordErrorCode,
  type RecordErrorDetails,
} from './errors';
