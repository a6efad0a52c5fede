/**
 * Activities storage (migration 0011_activities): row type, the typed error every activity function
 * throws, the viewer whose scopes go into each query, and row → domain mapping.
 */
import { RecordError } from '../record/errors';
import type { Kysely } from 'kysely';
import type { Activity, ActivityKind } from '../../../src-shared/activities';
import type { Scope } from '../../../src-shared/permissions';
import type { ContactsSchema } from '../contacts/tables';

/** Row of `activities`. A type alias so `withTables` accepts it. */
export type ActivitiesTable = {
  id: string;
  owner_id: string;
  kind: ActivityKind;
  subject: string;
  body: string | null;
  occurred_at: string;
  due_at: string | null;
  remind_at: string | null;
  reminded_at: string | null;
  done_at: string | null;
  contact_id: string | null;
  company_id: string | null;
  deal_id: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  deleted_at: string | null;
  deleted_by: string | null;
};

/** The tables activity queries touch (contacts and companies to check the linked record). */
export type ActivitiesSchema = ContactsSchema & { activities: ActivitiesTable };

/** Narrows any vault kysely instance that includes the activity tables. */
export function activitiesDb<DB extends ActivitiesSchema>(
  db: Kysely<DB>,
): Kysely<ActivitiesSchema> {
  // Kysely<A & B> is not assignable to Kysely<A>; the constraint above already checked the tables.
  return db as unknown as Kysely<ActivitiesSchema>;
}

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
