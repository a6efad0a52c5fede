/**
 * Types of the audit log: what a caller gives (`AuditInput`), what is stored and read back
 * (`AuditEntry`), and the typed errors.
 */

/** How an audited action ended. */
export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** A JSON value as stored in `changes` and `details`. */
export type AuditJson =
  string | number | boolean | null | AuditJson[] | { [key: string]: AuditJson };

/** One changed field. Sensitive values read back as REDACTED; `null` means "no value". */
export interface FieldChange {
  before: AuditJson;
  after: AuditJson;
}

/** Field-level changes, keyed by field name. */
export type AuditChanges = Record<string, FieldChange>;

/** Changes as a caller may pass them: any JSON-like values (Date, Buffer, bigint are converted). */
export type AuditChangesInput = Record<string, { before?: unknown; after?: unknown }>;

/** What the router wrapper (or a service) asks to record. */
export interface AuditInput {
  userId?: string | null;
  userLogin?: string | null;
  deviceId?: string | null;
  /** `feature.verb`, lowercase, e.g. 'auth.sign_in', 'contacts.update', 'users.role_change'. */
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  outcome: AuditOutcome;
  /** Field-level before/after; redacted on the way in (see ./redact.ts). */
  changes?: AuditChangesInput | null;
  /** Extra facts (reason of a denial, permission asked, counts). Sensitive keys are redacted. */
  details?: Record<string, unknown> | null;
}

/** A stored entry, as read back. */
export interface AuditEntry {
  seq: number;
  /** ISO 8601 UTC with milliseconds. */
  at: string;
  userId: string | null;
  userLogin: string | null;
  deviceId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  outcome: AuditOutcome;
  changes: AuditChanges | null;
  details: Record<string, AuditJson> | null;
  prevHash: string;
  hash: string;
}

/** The newest entry's position in the chain, also kept in vault_meta['audit_head']. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** Why a chain does not verify, at the first broken seq. */
export const AUDIT_BREAK_REASONS = [
  'hash_mismatch',
  'seq_gap',
  'prev_mismatch',
  'head_mismatch',
] as const;
export type AuditBreakReason = (typeof AUDIT_BREAK_REASONS)[number];

/** Result of `verifyAuditChain`. `head` is `{ seq: 0, hash: GENESIS_HASH }` for an empty log. */
export type AuditVerifyResult =
  | {
      ok: true;
      count: number;
      head: AuditHead;
      /** Entries whose content was erased by request (present only when some were). */
      erased?: number;
    }
  | { ok: false; brokenAt: number; reason: AuditBreakReason };

/** Input rejected before anything was written (bad action name, outcome, filter, value type…). */
export class AuditInputError extends Error {
  override readonly name = 'AuditInputError';
  readonly code = 'invalid_input' as const;
}
