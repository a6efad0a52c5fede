/**
 * Companies on a real vault: what each member of staff can read and change, keyset pages in
 * alphabet order, the text filter, optimistic concurrency and soft delete.
 */
import { closedAfterEach } from '../record/vaults.test-support';
import { isRecordError } from '../record/errors';
import { describe, expect, it } from 'vitest';
import {
  companyInputSchema,
  companyPatchSchema,
  type CompanyInput,
} from '../../../src-shared/companies';
import { createContactsTestVault, viewerOf } from '../contacts/contacts.test-support';
import { listCompanies } from './list';
import {
  createCompany,
  deleteCompany,
  getCompany,
  reassignCompany,
  updateCompany,
} from './repository';

const open = closedAfterEach(createContactsTestVault);

async function setup() {
  const t = await open();
  return { ...t, db: t.vault.db };
}

function input(raw: Record<string, unknown>): CompanyInput {
  return companyInputSchema.parse(raw);
}

const BAKERY = {
  name: 'ТОВ «Пекарня Світанок»',
  edrpou: '32855961',
  phones: [{ number: '044 123 45 67' }],
};

async function expectCode(promise: Promise<unknown>, code: string) {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isRecordError(error) ? error.code : error).toBe(code);
}

describe('companies repository', () => {
  it('creates a company owned by its creator, with before null and the stored fields after', async () => {
    const { db, staff } = await setup();
    const { before, after } = await createCompany(db, { userId: staff.anna }, input(BAKERY));
    expect(before).toBeNull();
    expect(after).toMatchObject({
      name: 'ТОВ «Пекарня Світанок»',
      edrpou: '32855961',
      rnokpp: null,
      phones: [{ e164: '+380441234567' }],
      ownerId: staff.anna,
      ownerName: 'ANNA',
      deletedAt: null,
    });
  });

  it('a manager reaches only their own; team and all scopes reach further; others get not_found', async () => {
    const { db, staff } = await setup();
    const anna = (await createCompany(db, { userId: staff.anna }, input(BAKERY))).after;
    const borys = (await createCompany(db, { userId: staff.borys }, input({ name: 'Будмайстер' })))
      .after;

    const names = async (viewer: ReturnType<typeof viewerOf>) =>
      (await listCompanies(db, viewer, { sort: 'name', direction: 'asc', limit: 50 })).items.map(
        c => c.id,
      );
    expect(await names(viewerOf(staff.borys, 'own'))).toEqual([borys.id]);
    expect(await names(viewerOf(staff.vira, 'own'))).toEqual([]);
    expect(await names(viewerOf(staff.vira, 'team', 'north'))).toEqual([anna.id]);
    expect(await names(viewerOf(staff.head, 'all'))).toEqual([borys.id, anna.id]);

    const borysViewer = viewerOf(staff.borys, 'own');
    await expectCode(getCompany(db, borysViewer, anna.id), 'not_found');
    await expectCode(
      updateCompany(db, borysViewer, anna.id, { notes: 'x' }, anna.updatedAt),
      'not_found',
    );
    await expectCode(deleteCompany(db, borysViewer, anna.id), 'not_found');
    await expectCode(reassignCompany(db, borysViewer, anna.id, staff.borys), 'not_found');
    // Nothing changed for Anna.
    expect(await getCompany(db, viewerOf(staff.anna, 'own'), anna.id)).toEqual(anna);
  });

  it('pages by keyset in Ukrainian alphabet order, ignoring the legal form', async () => {
    const { db, staff } = await setup();
    const names = [
      'ТОВ «Яблуко»',
      'ФОП Іваненко',
      'Ґанок',
      'ПП «Єва»',
      'Вітрило',
      'Абетка',
      'Жнива',
    ];
    for (const name of names) await createCompany(db, { userId: staff.anna }, input({ name }));
    const viewer = viewerOf(staff.anna, 'own');
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listCompanies(db, viewer, {
        sort: 'name',
        direction: 'asc',
        limit: 3,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map(c => c.name));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([
      'Абетка',
      'Вітрило',
      'Ґанок',
      'ПП «Єва»',
      'Жнива',
      'ФОП Іваненко',
      'ТОВ «Яблуко»',
    ]);
    await expect(
      listCompanies(db, viewer, { sort: 'updated', direction: 'desc', limit: 3, cursor: 'bad' }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('finds a company by words of its name, its ЄДРПОУ or its phone', async () => {
    const { db, staff } = await setup();
    const bakery = (await createCompany(db, { userId: staff.anna }, input(BAKERY))).after;
    await createCompany(
      db,
      { userId: staff.anna },
      input({ name: 'Будмайстер', rnokpp: '1759013776' }),
    );
    const viewer = viewerOf(staff.anna, 'own');
    const find = async (text: string) =>
      (
        await listCompanies(db, viewer, {
          sort: 'name',
          direction: 'asc',
          limit: 10,
          filter: { text },
        })
      ).items.map(c => c.name);
    expect(await find('пекарня')).toEqual([bakery.name]);
    expect(await find('3285')).toEqual([bakery.name]);
    expect(await find('044 123')).toEqual([bakery.name]);
    expect(await find('1759013776')).toEqual(['Будмайстер']);
    expect(await find('світанок будмайстер')).toEqual([]);
  });

  it('refuses a stale edit (conflict) and keeps the newer one; before/after name the change', async () => {
    const { db, staff } = await setup();
    const created = (await createCompany(db, { userId: staff.anna }, input(BAKERY))).after;
    const viewer = viewerOf(staff.anna, 'own');
    const first = await updateCompany(
      db,
      viewer,
      created.id,
      companyPatchSchema.parse({ website: 'svitanok.ua' }),
      created.updatedAt,
    );
    expect(first.before?.website).toBeNull();
    expect(first.after.website).toBe('https://svitanok.ua');
    await expectCode(
      updateCompany(db, viewer, created.id, { website: null }, created.updatedAt),
      'conflict',
    );
    expect((await getCompany(db, viewer, created.id)).website).toBe('https://svitanok.ua');
  });

  it('soft delete hides the company from lists and reads but keeps the row', async () => {
    const { db, staff, vault } = await setup();
    const created = (await createCompany(db, { userId: staff.anna }, input(BAKERY))).after;
    const viewer = viewerOf(staff.anna, 'own');
    const { after } = await deleteCompany(db, viewer, created.id);
    expect(after.deletedAt).not.toBeNull();
    expect(
      (await listCompanies(db, viewer, { sort: 'name', direction: 'asc', limit: 10 })).items,
    ).toEqual([]);
    await expectCode(getCompany(db, viewer, created.id), 'not_found');
    expect((await getCompany(db, viewer, created.id, { includeDeleted: true })).deletedAt).toBe(
      after.deletedAt,
    );
    const row = vault.sqlite.prepare('SELECT count(*) AS n FROM companies').get() as { n: number };
    expect(row.n).toBe(1);
  });

  it('reassigns only to an active user', async () => {
    const { db, staff } = await setup();
    const created = (await createCompany(db, { userId: staff.anna }, input(BAKERY))).after;
    const head = viewerOf(staff.head, 'all');
    await expectCode(reassignCompany(db, head, created.id, staff.gone), 'invalid_input');
    const { after } = await reassignCompany(db, head, created.id, staff.borys);
    expect(after.ownerId).toBe(staff.borys);
    await expectCode(getCompany(db, viewerOf(staff.anna, 'own'), created.id), 'not_found');
  });

  it('the database itself refuses a malformed ЄДРПОУ written around the checks', async () => {
    const { db, staff, vault } = await setup();
    const created = (await createCompany(db, { userId: staff.anna }, input(BAKERY))).after;
    expect(() =>
      vault.sqlite
        .prepare('UPDATE companies SET edrpou = ? WHERE id = ?')
        .run('12ab5678', created.id),
    ).toThrow(/CHECK/);
  });
});
