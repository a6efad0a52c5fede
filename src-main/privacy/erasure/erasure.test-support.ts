/**
 * Test-only: a vault with its owner signed in through the composed app, and a person planted in
 * every place personal data lives — the contact (name, e-mail, phone, notes), an edit (audit
 * before/after), a note and a call about them, a document with their name in the file name, a deal
 * linked to them, and the search index — so an erasure test can look for the canary everywhere.
 */
import type { Contact } from '../../../src-shared/contacts';
import type { TransferTicket } from '../../../src-shared/ipc/documents';
import { call, ok, ownerSignedIn } from '../../app/handlers/audit.fixture';
import type { ZamokApp } from '../../app/compose';
import { documentTransfers } from '../../crm/documents';
import { streamOf, TINY_PDF } from '../../crm/documents/documents.test-support';

/** A surname no other test data holds; every planted place carries it. */
export const CANARY = 'Канарейченко';
/** The canary's e-mail (ASCII, so a raw scan finds it byte for byte too). */
export const CANARY_EMAIL = 'zoriana.kanareichenko@example.com';

/** Plants a person named {@link CANARY}; returns the contact and the ids planted with it. */
export async function plantCanary(app: ZamokApp, surname = CANARY, email = CANARY_EMAIL) {
  const contact = await ok<Contact>(
    call(app, 'contacts.create', {
      contact: {
        surname,
        givenName: 'Зоряна',
        emails: [email],
        phones: [{ number: '+380671112233' }],
        notes: `Примітка про ${surname}`,
      },
    }),
  );
  const edited = await ok<Contact>(
    call(app, 'contacts.update', {
      id: contact.id,
      expectedUpdatedAt: contact.updatedAt,
      patch: { notes: `Оновлено: ${surname} просить передзвонити` },
    }),
  );
  const note = await ok<{ id: string }>(
    call(app, 'activities.create', {
      activity: {
        kind: 'note',
        subject: `${surname}: діагноз`,
        body: `${surname} має алергію`,
        contactId: contact.id,
      },
    }),
  );
  const start = await ok<TransferTicket>(
    call(app, 'documents.startUpload', {
      record: { type: 'contact', id: contact.id },
      file: { name: `паспорт ${surname}.pdf`, size: TINY_PDF.length },
    }),
  );
  const upload = documentTransfers.take(start.ticket, 'upload');
  if (!upload) throw new Error('no upload ticket');
  await upload.receive(streamOf(TINY_PDF));
  const document = await ok<{ id: string }>(
    call(app, 'documents.finishUpload', { ticket: start.ticket }),
  );
  return { contact: edited, noteId: note.id, documentId: document.id };
}

/** The owner signed in on a fresh vault (see ownerSignedIn). */
export { ownerSignedIn };
