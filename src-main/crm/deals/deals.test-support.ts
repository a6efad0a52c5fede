/**
 * Test-only: a real vault with the contacts test staff, and short ways to add deals, contacts and
 * companies for deal tests.
 */
import { companyInputSchema } from '../../../src-shared/companies';
import { contactInputSchema } from '../../../src-shared/contacts';
import { dealInputSchema, type Deal } from '../../../src-shared/deals';
import { createCompany } from '../companies/repository';
import { createContact } from '../contacts/repository';
import { createContactsTestVault, viewerOf } from '../contacts/contacts.test-support';
import type { LinkScopes } from './links';
import { createDeal } from './repository';

/** A fresh vault with the contacts test staff and a deal-tables handle. Close `vault` when done. */
export async function createDealsTestVault() {
  const t = await createContactsTestVault();
  const db = t.vault.db;
  /** Link scopes like a manager's (own contacts, own companies). */
  const ownLinks = (userId: string): LinkScopes => ({
    contacts: viewerOf(userId, 'own'),
    companies: viewerOf(userId, 'own'),
  });
  async function deal(ownerId: string, fields: Record<string, unknown> = {}): Promise<Deal> {
    const input = dealInputSchema.parse({
      title: 'Поставка борошна',
      amountMinor: 1250050,
      ...fields,
    });
    return (await createDeal(db, { userId: ownerId }, ownLinks(ownerId), input)).after;
  }
  async function contact(ownerId: string): Promise<string> {
    const input = contactInputSchema.parse({ surname: 'Шевченко', givenName: 'Олена' });
    return (await createContact(db, { userId: ownerId }, input)).after.id;
  }
  async function company(ownerId: string): Promise<string> {
    const input = companyInputSchema.parse({ name: 'Пекарня Світанок' });
    return (await createCompany(db, { userId: ownerId }, input)).after.id;
  }
  return { ...t, accounts: t.db, db, ownLinks, deal, contact, company };
}
