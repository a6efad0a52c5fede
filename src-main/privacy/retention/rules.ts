/**
 * Retention rules and the candidates they name (issue 17, point 5). A rule says "contacts with no
 * activity for N months"; a run lists the contacts past it — ids and the last activity time,
 * nothing else — and erases nothing. Only `approveRetention` (./approve.ts) erases, and only ids
 * the owner approved that are still candidates at that moment.
 *
 * "Activity" is the newest of: the contact's creation or last edit, and the time, creation or
 * edit of any activity or deal linked to it. Soft-deleted contacts count too (their data is
 * still in the vault).
 */
import type Database from 'better-sqlite3-multiple-ciphers';

/** Record types a rule may name (contacts only for now). */
export const RETENTION_RECORD_TYPES = ['contact'] as const;
export type RetentionRecordType = (typeof RETENTION_RECORD_TYPES)[number];

/** One stored rule. */
export interface RetentionRule {
  recordType: RetentionRecordType;
  inactiveMonths: number;
  createdAt: string;
}

/** A contact past its rule: id and last activity only. */
export interface RetentionCandidate {
  id: string;
  lastActivityAt: string;
}

/** vault_meta key of the last approved review (the monthly "review due" mark). */
const REVIEWED_KEY = 'retention_reviewed_at';

/** The stored rules. */
export function listRetentionRules(sqlite: Database.Database): RetentionRule[] {
  return sqlite
    .prepare<[], { record_type: RetentionRecordType; inactive_months: number; created_at: string }>(
      'SELECT record_type, inactive_months, created_at FROM retention_rules ORDER BY record_type',
    )
    .all()
    .map(r => ({
      recordType: r.record_type,
      inactiveMonths: r.inactive_months,
      createdAt: r.created_at,
    }));
}

/** Sets (or, with `inactiveMonths` null, removes) the rule of a record type. */
export function setRetentionRule(
  sqlite: Database.Database,
  rule: { recordType: RetentionRecordType; inactiveMonths: number | null },
  by: string,
  now: Date,
): void {
  if (rule.inactiveMonths === null) {
    sqlite.prepare('DELETE FROM retention_rules WHERE record_type = ?').run(rule.recordType);
    return;
  }
  sqlite
    .prepare(
      `INSERT INTO retention_rules (id, record_type, inactive_months, created_at, created_by)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (record_type) DO UPDATE SET inactive_months = excluded.inactive_months,
         created_at = excluded.created_at, created_by = excluded.created_by`,
    )
    .run(rule.recordType, rule.recordType, rule.inactiveMonths, now.toISOString(), by);
}

/** `now` minus `months` calendar months (UTC). */
export function monthsBefore(now: Date, months: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/** Contacts past the contact rule at `now` (none without a rule), oldest activity first. */
export function retentionCandidates(sqlite: Database.Database, now: Date): RetentionCandidate[] {
  const rule = listRetentionRules(sqlite).find(r => r.recordType === 'contact');
  if (!rule) return [];
  const cutoff = monthsBefore(now, rule.inactiveMonths).toISOString();
  return sqlite
    .prepare<[string], RetentionCandidate>(
      `SELECT id, last AS lastActivityAt FROM (
         SELECT c.id, max(c.created_at, c.updated_at,
           coalesce((SELECT max(max(a.occurred_at, a.updated_at)) FROM activities a
                     WHERE a.contact_id = c.id), ''),
           coalesce((SELECT max(d.updated_at) FROM deals d WHERE d.contact_id = c.id), '')) AS last
         FROM contacts c)
       WHERE last < ? ORDER BY last, id`,
    )
    .all(cutoff);
}

/** True when rules exist and no review was approved in the month before `now`. */
export function retentionReviewDue(sqlite: Database.Database, now: Date): boolean {
  if (listRetentionRules(sqlite).length === 0) return false;
  const row = sqlite
    .prepare<[string], { value: string }>('SELECT value FROM vault_meta WHERE key = ?')
    .get(REVIEWED_KEY);
  return !row || row.value < monthsBefore(now, 1).toISOString();
}

/** Notes that the owner reviewed the candidates at `now`. */
export function markRetentionReviewed(sqlite: Database.Database, now: Date): void {
  sqlite
    .prepare(
      `INSERT INTO vault_meta (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    )
    .run(REVIEWED_KEY, now.toISOString());
}
