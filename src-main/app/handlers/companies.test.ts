/**
 * The company channels (and the contact → company link) through a router composed like the app's
 * (audit wrapper → session guard → permission → handler) on a real vault: what each role gets back,
 * and what the audit log keeps.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Company, CompanyListPage } from '../../../src-shared/companies';
import type { Contact, ContactListPage } from '../../../src-shared/contacts';
import { companiesContract } from '../../../src-shared/ipc/companies';
import { contactsContract } from '../../../src-shared/ipc/contacts';
import { listAudit } from '../../audit';
import { createContactsTestVault, type TestStaff } from '../../crm/contacts/contacts.test-support';
import { closeTestVaults, composeTestApp, keepOpen, value } from './app.test-support';
import { companiesHandlers } from './companies';
import { contactsHandlers } from './contacts';

afterEach(closeTestVaults);

async function app() {
  const { vault, staff } = await keepOpen(createContactsTestVault());
  const { call, signInStaff } = composeTestApp({
    vault,
    staff,
    contract: { companies: companiesContract, contacts: contactsContract },
    handlers: ({ openVault }) => ({
      companies: companiesHandlers({ openVault }),
      contacts: contactsHandlers({ openVault }),
    }),
  });
  function as(who: keyof TestStaff) {
    signInStaff(who);
    return { call };
  }
  return { vault, staff, as };
}

const BAKERY = {
  company: {
    name: 'ТОВ «Пекарня Світанок»',
    edrpou: '32855961',
    phones: [{ number: '044 123 45 67' }],
  },
};

describe('companies channels', () => {
  it('refuses an impossible ЄДРПОУ with its translated code, before the handler, writing nothing', async () => {
    const { vault, as } = await app();
    const result = await as('anna').call('companies.create', {
      company: { ...BAKERY.company, edrpou: '32855968' },
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        details: { codes: [{ field: 'company.edrpou', code: 'company.edrpou_checksum' }] },
      },
    });
    const n = vault.sqlite.prepare('SELECT count(*) AS n FROM companies').get() as { n: number };
    expect(n.n).toBe(0);
  });

  it('a manager does not see another manager’s company in the list, by id, or through a contact link', async () => {
    const { vault, as } = await app();
    const bakery = value<Company>(await as('anna').call('companies.create', BAKERY));
    const borys = as('borys');
    expect(value<CompanyListPage>(await borys.call('companies.list', {})).items).toEqual([]);
    const missing = await borys.call('companies.get', {
      id: '00000000-0000-0000-0000-000000000000',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await borys.call('companies.get', { id: bakery.id })).toEqual(missing);
    expect(await borys.call('companies.contacts', { id: bakery.id })).toEqual(missing);
    // Linking his contact to her company is the same not_found, and nothing is written.
    const link = await borys.call('contacts.create', {
      contact: { surname: 'Бойко', givenName: 'Ігор', companyId: bakery.id },
    });
    expect(link).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const n = vault.sqlite.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number };
    expect(n.n).toBe(0);
  });

  it('a company page lists its contacts within the caller’s contacts scope; a deleted company keeps its links', async () => {
    const { as } = await app();
    const bakery = value<Company>(await as('head').call('companies.create', BAKERY));
    const headContact = value<Contact>(
      await as('head').call('contacts.create', {
        contact: { surname: 'Коваль', givenName: 'Олена', companyId: bakery.id },
      }),
    );
    expect(headContact.company).toEqual({ id: bakery.id, name: bakery.name, deletedAt: null });
    // The owner reads every company, so she may link her own contact to the head's company.
    const ownerContact = value<Contact>(
      await as('owner').call('contacts.create', {
        contact: { surname: 'Бойко', givenName: 'Ігор', companyId: bakery.id },
      }),
    );
    const ids = async (who: keyof TestStaff) =>
      value<ContactListPage>(await as(who).call('companies.contacts', { id: bakery.id })).items.map(
        c => c.id,
      );
    expect(await ids('head')).toEqual([ownerContact.id, headContact.id]);
    expect(await ids('owner')).toEqual([ownerContact.id, headContact.id]);

    value(await as('head').call('companies.delete', { id: bakery.id }));
    expect(value<CompanyListPage>(await as('head').call('companies.list', {})).items).toEqual([]);
    const stillLinked = value<Contact>(
      await as('head').call('contacts.get', { id: headContact.id }),
    );
    expect(stillLinked.company?.deletedAt).not.toBeNull();
    const page = value<Company>(
      await as('head').call('companies.get', { id: bakery.id, includeDeleted: true }),
    );
    expect(page.deletedAt).not.toBeNull();
  });

  it('records every change with field-level before/after; a stale edit fails without changes; reads are not recorded', async () => {
    const { vault, staff, as } = await app();
    const anna = as('anna');
    const created = value<Company>(await anna.call('companies.create', BAKERY));
    const edited = value<Company>(
      await anna.call('companies.update', {
        id: created.id,
        patch: { edrpou: '00032129', website: 'svitanok.com.ua' },
        expectedUpdatedAt: created.updatedAt,
      }),
    );
    const stale = await anna.call('companies.update', {
      id: created.id,
      patch: { notes: 'інше' },
      expectedUpdatedAt: created.updatedAt,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    value(await anna.call('companies.get', { id: created.id }));
    value(await anna.call('companies.list', {}));
    value(await as('head').call('companies.reassign', { id: created.id, ownerId: staff.vira }));

    const { entries } = await listAudit(vault.db, { limit: 20, entityId: created.id });
    const oldestFirst = [...entries].reverse();
    expect(oldestFirst.map(e => [e.action, e.outcome, e.entityType])).toEqual([
      ['companies.create', 'ok', 'company'],
      ['companies.update', 'ok', 'company'],
      ['companies.update', 'failed', 'company'],
      ['companies.reassign', 'ok', 'company'],
    ]);
    const [create, update, failed, reassign] = oldestFirst;
    expect(create?.changes).toMatchObject({
      name: { before: null, after: 'ТОВ «Пекарня Світанок»' },
      edrpou: { before: null, after: '32855961' },
    });
    expect(update?.changes).toEqual({
      edrpou: { before: '32855961', after: '00032129' },
      website: { before: null, after: 'https://svitanok.com.ua' },
    });
    expect(failed?.changes).toBeNull();
    expect(reassign?.changes).toEqual({ ownerId: { before: staff.anna, after: staff.vira } });
    expect(edited.updatedAt > created.updatedAt).toBe(true);
  });
});
