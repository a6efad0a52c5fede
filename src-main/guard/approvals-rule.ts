/**
 * The `export_approval` rule, next to the approval store (./approvals.ts): the export handler writes
 * an ok `contacts.export` entry with `details.pending` when it stored a request instead of
 * exporting; this rule turns that entry into the owner's alert.
 */
import { numberOf } from './rule-helpers';
import type { Rule } from './rule-types';

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
      details: { requestId, count: numberOf(entry.details.count) ?? 0, format },
      windowMs: 1,
    },
  ];
};
