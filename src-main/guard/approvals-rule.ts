/**
 * The `export_approval` rule, next to the approval store (./approvals.ts): the export handler writes
 * an ok `contacts.export` entry with `details.pending` when it stored a request instead of
 * exporting; this rule turns that entry into the owner's alert. And the window count the handler
 * compares with the limit (`recentExportRecords`).
 */
import type { SqliteHandle } from '../audit';
import { windowQueries } from './queries';
import { exportedRecords, numberOf } from './rule-helpers';
import type { Rule } from './rule-types';

/**
 * The client records `userId` exported in the `windowMinutes` before `now` (approved request runs
 * included; exports that only became a request are not). The export handler adds its own count, so
 * splitting one large export into small ones reaches the approval limit all the same (the mass
 * export alert sums the same window). `now` is on the audit log's clock: the audit wrapper stamps
 * entries with the real time, so the handler leaves the default.
 */
export function recentExportRecords(
  sqlite: SqliteHandle,
  userId: string,
  windowMinutes: number,
  now: Date = new Date(),
): number {
  const since = new Date(now.getTime() - windowMinutes * 60_000).toISOString();
  const rows = windowQueries(sqlite).userOkEntriesLike(
    userId,
    'export%',
    since,
    Number.MAX_SAFE_INTEGER,
  );
  return exportedRecords(rows);
}

/**
 * An export waiting for the owner's approval (`details.pending` on an ok export entry): one alert
 * per request (a 1 ms window, so two requests never merge), ids, count and format only.
 */
export const exportApproval: Rule = ({ entry }) => {
  if (entry.outcome !== 'ok' || entry.userId === null || entry.details?.pending !== true) return [];
  const requestId = entry.details.requestId;
  if (typeof requestId !== 'string') return [];
  const format = typeof entry.details.format === 'string' ? entry.details.format : null;
  return [
    {
      rule: 'export_approval',
      userId: entry.userId,
      entityType: 'export_request',
      entityId: requestId,
      details: {
        requestId,
        count: numberOf(entry.details.count) ?? 0,
        // Records the same user exported earlier in the window (small exports add up).
        earlier: numberOf(entry.details.earlier) ?? 0,
        format,
      },
      windowMs: 1,
    },
  ];
};
