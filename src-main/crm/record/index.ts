/**
 * What every owned record (contacts, companies, deals, activities; documents where it fits)
 * shares: the error, the viewer and its scope in SQL, soft delete / restore / reassign, the
 * optimistic-update check, keyset cursors and search words. Each record keeps its own fields,
 * schema and scoped `get`.
 */
export {
  applyPatch,
  changeRecord,
  edit,
  expectFresh,
  newRecordStamps,
  nextTime,
  reassignOwner,
  recordCreated,
  requireActiveUser,
  restore,
  rowStamps,
  softDelete,
  staleMessage,
  type Change,
  type EditCheck,
  type OwnedTable,
  type RecordAccess,
  type Stamped,
} from './changes';
export {
  afterCursor,
  afterCursorSql,
  decodeCursor,
  encodeCursor,
  keysetPage,
  pageOf,
  readListRequest,
  type Cursor,
  type KeysetOrder,
  type ListRequest,
} from './cursor';
export {
  RECORD_ERROR_CODES,
  RecordError,
  isRecordError,
  recordNotFound,
  type RecordErrorCode,
  type RecordErrorDetails,
} from './errors';
export { ownerNameSql, type OwnerNamedTable } from './owner-name';
export { foldedSearchText, searchWords, wordsSql } from './search-words';
export {
  FEW_MATCHES,
  TEXT_FILTER_PLAN,
  TEXT_INDEX,
  listSource,
  matchedIdsSql,
  parseTextFilter,
  readTextFilter,
  textMatchSql,
  type TextFilter,
  type TextIndex,
} from './text-filter';
export {
  UNSCOPED,
  inScope,
  ownerScopeSql,
  type OwnerColumn,
  type ScopeOwner,
  type Viewer,
} from './viewer';
