/**
 * Everything the vault holds about one person, for a subject access answer (Art. 8): the contact's
 * fields, consents and objection, notes, other activities, deals linked to them, documents
 * attached to them, who the card was shared with, the audit entries about them (of which the
 * exports and document copies are listed apart: "who it was exported to") and their requests.
 * Reads everything regardless of owner: only privacy.manage holders reach this.
 */
import type { Kysely } from 'kysely';
import type { Contact } from '../../../src-shared/contacts';
import type { ConsentRecord, Objection, PrivacyRequest } from '../../../src-shared/privacy';
import { getContact } from '../../crm/contacts';
import type { Database } from '../../vault/schema';
import { consentState, rowToConsent } from '../consent';

/** An activity of the person (a note, call, meeting, message, email or task). */
export interface SubjectActivity {
  id: string;
  kind: string;
  subject: string;
  body: string | null;
  occurredAt: string;
  dueAt: string | null;
  doneAt: string | null;
  ownerName: string;
  deletedAt: string | null;
}

/** A deal linked to the person. */
export interface SubjectDeal {
  id: string;
  title: string;
  amountMinor: number;
  currency: string;
  ownerName: string;
  createdAt: string;
  closedAt: string | null;
  deletedAt: string | null;
}

/** A document attached to the person (its file goes into the ZIP as `path`). */
export interface SubjectDocument {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  createdAt: string;
  /** Where the file is inside the ZIP (null when its key is gone: erased). */
  path: string | null;
}

/** An audit entry about the person (ids, action, outcome, changes as logged: already redacted). */
export interface SubjectAuditEntry {
  seq: number;
  at: string;
  userLogin: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  outcome: string;
  changes: unknown;
  details: unknown;
}

/** The whole answer (the ZIP's subject.json). */
export interface SubjectData {
  generatedAt: string;
  contact: Contact;
  consents: { purpose: string; ground: string; records: ConsentRecord[] }[];
  objection: Objection | null;
  notes: SubjectActivity[];
  activities: SubjectActivity[];
  deals: SubjectDeal[];
  documents: SubjectDocument[];
  shares: { userName: string; grantedAt: string }[];
  exports: SubjectAuditEntry[];
  audit: SubjectAuditEntry[];
  requests: PrivacyRequest[];
}

const EXPORT_ACTIONS = /(^|\.)(export|export_subject|export_subject_file)$|documents\.export/;

function parse(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

/** A safe file name inside the ZIP: the document id and the stored name's tidy form. */
function zipPath(id: string, fileName: string): string {
  const tidy = [...fileName]
    .map(ch => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .slice(0, 120);
  return `documents/${id}-${tidy}`;
}

/** Collects everything about contact `contactId` (`not_found` when it does not exist). */
export async function collectSubject(
  db: Kysely<Database>,
  contactId: string,
  requests: PrivacyRequest[],
  now: Date,
): Promise<SubjectData> {
  const everyone = {
    userId: '',
    teamId: null,
    scope: 'all' as const,
    companyScope: 'all' as const,
  };
  const contact = await getContact(db, everyone, contactId, { includeDeleted: true });
  const state = await consentState(db, contactId);
  const consentRows = await db
    .selectFrom('privacy_consents as c')
    .innerJoin('privacy_purposes as p', 'p.id', 'c.purpose_id')
    .selectAll('c')
    .select(['p.name as purpose_name', 'p.ground as purpose_ground'])
    .where('c.contact_id', '=', contactId)
    .orderBy('c.id')
    .execute();
  const consents = new Map<string, SubjectData['consents'][number]>();
  for (const r of consentRows) {
    const group = consents.get(r.purpose_id) ?? {
      purpose: r.purpose_name,
      ground: r.purpose_ground,
      records: [],
    };
    const { purpose_name: _name, purpose_ground: _ground, ...row } = r;
    group.records.push(rowToConsent(row));
    consents.set(r.purpose_id, group);
  }
  const activityRows = await db
    .selectFrom('activities as a')
    .innerJoin('users as u', 'u.id', 'a.owner_id')
    .selectAll('a')
    .select('u.display_name as owner_name')
    .where('a.contact_id', '=', contactId)
    .orderBy('a.occurred_at')
    .orderBy('a.id')
    .execute();
  const activities = activityRows.map((a): SubjectActivity => ({
    id: a.id,
    kind: a.kind,
    subject: a.subject,
    body: a.body,
    occurredAt: a.occurred_at,
    dueAt: a.due_at,
    doneAt: a.done_at,
    ownerName: a.owner_name,
    deletedAt: a.deleted_at,
  }));
  const deals = await db
    .selectFrom('deals as d')
    .innerJoin('users as u', 'u.id', 'd.owner_id')
    .select([
      'd.id',
      'd.title',
      'd.amount_minor as amountMinor',
      'd.currency',
      'u.display_name as ownerName',
      'd.created_at as createdAt',
      'd.closed_at as closedAt',
      'd.deleted_at as deletedAt',
    ])
    .where('d.contact_id', '=', contactId)
    .orderBy('d.created_at')
    .execute();
  const documents = (
    await db
      .selectFrom('documents')
      .select(['id', 'file_name', 'mime_type', 'size', 'sha256', 'created_at', 'file_key'])
      .where('record_type', '=', 'contact')
      .where('record_id', '=', contactId)
      .orderBy('created_at')
      .execute()
  ).map((d): SubjectDocument => ({
    id: d.id,
    fileName: d.file_name,
    mimeType: d.mime_type,
    size: d.size,
    sha256: d.sha256,
    createdAt: d.created_at,
    path: d.file_key ? zipPath(d.id, d.file_name) : null,
  }));
  const shares = await db
    .selectFrom('contact_shares as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.display_name as userName', 's.granted_at as grantedAt'])
    .where('s.contact_id', '=', contactId)
    .orderBy('s.granted_at')
    .execute();
  const ids = [contactId, ...activities.map(a => a.id), ...documents.map(d => d.id)];
  const audit = (
    await db
      .selectFrom('audit_log')
      .select(['seq', 'at', 'user_login', 'action', 'entity_type', 'entity_id', 'outcome'])
      .select(['changes', 'details'])
      .where('entity_id', 'in', ids)
      .orderBy('seq')
      .execute()
  ).map((e): SubjectAuditEntry => ({
    seq: e.seq,
    at: e.at,
    userLogin: e.user_login,
    action: e.action,
    entityType: e.entity_type,
    entityId: e.entity_id,
    outcome: e.outcome,
    changes: parse(e.changes),
    details: parse(e.details),
  }));
  return {
    generatedAt: now.toISOString(),
    contact,
    consents: [...consents.values()],
    objection: state.objection,
    notes: activities.filter(a => a.kind === 'note'),
    activities: activities.filter(a => a.kind !== 'note'),
    deals,
    documents,
    shares,
    exports: audit.filter(e => e.outcome === 'ok' && EXPORT_ACTIONS.test(e.action)),
    audit,
    requests,
  };
}

/** How many items each section holds (for the audit entry and the CLI). */
export function subjectCounts(data: SubjectData): Record<string, number> {
  return {
    consents: data.consents.reduce((n, g) => n + g.records.length, 0),
    notes: data.notes.length,
    activities: data.activities.length,
    deals: data.deals.length,
    documents: data.documents.length,
    shares: data.shares.length,
    exports: data.exports.length,
    audit: data.audit.length,
    requests: data.requests.length,
  };
}
