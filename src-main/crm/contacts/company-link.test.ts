/**
 * Contacts linked to companies, on a real vault: a link only to a live company the caller may read
 * (anything else is `not_found` and writes nothing), the company shown only to readers whose scope
 * reaches it, deleted companies keep their links, and a company's contacts as a list filter.
 */
import { closedAfterEach } from '../record/vaults.test-support';
import { isRecordError } from '../record/errors';
import { describe, expect, it } from 'vitest';
import { companyInputSchema } from '../../../src-shared/companies';
import { contactInputSchema, contactPatchSchema } from '../../../src-shared/contacts';
import { createCompany, deleteCompany } from '../companies';
import { listContacts } from './list';
import { createContact, getContact, updateContact } from './repository';

import { createContactsTestVault, viewerOf } from './contacts.test-support';

const open = closedAfterEach(createContactsTestVault);

async function setup() {
  const t = await open();
  const companies = t.vault.db;
  const company = async (ownerId: string, name: string) =>
    (await createCompany(companies, { userId: ownerId }, companyInputSchema.parse({ name }))).after;
  return { ...t, companies, company };
}

const OLENA = { surname: 'Коваль', givenName: 'Олена' };

async function codeOf(promise: Promise<unknown>): Promise<unknown> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return isRecordError(error) ? error.code : error;
}

describe('contact → company link', () => {
  it('links a contact to a company the creator may read, and shows its name', async () => {
    const { db, staff, company } = await setup();
    const bakery = await company(staff.anna, 'Пекарня Світанок');
    const { after } = await createContact(
      db,
      { userId: staff.anna, teamId: 'north', companyScope: 'own' },
      contactInputSchema.parse({ ...OLENA, companyId: bakery.id }),
    );
    expect(after.companyId).toBe(bakery.id);
    expect(after.company).toEqual({ id: bakery.id, name: 'Пекарня Світанок', deletedAt: null });
  });

  it('refuses a link to another manager’s company, a deleted one or any without companies.read, writing nothing', async () => {
    const { db, staff, company, companies, vault } = await setup();
    const borys = await company(staff.borys, 'Будмайстер');
    const gone = await company(staff.anna, 'Закрита');
    await deleteCompany(companies, viewerOf(staff.anna, 'own'), gone.id);
    const anna = { userId: staff.anna, teamId: 'north', companyScope: 'own' as const };
    for (const [actor, companyId] of [
      [anna, borys.id],
      [anna, gone.id],
      [anna, '00000000-0000-0000-0000-000000000000'],
      [{ userId: staff.anna }, borys.id],
    ] as const) {
      const input = contactInputSchema.parse({ ...OLENA, companyId });
      expect(await codeOf(createContact(db, actor, input))).toBe('not_found');
    }
    const count = vault.sqlite.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number };
    expect(count.n).toBe(0);
  });

  it('an edit may unlink, may not relink to an unreadable company, and keeps a link it does not touch', async () => {
    const { db, staff, company } = await setup();
    const own = await company(staff.anna, 'Пекарня Світанок');
    const other = await company(staff.borys, 'Будмайстер');
    const viewer = { ...viewerOf(staff.anna, 'own', 'north'), companyScope: 'own' as const };
    const created = (
      await createContact(db, viewer, contactInputSchema.parse({ ...OLENA, companyId: own.id }))
    ).after;
    const relink = contactPatchSchema.parse({ companyId: other.id });
    expect(await codeOf(updateContact(db, viewer, created.id, relink, created.updatedAt))).toBe(
      'not_found',
    );
    const notes = await updateContact(
      db,
      viewer,
      created.id,
      contactPatchSchema.parse({ notes: 'дзвонила' }),
      created.updatedAt,
    );
    expect(notes.after.companyId).toBe(own.id);
    const unlinked = await updateContact(
      db,
      viewer,
      created.id,
      contactPatchSchema.parse({ companyId: null }),
      notes.after.updatedAt,
    );
    expect(unlinked.before?.companyId).toBe(own.id);
    expect(unlinked.after).toMatchObject({ companyId: null, company: null });
  });

  it('shows the company only to readers whose companies.read reaches it; a deleted one as deleted', async () => {
    const { db, staff, company, companies } = await setup();
    const bakery = await company(staff.anna, 'Пекарня Світанок');
    const contact = (
      await createContact(
        db,
        { userId: staff.anna, companyScope: 'own' },
        contactInputSchema.parse({ ...OLENA, companyId: bakery.id }),
      )
    ).after;
    const head = await getContact(
      db,
      { ...viewerOf(staff.head, 'all'), companyScope: 'all' },
      contact.id,
    );
    expect(head.company?.name).toBe('Пекарня Світанок');
    // A reader with the contact but without the company in scope sees the id, not the name.
    const narrow = await getContact(
      db,
      { ...viewerOf(staff.head, 'all'), companyScope: 'own' },
      contact.id,
    );
    expect(narrow).toMatchObject({ companyId: bakery.id, company: null });

    await deleteCompany(companies, viewerOf(staff.anna, 'own'), bakery.id);
    const after = await getContact(
      db,
      { ...viewerOf(staff.anna, 'own'), companyScope: 'own' },
      contact.id,
    );
    expect(after.company).toMatchObject({ id: bakery.id, name: 'Пекарня Світанок' });
    expect(after.company?.deletedAt).not.toBeNull();
  });

  it('lists a company’s contacts within the reader’s contacts scope', async () => {
    const { db, staff, company } = await setup();
    const bakery = await company(staff.head, 'Пекарня Світанок');
    const head = { userId: staff.head, companyScope: 'all' as const };
    const mine = (
      await createContact(db, head, contactInputSchema.parse({ ...OLENA, companyId: bakery.id }))
    ).after;
    const theirs = (
      await createContact(
        db,
        { userId: staff.anna, companyScope: 'all' },
        contactInputSchema.parse({ surname: 'Бойко', givenName: 'Ігор', companyId: bakery.id }),
      )
    ).after;
    await createContact(
      db,
      head,
      contactInputSchema.parse({ surname: 'Інший', givenName: 'Клієнт' }),
    );
    const page = async (viewer: ReturnType<typeof viewerOf>) =>
      (
        await listContacts(db, viewer, {
          sort: 'name',
          direction: 'asc',
          limit: 50,
          filter: { companyId: bakery.id },
        })
      ).items.map(c => c.id);
    expect(await page(viewerOf(staff.head, 'all'))).toEqual([theirs.id, mine.id]);
    expect(await page(viewerOf(staff.anna, 'own'))).toEqual([theirs.id]);
    expect(await page(viewerOf(staff.borys, 'own'))).toEqual([]);
  });
});
