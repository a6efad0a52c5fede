/**
 * The subject request register (`privacy_requests`): received date, due date (+30 calendar days),
 * status. Requests stay after an answer (the office shows it answered in time); the list counts
 * what is close to its deadline so the screen can warn.
 */
import type { Kysely } from 'kysely';
import {
  addCalendarDays,
  REQUEST_DAYS,
  REQUEST_DUE_SOON_DAYS,
  requestUrgency,
} from '../../../src-shared/privacy/dates';
import type {
  PrivacyRequest,
  RequestInput,
  RequestList,
  RequestPatch,
} from '../../../src-shared/privacy';
import { RecordError } from '../../crm/record/errors';
import { newRecordId } from '../../crm/record-id';
import type { Database } from '../../vault/schema';

/** An open request due within this many days is "due soon" (src-shared/privacy/dates.ts). */
export const DUE_SOON_DAYS = REQUEST_DUE_SOON_DAYS;

function query(db: Kysely<Database>) {
  return db
    .selectFrom('privacy_requests as r')
    .leftJoin('contacts as c', 'c.id', 'r.contact_id')
    .selectAll('r')
    .select(['c.surname', 'c.given_name', 'c.patronymic']);
}

type Row = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;

function rowToRequest(r: Row): PrivacyRequest {
  return {
    id: r.id,
    contactId: r.contact_id,
    contactName: [r.surname, r.given_name, r.patronymic].filter(Boolean).join(' '),
    kind: r.kind,
    receivedAt: r.received_at,
    dueAt: r.due_at,
    status: r.status,
    answeredAt: r.answered_at,
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** One request, or `not_found`. */
export async function getRequest(db: Kysely<Database>, id: string): Promise<PrivacyRequest> {
  const row = await query(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new RecordError('not_found', 'Request not found.');
  return rowToRequest(row);
}

/** Every request, open ones first by due date, with the due-soon and overdue counts. */
export async function listRequests(db: Kysely<Database>, now: Date): Promise<RequestList> {
  const rows = await query(db)
    .orderBy(eb => eb('r.status', '!=', 'open'))
    .orderBy('r.due_at')
    .orderBy('r.id')
    .execute();
  const items = rows.map(rowToRequest);
  const urgency = items.map(r => requestUrgency(r, now));
  return {
    items,
    overdue: urgency.filter(u => u === 'overdue').length,
    dueSoon: urgency.filter(u => u === 'dueSoon').length,
    now: now.toISOString(),
  };
}

/** Registers a request about a contact that exists (`not_found` otherwise). */
export async function createRequest(
  db: Kysely<Database>,
  userId: string,
  input: RequestInput,
  now: Date,
): Promise<{ before: null; after: PrivacyRequest }> {
  const contact = await db
    .selectFrom('contacts')
    .select('id')
    .where('id', '=', input.contactId)
    .executeTakeFirst();
  if (!contact) throw new RecordError('not_found', 'Contact not found.', { field: 'contactId' });
  const received = new Date(input.receivedAt);
  if (received.getTime() > now.getTime() + 60_000) {
    throw new RecordError('invalid_input', 'receivedAt: in the future', { fields: ['receivedAt'] });
  }
  const id = newRecordId();
  const at = now.toISOString();
  await db
    .insertInto('privacy_requests')
    .values({
      id,
      contact_id: input.contactId,
      kind: input.kind,
      received_at: received.toISOString(),
      due_at: addCalendarDays(received, REQUEST_DAYS).toISOString(),
      status: 'open',
      answered_at: null,
      note: input.note,
      created_by: userId,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { before: null, after: await getRequest(db, id) };
}

/** Changes a request's status or note; answering or refusing stamps `answered_at`. */
export async function updateRequest(
  db: Kysely<Database>,
  id: string,
  patch: RequestPatch,
  now: Date,
): Promise<{ before: PrivacyRequest; after: PrivacyRequest }> {
  const before = await getRequest(db, id);
  const closing = patch.status !== undefined && patch.status !== 'open';
  await db
    .updateTable('privacy_requests')
    .set({
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      ...(patch.status === 'open' ? { answered_at: null } : {}),
      ...(closing && before.answeredAt === null ? { answered_at: now.toISOString() } : {}),
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
  return { before, after: await getRequest(db, id) };
}
