/**
 * Activities storage (migration 0011_activities): row type, the typed error every activity function
 * throws, the viewer whose scopes go into each query, and row → domain mapping.
 */
import { RecordError } from '../record/errors';
import type { Activity } from '../../../src-shared/activities';
import type { Scope } from '../../../src-shared/permissions';
import type { ActivitiesTable } from '../../vault/schema';

/**
 * Who asks. `scope` is the grant of the channel's `activities.*` permission; `records` holds the
 * caller's read scopes of the records an activity hangs on (absent: that kind of record is not
 * readable, so its timeline is `not_found` and nothing can be logged on it).
 */
export interface ActivityViewer {
  userId: string;
  teamId: string | null;
  scope: Scope;
  records: { contact?: Scope | undefined; company?: Scope | undefined; deal?: Scope | undefined };
}

/** A stored row (with its owner's display name) as the domain type. */
export function rowToActivity(row: ActivitiesTable, ownerName: string): Activity {
  return {
    id: row.id,
    ownerId: row.owner_id,
    ownerName,
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    occurredAt: row.occurred_at,
    dueAt: row.due_at,
    remindAt: row.remind_at,
    remindedAt: row.reminded_at,
    doneAt: row.done_at,
    contactId: row.contact_id,
    companyId: row.company_id,
    dealId: row.deal_id,
    direction: row.direction,
    durationMinutes: row.duration_minutes,
    outcome: row.outcome,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** An ISO time as stored (UTC, milliseconds); `invalid_input` for an unreadable one. */
export function storedTime(text: string): string {
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw new RecordError('invalid_input', 'time: not a valid date');
  return new Date(t).toISOString();
}
