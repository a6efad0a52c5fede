/**
 * The `alerts` table (migration 0006): raise (deduplicated per rule / user / window), list, count,
 * acknowledge. Synchronous better-sqlite3 statements, like the audit append: `raiseAlert` runs inside
 * the append transaction of the entry that triggered it.
 */
import { randomUUID } from 'node:crypto';
import {
  ALERT_RULES,
  type AlertDetail,
  type AlertRule,
  type AlertView,
} from '../../src-shared/ipc/alerts';
import type { SqliteHandle } from '../audit';
import type { AlertsTable } from '../vault/schema';

/** What a rule asks to raise. */
export interface AlertDraft {
  rule: AlertRule;
  userId: string | null;
  entityType?: string | null;
  entityId?: string | null;
  details: Record<string, AlertDetail>;
  /** The dedupe window: one alert per rule and user (or entity, without a user) per window. */
  windowMs: number;
  /** Dedupes by this instead of the user or entity (one alert per distinct event, e.g. a break). */
  dedupeId?: string;
}

function rowToView(row: AlertsTable): AlertView {
  const rule = row.rule as AlertRule; // written only by raiseAlert from ALERT_RULES keys
  return {
    id: row.id,
    rule,
    severity: ALERT_RULES[rule].severity,
    data: row.data === 1,
    createdAt: row.created_at,
    lastAt: row.last_at,
    occurrences: row.occurrences,
    userId: row.user_id,
    entityType: row.entity_type,
    entityId: row.entity_id,
    auditSeq: row.audit_seq,
    details: JSON.parse(row.details) as Record<string, AlertDetail>,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
  };
}

/** True when the connection's vault has the alerts table (migration 0006 applied). */
export function hasAlertsTable(sqlite: SqliteHandle): boolean {
  return (
    sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alerts'").get() !==
    undefined
  );
}

/**
 * Raises an alert, or — when one for the same rule, user and entity exists in the same window —
 * counts another occurrence and marks it unread again. Returns the alert and whether it is new.
 */
export function raiseAlert(
  sqlite: SqliteHandle,
  draft: AlertDraft,
  at: string,
  auditSeq: number,
): { alert: AlertView; created: boolean } {
  const bucket = Math.floor(Date.parse(at) / draft.windowMs);
  // One alert per rule and user in each window (per entity when no user is known, e.g. a login id).
  const who = draft.dedupeId ? `#${draft.dedupeId}` : (draft.userId ?? `~${draft.entityId ?? ''}`);
  const key = [draft.rule, who, bucket].join('|');
  const meta = ALERT_RULES[draft.rule];
  const existing = sqlite.prepare('SELECT id FROM alerts WHERE dedupe_key = ?').pluck().get(key);
  if (typeof existing === 'string') {
    sqlite
      .prepare(
        `UPDATE alerts SET occurrences = occurrences + 1, last_at = ?, audit_seq = ?, details = ?,
           entity_type = ?, entity_id = ?, acknowledged_at = NULL, acknowledged_by = NULL
         WHERE id = ?`,
      )
      .run(
        at,
        auditSeq,
        JSON.stringify(draft.details),
        draft.entityType ?? null,
        draft.entityId ?? null,
        existing,
      );
    return { alert: getAlert(sqlite, existing) as AlertView, created: false };
  }
  const id = randomUUID();
  sqlite
    .prepare(
      `INSERT INTO alerts (id, rule, severity, data, dedupe_key, created_at, last_at, user_id,
         entity_type, entity_id, audit_seq, details)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      draft.rule,
      meta.severity,
      meta.data ? 1 : 0,
      key,
      at,
      at,
      draft.userId,
      draft.entityType ?? null,
      draft.entityId ?? null,
      auditSeq,
      JSON.stringify(draft.details),
    );
  return { alert: getAlert(sqlite, id) as AlertView, created: true };
}

/** One alert by id, or null. */
export function getAlert(sqlite: SqliteHandle, id: string): AlertView | null {
  const row = sqlite.prepare<[string], AlertsTable>('SELECT * FROM alerts WHERE id = ?').get(id);
  return row ? rowToView(row) : null;
}

/** Alerts newest first; without `includeData`, only those not about client data. */
export function listAlerts(
  sqlite: SqliteHandle,
  o: { includeData: boolean; unreadOnly: boolean; limit: number },
): { unread: number; items: AlertView[] } {
  const dataFilter = o.includeData ? '' : ' AND data = 0';
  const unread = sqlite
    .prepare(`SELECT count(*) FROM alerts WHERE acknowledged_at IS NULL${dataFilter}`)
    .pluck()
    .get() as number;
  const rows = sqlite
    .prepare<[number], AlertsTable>(
      `SELECT * FROM alerts WHERE 1 = 1${dataFilter}${o.unreadOnly ? ' AND acknowledged_at IS NULL' : ''}
       ORDER BY last_at DESC, id LIMIT ?`,
    )
    .all(o.limit);
  return { unread, items: rows.map(rowToView) };
}

/** Marks an alert as seen (the first acknowledgement is kept). Null when there is no such alert. */
export function acknowledgeAlert(
  sqlite: SqliteHandle,
  id: string,
  by: string,
  at: string,
): AlertView | null {
  sqlite
    .prepare(
      'UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND acknowledged_at IS NULL',
    )
    .run(at, by, id);
  return getAlert(sqlite, id);
}
