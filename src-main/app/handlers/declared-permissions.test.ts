/**
 * The second permissions the contacts and companies channels declare (`also`, `grants`), through a
 * router composed like the app's (audit wrapper → permission wrapper → handler) on a real vault:
 * each refusal keeps its code and message and is audited as denied (with the entity when the
 * handler named it first), and the declared grants decide what the handlers reach. Sessions carry
 * chosen grants (no session guard here, so a grant can be taken away between two calls).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Company } from '../../../src-shared/companies';
import type { Contact, ContactListPage } from '../../../src-shared/contacts';
import { companiesContract } from '../../../src-shared/ipc/companies';
import { searchContract } from '../../../src-shared/ipc/search';
import { contactsContract } from '../../../src-shared/ipc/contacts';
import type { Grants } from '../../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { listAudit } from '../../audit';
import { createContactsTestVault } from '../../crm/contacts/contacts.test-support';
import { SEARCH_SOURCES } from '../../crm/search';
import { createExportRequest, decideExportRequest } from '../../guard/approvals';
import type { OpenVault } from '../../vault';
import { closeTestVaults, composeTestApp, keepOpen, value } from './app.test-support';
import { companiesHandlers } from './companies';
import { contactsHandlers } from './contacts';

const DELETED_CONTACTS = 'Your role does not allow seeing deleted contacts.';
const DELETED_COMPANIES = 'Your role does not allow seeing deleted companies.';

afterEach(closeTestVaults);

async function app() {
  const { vault, staff } = await keepOpen(createContactsTestVault());
  const { state, call } = composeTestApp({
    vault,
    staff,
    contract: { contacts: contactsContract, companies: companiesContract },
    handlers: ({ openVault }) => ({
      contacts: contactsHandlers({ openVault }),
      companies: companiesHandlers({ openVault }),
    }),
    sessionGuard: false,
  });
  /** A caller: each of its calls runs signed in as `userId` with exactly `grants`. */
  function as(userId: string, grants: Grants) {
    const session = { userId, login: userId, role: 'custom-test', grants, teamId: null };
    return (channel: string, input: unknown) => {
      state.signIn(vault, session);
      return call(channel, input);
    };
  }
  return { vault, staff, as };
}

/** The newest audit entries, oldest first, as [action, outcome, entity, details.error]. */
async function lastEntries(vault: OpenVault, count: number) {
  const { entries } = await listAudit(vault.db, { limit: count });
  return entries
    .reverse()
    .map(e => [e.action, e.outcome, e.entityType, e.entityId, e.details?.error ?? null]);
}

describe('deleted records need contacts.restore (declared also)', () => {
  it('refuses a head with the exact messages, audits each as denied, and lets the owner see them', async () => {
    const { vault, staff, as } = await app();
    const owner = as(staff.owner, BUILT_IN_GRANTS.owner);
    const contact = value<Contact>(
      await owner('contacts.create', { contact: { surname: 'Коваль', givenName: 'Олена' } }),
    );
    value(await owner('contacts.delete', { id: contact.id }));
    const company = value<Company>(await owner('companies.create', { company: { name: 'Хліб' } }));
    value(await owner('companies.delete', { id: company.id }));

    const head = as(staff.head, BUILT_IN_GRANTS.head);
    const refusals: [string, unknown, string][] = [
      ['contacts.list', { filter: { includeDeleted: true } }, DELETED_CONTACTS],
      ['contacts.get', { id: contact.id, includeDeleted: true }, DELETED_CONTACTS],
      ['contacts.export', { format: 'csv', filter: { includeDeleted: true } }, DELETED_CONTACTS],
      ['companies.list', { filter: { includeDeleted: true } }, DELETED_COMPANIES],
    ];
    for (const [channel, input, message] of refusals) {
      expect(await head(channel, input), channel).toEqual({
        ok: false,
        error: { code: 'forbidden', message },
      });
    }
    expect(await lastEntries(vault, 4)).toEqual([
      ['contacts.list', 'denied', null, null, 'forbidden'],
      ['contacts.get', 'denied', null, null, 'forbidden'],
      ['contacts.export', 'denied', null, null, 'forbidden'],
      ['companies.list', 'denied', null, null, 'forbidden'],
    ]);
    // Without includeDeleted the same head is served (the condition does not apply).
    expect(value<ContactListPage>(await head('contacts.list', {})).items).toEqual([]);

    const back = as(staff.owner, BUILT_IN_GRANTS.owner);
    const trash = value<ContactListPage>(
      await back('contacts.list', { filter: { includeDeleted: true } }),
    );
    expect(trash.items.map(c => c.id)).toEqual([contact.id]);
    expect(
      value<Contact>(await back('contacts.get', { id: contact.id, includeDeleted: true }))
        .deletedAt,
    ).not.toBeNull();
    const companies = value<{ items: Company[] }>(
      await back('companies.list', { filter: { includeDeleted: true } }),
    );
    expect(companies.items.map(c => c.id)).toEqual([company.id]);
  });

  it('checks an approved export request again when it runs: without contacts.restore it is refused and stays unused', async () => {
    const { vault, staff, as } = await app();
    const owner = as(staff.owner, BUILT_IN_GRANTS.owner);
    const contact = value<Contact>(
      await owner('contacts.create', { contact: { surname: 'Бондар', givenName: 'Іра' } }),
    );
    value(await owner('contacts.delete', { id: contact.id }));
    const request = createExportRequest(
      vault.sqlite,
      {
        userId: staff.head,
        selection: { filter: { includeDeleted: true }, locale: 'uk' },
        count: 1,
        format: 'csv',
      },
      new Date(),
    );
    decideExportRequest(vault.sqlite, request.id, 'approved', staff.owner, new Date());

    // The head asked while allowed to see deleted contacts; the grant is gone when the file runs.
    const head = as(staff.head, BUILT_IN_GRANTS.head);
    expect(await head('contacts.exportRequest', { requestId: request.id })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: DELETED_CONTACTS },
    });
    const { entries } = await listAudit(vault.db, { limit: 1 });
    expect(entries[0]).toMatchObject({
      action: 'contacts.export_request',
      outcome: 'denied',
      entityType: 'export_request',
      entityId: request.id,
      details: { requestId: request.id, approvedCount: 1, error: 'forbidden' },
    });
    expect(value(await head('contacts.exportStatus', { requestId: request.id }))).toMatchObject({
      status: 'approved',
    });

    const restorer = as(staff.head, { ...BUILT_IN_GRANTS.head, 'contacts.restore': true });
    const file = value<{ status: string; count: number; content: string }>(
      await restorer('contacts.exportRequest', { requestId: request.id }),
    );
    expect(file).toMatchObject({ status: 'done', count: 1 });
    expect(file.content).toContain('Бондар');
  });
});

describe('declared grants reach the handlers', () => {
  it("companies.contacts lists a company's contacts only as far as the caller's contacts.read reaches", async () => {
    const { staff, as } = await app();
    const owner = as(staff.owner, BUILT_IN_GRANTS.owner);
    const company = value<Company>(await owner('companies.create', { company: { name: 'Млин' } }));
    const contact = value<Contact>(
      await owner('contacts.create', {
        contact: { surname: 'Мельник', givenName: 'Петро', companyId: company.id },
      }),
    );
    const companiesOnly = as(staff.owner, { 'companies.read': 'all' });
    expect(value(await companiesOnly('companies.contacts', { id: company.id }))).toEqual({
      items: [],
      nextCursor: null,
    });
    const both = as(staff.owner, { 'companies.read': 'all', 'contacts.read': 'all' });
    const page = value<ContactListPage>(await both('companies.contacts', { id: company.id }));
    expect(page.items.map(c => c.id)).toEqual([contact.id]);
    // A contact shows its company only to a caller whose companies.read reaches it.
    const contactsOnly = as(staff.owner, { 'contacts.read': 'all' });
    expect(
      value<Contact>(await contactsOnly('contacts.get', { id: contact.id })).company,
    ).toBeNull();
    expect(value<Contact>(await both('contacts.get', { id: contact.id })).company).toMatchObject({
      id: company.id,
    });
  });

  it('companies.restore needs a companies.read scope; the refused attempt names the company', async () => {
    const { vault, staff, as } = await app();
    const owner = as(staff.owner, BUILT_IN_GRANTS.owner);
    const company = value<Company>(await owner('companies.create', { company: { name: 'Кузня' } }));
    value(await owner('companies.delete', { id: company.id }));

    const restoreOnly = as(staff.owner, { 'contacts.restore': true });
    expect(await restoreOnly('companies.restore', { id: company.id })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Your role does not allow this.' },
    });
    expect(await lastEntries(vault, 1)).toEqual([
      ['companies.restore', 'denied', 'company', company.id, 'forbidden'],
    ]);
    const restorer = as(staff.owner, { 'contacts.restore': true, 'companies.read': 'own' });
    const back = value<Company>(await restorer('companies.restore', { id: company.id }));
    expect(back.deletedAt).toBeNull();
  });
});

describe('declared grants cover what the services read', () => {
  it('search.query declares the read permission of every search source (a new source needs one)', () => {
    expect([...(searchContract.query.grants ?? [])].sort()).toEqual(
      SEARCH_SOURCES.map(source => source.permission).sort(),
    );
  });
});
