/**
 * The composed app of the consent and export tests: contacts, records and privacy channels on a
 * real vault with two purposes (a newsletter on consent, contracts on contract), and shortcuts to
 * create a contact, export (for a purpose) and record a consent.
 */
import type { Contact } from '../../../src-shared/contacts';
import { contactsContract, type ContactExportResult } from '../../../src-shared/ipc/contacts';
import { recordsContract } from '../../../src-shared/ipc/records';
import { privacyContract } from '../../../src-shared/privacy/contract';
import { createContactsTestVault } from '../../crm/contacts/contacts.test-support';
import { composeTestApp, keepOpen, value } from './app.test-support';
import { contactsHandlers } from './contacts';
import { privacyHandlers } from './privacy';
import { recordsHandlers } from './records';

/** A purpose whose ground is consent. */
export const NEWSLETTER = '0190a000-0000-7000-8000-00000000a001';
/** A purpose whose ground is a contract. */
export const CONTRACTS = '0190a000-0000-7000-8000-00000000a002';

/** The app, its vault and staff, and the shortcuts. */
export async function consentApp() {
  const { vault, db, staff } = await keepOpen(createContactsTestVault());
  const at = new Date().toISOString();
  for (const [id, name, ground] of [
    [NEWSLETTER, 'Розсилка новин', 'consent'],
    [CONTRACTS, 'Виконання договору', 'contract'],
  ] as const) {
    await db
      .insertInto('privacy_purposes')
      .values({
        ...{ id, name, ground, categories: '[]', retention_text: '', recipients: '', high_risk: 0 },
        ...{ created_by: staff.owner, created_at: at, updated_at: at },
      })
      .execute();
  }
  const t = composeTestApp({
    vault,
    staff,
    contract: { contacts: contactsContract, privacy: privacyContract, records: recordsContract },
    handlers: ({ openVault }) => ({
      contacts: contactsHandlers({ openVault }),
      privacy: privacyHandlers({ openVault }),
      records: recordsHandlers({ openVault }),
    }),
  });
  const create = async (surname: string) =>
    value<Contact>(await t.call('contacts.create', { contact: { surname, givenName: 'Тест' } }));
  const exported = async (purposeId?: string) => {
    const r = value<ContactExportResult>(
      await t.call('contacts.export', { format: 'csv', ...(purposeId ? { purposeId } : {}) }),
    );
    if (r.status !== 'done') throw new Error('export waits for approval');
    return r.content;
  };
  const consent = (contactId: string, purposeId: string, extra: object = {}) =>
    t.call('privacy.recordConsent', {
      contactId,
      purposeId,
      ground: 'consent',
      channel: 'paper',
      obtainedAt: '2026-01-10T09:00:00.000Z',
      ...extra,
    });
  return { ...t, vault, staff, create, exported, consent };
}
