/**
 * The small windowed look-ups the rules need, as indexed queries on audit_log (never a scan of the
 * whole log): served by (user_id, action, at) from migration 0006 and (action, at) from 0003.
 */
import type { SqliteHandle } from '../audit';

/** A past entry as the rules see it: no changes, details still as stored JSON. */
export interface WindowEntry {
  seq: number;
  at: string;
  action: string;
  outcome: string;
  entityType: string | null;
  details: Record<string, unknown> | null;
}

/** What the rules may ask about the log before the entry being evaluated. */
export interface WindowQueries {
  /** True when `userId` has an ok sign-in before `beforeSeq` (from `deviceId` when given). */
  signedInBefore(userId: string, beforeSeq: number, deviceId?: string): boolean;
  /** `userId`'s entries with `action` from `since` (inclusive) up to and including `throughSeq`. */
  userEntries(
    userId: string,
    actions: readonly string[],
    since: string,
    throughSeq: number,
  ): WindowEntry[];
  /** Entries of `action` with `outcome` from `since` up to and including `throughSeq`, any user. */
  actionEntries(action: string, outcome: string, since: string, throughSeq: number): WindowEntry[];
  /** Time of the newest ok entry of any of `actions`, or null. */
  lastOk(actions: readonly string[]): string | null;
  /** Time of the oldest entry (when the vault started), or null. */
  firstAt(): string | null;
  /** `userId`'s ok entries whose action matches LIKE `%<suffix>` (e.g. 'delete') in the window. */
  userOkEntriesLike(
    userId: string,
    suffix: string,
    since: string,
    throughSeq: number,
  ): WindowEntry[];
}

interface Row {
  seq: number;
  at: string;
  action: string;
  outcome: string;
  entity_type: string | null;
  details: string | null;
}

function toEntry(row: Row): WindowEntry {
  return {
    seq: row.seq,
    at: row.at,
    action: row.action,
    outcome: row.outcome,
    entityType: row.entity_type,
    details: row.details === null ? null : (JSON.parse(row.details) as Record<string, unknown>),
  };
}

/** The queries over one connection. */
export function windowQueries(sqlite: SqliteHandle): WindowQueries {
  const cols = 'seq, at, action, outcome, entity_type, details';
  return {
    signedInBefore(userId, beforeSeq, deviceId) {
      const device = deviceId === undefined ? '' : ' AND device_id = ?';
      const params: (string | number)[] = [userId, beforeSeq];
      if (deviceId !== undefined) params.push(deviceId);
      return (
        sqlite
          .prepare(
            `SELECT 1 FROM audit_log WHERE user_id = ? AND action = 'auth.sign_in' AND outcome = 'ok'
               AND seq < ?${device} LIMIT 1`,
          )
          .get(...params) !== undefined
      );
    },
    userEntries(userId, actions, since, throughSeq) {
      const marks = actions.map(() => '?').join(', ');
      return sqlite
        .prepare<(string | number)[], Row>(
          `SELECT ${cols} FROM audit_log WHERE user_id = ? AND action IN (${marks}) AND at >= ?
             AND seq <= ? ORDER BY seq`,
        )
        .all(userId, ...actions, since, throughSeq)
        .map(toEntry);
    },
    actionEntries(action, outcome, since, throughSeq) {
      return sqlite
        .prepare<[string, string, string, number], Row>(
          `SELECT ${cols} FROM audit_log WHERE action = ? AND at >= ? AND outcome = ? AND seq <= ?
             ORDER BY seq`,
        )
        .all(action, since, outcome, throughSeq)
        .map(toEntry);
    },
    lastOk(actions) {
      const marks = actions.map(() => '?').join(', ');
      const at = sqlite
        .prepare(`SELECT max(at) FROM audit_log WHERE action IN (${marks}) AND outcome = 'ok'`)
        .pluck()
        .get(...actions);
      return typeof at === 'string' ? at : null;
    },
    firstAt() {
      const at = sqlite.prepare('SELECT at FROM audit_log ORDER BY seq LIMIT 1').pluck().get();
      return typeof at === 'string' ? at : null;
    },
    userOkEntriesLike(userId, suffix, since, throughSeq) {
      // (user_id, at) bounds the scan to this user's window; the suffix is filtered within it.
      return sqlite
        .prepare<[string, string, number, string], Row>(
          `SELECT ${cols} FROM audit_log INDEXED BY audit_log_user_at
             WHERE user_id = ? AND at >= ? AND seq <= ? AND outcome = 'ok' AND action LIKE ?
             ORDER BY seq`,
        )
        .all(userId, since, throughSeq, `%${suffix}`)
        .map(toEntry);
    },
  };
}
