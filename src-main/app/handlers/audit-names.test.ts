/**
 * `audit.names` through the router on a real vault: the audit log names a record only when its
 * reader may read it with their own grant and scope. A deleted record, another manager's client
 * (for a reader with "own" scope) and every record for an auditor without record grants stay ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyInputSchema } from '../../../src-shared/companies';
import { contactInputSchema } from '../../../src-shared/contacts';
import { dealInputSchema } from '../../../src-shared/deals/schema';
import { auditContract, type AuditRecordName } from '../../../src-shared/ipc/audit';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { createCompany } from '../../crm/companies';
import { createContact, deleteContact } from '../../crm/contacts';
import { createContactsTestVault } from '../../crm/contacts/contacts.test-support';
import { createDeal } from '../../crm/deals';
import type { OpenVault } from '../../vault';
import { composeTestApp, value, type TestApp } from './app.test-support';
import { auditHandlers } from './audit';

let vault: OpenVault;
let app: TestApp;
const refs: { entityType: string; entityId: string }[] = [];
let ids: Record<'annaContact' | 'borysContact' | 'deleted' | 'company' | 'deal', string>;

beforeAll(async () => {
  const t = await createContactsTestVault();
  vault = t.vault;
  app = composeTestApp({
    vault,
    staff: t.staff,
    contract: { audit: auditContract },
    handlers: ({ openVault }) => ({ audit: auditHandlers({ openVault }) }),
    sessionGuard: false,
  });
  const contact = async (owner: string, givenName: string, surname: string) =>
    (await createContact(t.db, { userId: owner }, contactInputSchema.parse({ givenName, surname })))
      .after.id;
  const annaContact = await contact(t.staff.anna, 'Олена', 'Шевчук');
  const borysContact = await contact(t.staff.borys, 'Петро', 'Мельник');
  const deleted = await contact(t.staff.anna, 'Ірина', 'Коваль');
  await deleteContact(t.db, { userId: t.staff.anna, teamId: null, scope: 'all' }, deleted);
  const company = (
    await createCompany(
      t.db,
      { userId: t.staff.anna },
      companyInputSchema.parse({ name: 'ТОВ Світанок' }),
    )
  ).after.id;
  const deal = (
    await createDeal(
      vault.db,
      { userId: t.staff.anna },
      {},
      dealInputSchema.parse({ title: 'Поставка' }),
    )
  ).after.id;
  ids = { annaContact, borysContact, deleted, company, deal };
  refs.push(
    { entityType: 'contact', entityId: annaContact },
    { entityType: 'contact', entityId: borysContact },
    { entityType: 'contact', entityId: deleted },
    { entityType: 'company', entityId: company },
    { entityType: 'deal', entityId: deal },
    { entityType: 'pipeline', entityId: 'pipeline-default' },
    { entityType: 'user', entityId: t.staff.anna },
  );
});

afterAll(() => vault.close());

async function namesAs(
  who: 'owner' | 'anna',
  grants?: Record<string, unknown>,
): Promise<Record<string, string>> {
  app.signInStaff(who, grants ? { role: 'custom-reader', grants } : {});
  const { names } = value<{ names: AuditRecordName[] }>(await app.call('audit.names', { refs }));
  return Object.fromEntries(names.map(n => [`${n.entityType}:${n.entityId}`, n.name]));
}

describe('audit.names', () => {
  it('names what the owner may read; a deleted record stays an id', async () => {
    expect(await namesAs('owner')).toEqual({
      [`contact:${ids.annaContact}`]: 'Шевчук Олена',
      [`contact:${ids.borysContact}`]: 'Мельник Петро',
      [`company:${ids.company}`]: 'ТОВ Світанок',
      [`deal:${ids.deal}`]: 'Поставка',
      'pipeline:pipeline-default': 'Продажі',
    });
  });

  it('a reader whose contacts grant is "own" learns no name of another manager’s client', async () => {
    const names = await namesAs('anna', { 'audit.read': true, 'contacts.read': 'own' });
    expect(names).toEqual({ [`contact:${ids.annaContact}`]: 'Шевчук Олена' });
  });

  it('an auditor (no record grants) gets ids only; without audit.read the call is refused', async () => {
    expect(await namesAs('anna', { ...BUILT_IN_GRANTS.auditor })).toEqual({});
    app.signInStaff('anna');
    const refused = await app.call('audit.names', { refs });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
  });
});
