/**
 * The tamper-evident audit log: append (inside the caller's transaction), list (paged), verify
 * (streaming), and the redaction that keeps secrets out of it. See migrations/0003_audit.sql.
 */
export { addAuditListener, appendAudit, listAudit } from './log';
export type { AuditFilter, AuditListener, AuditListenerFilter, AuditPage } from './log';
export { verifyAuditChain } from './verify';
export {
  AUDIT_HEAD_KEY,
  EMPTY_HEAD,
  readAuditHead,
  type SqliteHandle,
  type SqliteSource,
} from './head';
export {
  CANONICAL_FIELDS,
  CANONICAL_VERSION,
  GENESIS_HASH,
  canonicalEntry,
  canonicalJson,
  chainHash,
  hashRow,
  type HashedRow,
} from './canonical';
export {
  REDACTED,
  diffFields,
  isSensitiveField,
  redactChanges,
  redactDetails,
  registerSensitiveFields,
  type DiffOptions,
} from './redact';
export type { AuditLogTable } from './rows';
export * from './types';
