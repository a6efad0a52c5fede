/** What a call tells the audit wrapper about itself; services that act for handlers fill it too. */

/**
 * Another record the same call changed (a call's next-step task, each task of a bulk completion):
 * the audit wrapper writes it as an entry of its own, right after the call's entry and in the same
 * transaction, and only when the call succeeds (a failed call rolls every change back).
 */
export interface RelatedAuditNote {
  /** The audit action, as the one-by-one call would write it (`activities.complete`). */
  action: string;
  entityType: string;
  entityId: string;
  changes?: Record<string, { before?: unknown; after?: unknown }>;
  details?: Record<string, unknown>;
}

/**
 * What a handler tells the audit wrapper about the call (the entity it touched, field-level
 * before/after, other records it changed). Handlers fill it; they never write audit entries
 * themselves.
 */
export interface AuditNote {
  entityType?: string;
  entityId?: string;
  changes?: Record<string, { before?: unknown; after?: unknown }>;
  details?: Record<string, unknown>;
  /** Further records the call changed, one entry each (see {@link RelatedAuditNote}). */
  related?: RelatedAuditNote[];
}
