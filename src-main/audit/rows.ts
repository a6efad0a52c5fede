/** The stored row of audit_log and its mapping to AuditEntry. */
import type { HashedRow } from './canonical';
import { AUDIT_OUTCOMES, type AuditChanges, type AuditEntry, type AuditJson } from './types';

/**
 * One audit_log row as stored (migration 0003; 0023 added the v2 payload salt and the erasure
 * marker, absent in rows built by hand for v1).
 */
export type AuditLogTable = HashedRow & {
  hash: string;
  payload_salt?: string | null;
  erasure_id?: string | null;
};

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    // Only a row edited outside the app can hold invalid JSON; verifyAuditChain reports it. The
    // list still shows the rest of the entry.
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, AuditJson> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isChanges(value: unknown): value is AuditChanges {
  return isRecord(value) && Object.values(value).every(change => isRecord(change));
}

/** Row (snake_case, JSON text) → entry (camelCase, parsed JSON). */
export function rowToEntry(row: AuditLogTable): AuditEntry {
  const changes = parseJson(row.changes);
  const details = parseJson(row.details);
  const outcome = AUDIT_OUTCOMES.find(o => o === row.outcome) ?? 'failed';
  return {
    seq: row.seq,
    at: row.at,
    userId: row.user_id,
    userLogin: row.user_login,
    deviceId: row.device_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    outcome,
    changes: isChanges(changes) ? changes : null,
    details: isRecord(details) ? details : null,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
