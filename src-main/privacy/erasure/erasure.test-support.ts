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

/** A sole proprietor's card for {@link CANARY}: its name, tax number and phone are hers. */
export const CANARY_COMPANY = `ФОП ${CANARY} Зоряна`;
/** Her РНОКПП (a valid checksum), planted in the card. */
export const CANARY_RNOKPP = '1759013776';

/**
 * Plants a company card that is a person: an edit, a note on it, a document with her name in the
 * file name, a contact and a deal linked to it (other records, kept by an erasure).
 */
export async function plantCompanyCanary(app: ZamokApp) {
  const company = await ok<{ id: string; updatedAt: string }>(
    call(app, 'companies.create', {
      company: {
        name: CANARY_COMPANY,
        rnokpp: CANARY_RNOKPP,
        phones: [{ number: '+380671112299' }],
        notes: `Картка ${CANARY}`,
      },
    }),
  );
  await ok(
    call(app, 'companies.update', {
      id: company.id,
      expectedUpdatedAt: company.updatedAt,
      patch: { legalAddress: `м. Львів, вул. ${CANARY}а, 1` },
    }),
  );
  const note = await ok<{ id: string }>(
    call(app, 'activities.create', {
      activity: { kind: 'note', subject: `${CANARY}: борг`, companyId: company.id },
    }),
  );
  const start = await ok<TransferTicket>(
    call(app, 'documents.startUpload', {
      record: { type: 'company', id: company.id },
      file: { name: `виписка ${CANARY}.pdf`, size: TINY_PDF.length },
    }),
  );
  const upload = documentTransfers.take(start.ticket, 'upload');
  if (!upload) throw new Error('no upload ticket');
  await upload.receive(streamOf(TINY_PDF));
  const document = await ok<{ id: string }>(
    call(app, 'documents.finishUpload', { ticket: start.ticket }),
  );
  const linked = await ok<Contact>(
    call(app, 'contacts.create', {
      contact: { surname: 'Бухгалтерова', givenName: 'Інна', companyId: company.id },
    }),
  );
  return { companyId: company.id, noteId: note.id, documentId: document.id, linked };
}
