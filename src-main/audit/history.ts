/**
 * Read views of the audit log for the owner's screens: one record's history (optionally one field's),
 * the distinct action names for the filter, and the entry shape the renderer receives.
 */
import type { Database } from '../vault/schema';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { AuditEntryView } from '../../src-shared/ipc/audit';
import type { AuditPage } from './log';
import { rowToEntry } from './rows';
import { AuditInputError, type AuditEntry } from './types';

/** Which record (and optionally which of its fields) to show the history of. */
export interface EntityHistoryFilter {
  entityType: string;
  entityId: string;
  /** Only entries whose field-level changes include this field (e.g. `phones`). */
  field?: string;
  /** Page size, 1–500. */
  limit: number;
  /** Keyset paging: only entries older than this seq. */
  beforeSeq?: number;
}

const historySchema = z.strictObject({
  entityType: z.string().min(1).max(64),
  entityId: z.string().min(1).max(200),
  field: z.string().min(1).max(200).optional(),
  limit: z.number().int().min(1).max(500),
  beforeSeq: z.number().int().min(1).optional(),
});

/**
 * The history of one record, newest first, keyset-paged by seq in SQL (index
 * audit_log_entity). With `field`, the field test runs in SQL too, on the stored changes JSON.
 */
export async function entityHistory(
  db: Kysely<Database>,
  filter: EntityHistoryFilter,
): Promise<AuditPage> {
  const parsed = historySchema.safeParse(filter);
  if (!parsed.success) {
    throw new AuditInputError(parsed.error.issues.map(i => i.message).join('; '));
  }
  const f = parsed.data;
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_type', '=', f.entityType)
    .where('entity_id', '=', f.entityId);
  if (f.beforeSeq !== undefined) query = query.where('seq', '<', f.beforeSeq);
  if (f.field !== undefined) {
    // CASE, not AND: SQLite evaluates CASE lazily, so a row whose JSON was garbled outside the app
    // (verify reports it) is skipped instead of failing the whole query.
    query = query.where(
      sql<boolean>`CASE WHEN json_valid(audit_log.changes) THEN EXISTS (
        SELECT 1 FROM json_each(audit_log.changes) AS field WHERE field.key = ${f.field}
      ) ELSE 0 END`,
    );
  }
  const rows = await query.orderBy('seq', 'desc').limit(f.limit).execute();
  const entries = rows.map(rowToEntry);
  const last = entries.at(-1);
  return {
    entries,
    nextBeforeSeq: entries.length === f.limit && last !== undefined ? last.seq : null,
  };
}

/** The distinct action names in the log, sorted (served by the index on (action, at)). */
export async function listAuditActions(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select('action')
    .distinct()
    .orderBy('action')
    .execute();
  return rows.map(row => row.action);
}

/**
 * The entry as the renderer receives it: no user id, no hashes (the chain is checked by `verify`,
 * not by the screen).
 */
export function toEntryView(entry: AuditEntry): AuditEntryView {
  return {
    seq: entry.seq,
    at: entry.at,
    userLogin: entry.userLogin,
    deviceId: entry.deviceId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    outcome: entry.outcome,
    changes: entry.changes,
    details: entry.details,
  };
}
