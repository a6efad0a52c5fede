/**
 * Who may reach a document: whoever's scope reaches the record it is attached to. The record check
 * is the record's own scoped SQL (contacts: shares count for `use`; companies: owner/team/all), so a
 * document of a record out of scope behaves exactly like a missing one (`not_found`).
 * Deleting needs more: the caller attached the document, or manages the record (owns it, or it is
 * in their team / all scope) — a share lets a colleague read a client's papers, not destroy them.
 */
import type { Database } from '../../vault/schema';
import { isRecordError } from '../record/errors';
import type { Kysely } from 'kysely';
import type { Scope } from '../../../src-shared/permissions';
import { getCompany } from '../companies';
import { getContact, type ScopeAccess } from '../contacts';
import { getDeal } from '../deals';
import { DocumentError } from './errors';
import type { DocumentsTable } from '../../vault/schema';
import type { RecordRef } from './tables';

/** The caller and the scope of the grant a document channel was allowed under. */
export interface DocumentViewer {
  userId: string;
  teamId: string | null;
  scope: Scope;
}

/** Throws `record_not_found` unless the live record is in the viewer's scope. */
export async function requireRecord(
  db: Kysely<Database>,
  viewer: DocumentViewer,
  record: RecordRef,
  access: ScopeAccess = 'use',
): Promise<{ ownerId: string }> {
  try {
    if (record.type === 'contact') {
      const contact = await getContact(db, viewer, record.id, { access });
      return { ownerId: contact.ownerId };
    }
    if (record.type === 'company') {
      const company = await getCompany(db, viewer, record.id);
      return { ownerId: company.ownerId };
    }
    const deal = await getDeal(db, viewer, record.id);
    return { ownerId: deal.ownerId };
  } catch (err) {
    if (isRecordError(err, 'not_found')) throw new DocumentError('record_not_found');
    throw err;
  }
}

/** True when the viewer may delete this document (see the module comment). */
export async function mayDelete(
  db: Kysely<Database>,
  viewer: DocumentViewer,
  row: DocumentsTable,
): Promise<boolean> {
  if (viewer.scope === 'all' || row.owner_id === viewer.userId) return true;
  try {
    await requireRecord(db, viewer, { type: row.record_type, id: row.record_id }, 'manage');
    return true;
  } catch (err) {
    if (err instanceof DocumentError) return false;
    throw err;
  }
}
