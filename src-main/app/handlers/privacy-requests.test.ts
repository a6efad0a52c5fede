/**
 * Subject access through the composed app on a real vault: a person seeded in contacts, activities
 * (a note and a call), deals, documents, shares and consents comes out of the export with every
 * section filled, the document's own bytes inside the ZIP and a readable Ukrainian page; the export
 * is audited with counts, never the person's data. The request register keeps the 30-day deadline.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { activitiesContract } from '../../../src-shared/ipc/activities';
import { contactsContract } from '../../../src-shared/ipc/contacts';
import { dealsContract, pipelinesContract } from '../../../src-shared/ipc/deals';
import {
  documentsContract,
  type DocumentInfo,
  type TransferTicket,
} from '../../../src-shared/ipc/documents';
import type { ReportFile } from '../../../src-shared/ipc/reports';
import type { Contact } from '../../../src-shared/contacts';
import type { PrivacyRequest, RequestList } from '../../../src-shared/privacy';
import { privacyContract } from '../../../src-shared/privacy/contract';
import { createContactsTestVault } from '../../crm/contacts/contacts.test-support';
import { createTransferRegistry } from '../../crm/documents';
import { TINY_PDF, streamOf } from '../../crm/documents/documents.test-support';
import { closeTestVaults, composeTestApp, keepOpen, value } from './app.test-support';
import { activitiesHandlers } from './activities';
import { contactsHandlers } from './contacts';
import { dealsHandlers } from './deals';
import { documentsHandlers } from './documents';
import { privacyHandlers } from './privacy';

afterEach(closeTestVaults);

const NOW = new Date('2026-05-04T09:00:00.000Z');
const PURPOSE = '0190a000-0000-7000-8000-00000000b001';

async function app() {
  const { vault, db, staff } = await keepOpen(createContactsTestVault());
  const transfers = createTransferRegistry();
  const t = composeTestApp({
    vault,
    staff,
    contract: {
      contacts: contactsContract,
      activities: activitiesContract,
      deals: dealsContract,
      pipelines: pipelinesContract,
      documents: documentsContract,
      privacy: privacyContract,
    },
    handlers: ({ openVault }) => ({
      contacts: contactsHandlers({ openVault }),
      activities: activitiesHandlers({ openVault }),
      ...dealsHandlers({ openVault }),
      documents: documentsHandlers({ openVault, transfers }),
      privacy: privacyHandlers({ openVault, now: () => NOW }),
    }),
  });
  const at = NOW.toISOString();
  await db
    .insertInto('privacy_purposes')
    .values({
      ...{ id: PURPOSE, name: 'Розсилка новин', ground: 'consent', categories: '[]' },
      ...{ retention_text: '', recipients: '', high_risk: 0 },
      ...{ created_by: staff.owner, created_at: at, updated_at: at },
    })
    .execute();
  /** A person in every table the export reads. */
  async function seedPerson(): Promise<Contact> {
    const { call } = t;
    const person = value<Contact>(
      await call('contacts.create', {
        contact: {
          surname: 'Канарейкова',
          givenName: 'Ярина',
          phones: [{ number: '+380671234567' }],
        },
      }),
    );
    const contactId = person.id;
    value(
      await call('activities.create', {
        activity: { kind: 'note', subject: 'Нотатка', body: 'Алергія на пеніцилін', contactId },
      }),
    );
    value(
      await call('activities.create', {
        activity: { kind: 'call', subject: 'Дзвінок щодо договору', contactId },
      }),
    );
    value(await call('deals.create', { deal: { title: 'Договір оренди', contactId } }));
    const { ticket } = value<TransferTicket>(
      await call('documents.startUpload', {
        record: { type: 'contact', id: contactId },
        file: { name: 'паспорт.pdf', size: TINY_PDF.length },
      }),
    );
    await transfers.take(ticket, 'upload')?.receive(streamOf(TINY_PDF));
    value<DocumentInfo>(await call('documents.finishUpload', { ticket }));
    value(await call('contacts.share', { id: contactId, userId: staff.anna }));
    value(
      await call('privacy.recordConsent', {
        contactId,
        purposeId: PURPOSE,
        ground: 'consent',
        channel: 'paper',
        obtainedAt: '2026-04-01T09:00:00.000Z',
      }),
    );
    return person;
  }
  return { ...t, vault, staff, seedPerson };
}

describe('subject access', () => {
  it('exports a person seeded in every table with every section, files and a Ukrainian page', async () => {
    const { signInStaff, call, seedPerson, vault } = await app();
    signInStaff('owner');
    const person = await seedPerson();
    const request = value<PrivacyRequest>(
      await call('privacy.createRequest', {
        request: { contactId: person.id, kind: 'access', receivedAt: '2026-05-01T10:00:00.000Z' },
      }),
    );
    expect(request.dueAt).toBe('2026-05-31T10:00:00.000Z');
    const file = value<ReportFile & { counts: Record<string, number> }>(
      await call('privacy.exportSubject', { contactId: person.id, lang: 'uk' }),
    );
    const zip = unzipSync(Buffer.from(file.base64 ?? '', 'base64'));
    const data = JSON.parse(strFromU8(zip['subject.json'] ?? new Uint8Array())) as Record<
      string,
      unknown[]
    > & { contact: Contact };
    expect(data.contact.surname).toBe('Канарейкова');
    for (const section of [
      'notes',
      'activities',
      'deals',
      'documents',
      'shares',
      'consents',
      'audit',
      'requests',
    ]) {
      expect(data[section]?.length, section).toBeGreaterThan(0);
    }
    const [doc] = data.documents as { path: string }[];
    expect(Buffer.from(zip[doc?.path ?? ''] ?? new Uint8Array()).equals(TINY_PDF)).toBe(true);
    const html = strFromU8(zip['index.html'] ?? new Uint8Array());
    for (const words of [
      'Відомості про персональні дані',
      'Канарейкова',
      'Алергія на пеніцилін',
      'Договір оренди',
      'Розсилка новин',
      'Згода суб’єкта',
    ]) {
      expect(html).toContain(words);
    }
    // Audited on the contact with counts only.
    const entry = vault.sqlite
      .prepare<[], { entity_id: string; details: string }>(
        `SELECT entity_id, details FROM audit_log WHERE action = 'privacy.export_subject'`,
      )
      .get();
    expect(entry?.entity_id).toBe(person.id);
    expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({
      notes: 1,
      activities: 1,
      deals: 1,
      documents: 1,
      shares: 1,
    });
    expect(entry?.details).not.toContain('Канарейкова');
  });

  it('the request register counts what is overdue; a manager cannot export a person', async () => {
    const { signInStaff, call, seedPerson } = await app();
    signInStaff('owner');
    const person = await seedPerson();
    value(
      await call('privacy.createRequest', {
        request: { contactId: person.id, kind: 'access', receivedAt: '2026-04-01T10:00:00.000Z' },
      }),
    );
    const list = value<RequestList>(await call('privacy.listRequests', {}));
    expect(list).toMatchObject({ overdue: 1, dueSoon: 0 });
    const [open] = list.items;
    const answered = value<PrivacyRequest>(
      await call('privacy.updateRequest', { id: open?.id, patch: { status: 'answered' } }),
    );
    expect(answered.answeredAt).toBe(NOW.toISOString());
    signInStaff('borys');
    const refused = await call('privacy.exportSubject', { contactId: person.id });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
  });
});
