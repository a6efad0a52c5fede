/** What a call tells the audit wrapper about itself; services that act for handlers fill it too. */

/**
 * What a handler tells the audit wrapper about the call (the entity it touched, field-level
 * before/after). Handlers fill it; they never write audit entries themselves.
 */
export interface AuditNote {
  entityType?: string;
  entityId?: string;
  changes?: Record<string, { before?: unknown; after?: unknown }>;
  details?: Record<string, unknown>;
}
