/**
 * A contact's legal basis per purpose and objection (tables of migration 0024). Rows are only ever
 * added (a new basis) or stamped (withdrawal): the history of what the person agreed to stays.
 * Whether the caller may reach the contact is the handler's check (src-main/app/handlers).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  ConsentRecord,
  ContactConsentState,
  RecordConsentInput,
} from '../../../src-shared/privacy';
import { RecordError } from '../../crm/record/errors';
import { newRecordId } from '../../crm/record-id';
import type { Database, PrivacyConsentsTable } from '../../vault/schema';

/** A stored basis row as the domain type. */
export function rowToConsent(r: PrivacyConsentsTable): ConsentRecord {
  return {
    id: r.id,
    contactId: r.contact_id,
    purposeId: r.purpose_id,
    ground: r.ground,
    channel: r.channel,
    obtainedAt: r.obtained_at,
    textHash: r.text_hash,
    evidenceDocumentId: r.evidence_document_id,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    withdrawnAt: r.withdrawn_at,
    withdrawnBy: r.withdrawn_by,
  };
}

/** SHA-256 (hex) of a consent text, normalised (NFC, trimmed, LF): its version. */
export function consentTextHash(text: string): string {
  const tidy = text.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  return createHash('sha256').update(tidy, 'utf8').digest('hex');
}

async function activePurpose(db: Kysely<Database>, id: string) {
  const p = await db
    .selectFrom('privacy_purposes')
    .select(['id', 'name', 'ground'])
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!p) throw new RecordError('not_found', 'Purpose not found.', { field: 'purposeId' });
  return p;
}

/** The newest basis row of a contact for a purpose, or null. */
export async function currentConsent(
  db: Kysely<Database>,
  contactId: string,
  purposeId: string,
): Promise<ConsentRecord | null> {
  const row = await db
    .selectFrom('privacy_consents')
    .selectAll()
    .where('contact_id', '=', contactId)
    .where('purpose_id', '=', purposeId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? rowToConsent(row) : null;
}

/** Records a new basis for the pair (it becomes the current one). */
export async function recordConsent(
  db: Kysely<Database>,
  userId: string,
  input: RecordConsentInput,
  now: Date,
): Promise<ConsentRecord> {
  await activePurpose(db, input.purposeId);
  if (Date.parse(input.obtainedAt) > now.getTime() + 60_000) {
    throw new RecordError('invalid_input', 'obtainedAt: in the future', { fields: ['obtainedAt'] });
  }
  if (input.evidenceDocumentId !== undefined) {
    const doc = await db
      .selectFrom('documents')
      .select('id')
      .where('id', '=', input.evidenceDocumentId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!doc) {
      throw new RecordError('not_found', 'Document not found.', { field: 'evidenceDocumentId' });
    }
  }
  const row: PrivacyConsentsTable = {
    id: newRecordId(),
    contact_id: input.contactId,
    purpose_id: input.purposeId,
    ground: input.ground,
    channel: input.channel,
    obtained_at: new Date(input.obtainedAt).toISOString(),
    text_hash: input.consentText?.trim() ? consentTextHash(input.consentText) : null,
    evidence_document_id: input.evidenceDocumentId ?? null,
    recorded_by: userId,
    recorded_at: now.toISOString(),
    withdrawn_at: null,
    withdrawn_by: null,
  };
  await db.insertInto('privacy_consents').values(row).execute();
  return rowToConsent(row);
}

/** Withdraws the current basis of the pair (`conflict` when there is none or it is withdrawn). */
export async function withdrawConsent(
  db: Kysely<Database>,
  userId: string,
  contactId: string,
  purposeId: string,
  now: Date,
): Promise<{ before: ConsentRecord; after: ConsentRecord }> {
  const before = await currentConsent(db, contactId, purposeId);
  if (!before || before.withdrawnAt !== null) {
    throw new RecordError('conflict', 'There is no current consent to withdraw.', {
      reason: 'no_consent',
    });
  }
  const at = now.toISOString();
  await db
    .updateTable('privacy_consents')
    .set({ withdrawn_at: at, withdrawn_by: userId })
    .where('id', '=', before.id)
    .execute();
  return { before, after: { ...before, withdrawnAt: at, withdrawnBy: userId } };
}

/** Sets (keeping the first time) or clears a contact's objection; true when it changed. */
export async function setObjection(
  db: Kysely<Database>,
  userId: string,
  contactId: string,
  objected: boolean,
  now: Date,
): Promise<boolean> {
  if (!objected) {
    const r = await db
      .deleteFrom('privacy_objections')
      .where('contact_id', '=', contactId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
  const r = await db
    .insertInto('privacy_objections')
    .values({ contact_id: contactId, objected_at: now.toISOString(), recorded_by: userId })
    .onConflict(oc => oc.column('contact_id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The consent block of a contact: every active purpose with its current basis, the objection. */
export async function consentState(
  db: Kysely<Database>,
  contactId: string,
): Promise<ContactConsentState> {
  const purposes = await db
    .selectFrom('privacy_purposes')
    .select(['id', 'name', 'ground'])
    .where('archived_at', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .execute();
  const rows = await db
    .selectFrom('privacy_consents')
    .selectAll()
    .where('contact_id', '=', contactId)
    .orderBy('id', 'desc')
    .execute();
  const objection = await db
    .selectFrom('privacy_objections')
    .select(['objected_at', 'recorded_by'])
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
  return {
    contactId,
    objection: objection
      ? { objectedAt: objection.objected_at, recordedBy: objection.recorded_by }
      : null,
    purposes: purposes.map(purpose => {
      const mine = rows.filter(r => r.purpose_id === purpose.id);
      const newest = mine[0];
      return {
        purpose,
        current: newest ? rowToConsent(newest) : null,
        history: mine.length,
      };
    }),
  };
}
