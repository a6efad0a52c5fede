/**
 * Custom fields shown in lists (migration 0041): a page of the contacts, companies or deals list carries
 * the values of the fields the owner marked "show in list" and no others; archiving a shown field
 * or unmarking it takes its value off the rows again.
 */
import { describe, expect, it } from 'vitest';
import { companyListInputSchema } from '../../../src-shared/ipc/companies';
import { contactListInputSchema } from '../../../src-shared/ipc/contacts';
import { dealListInputSchema } from '../../../src-shared/ipc/deals';
import { listCompanies } from '../companies/list';
import { viewerOf } from '../contacts/contacts.test-support';
import { listContacts } from '../contacts/list';
import { dealBoard, listDeals } from '../deals/list';
import { createDealsTestVault } from '../deals/deals.test-support';
import { closedAfterEach } from '../record/vaults.test-support';
import { createField, setArchived, updateField } from './definitions';
import { setRecordValues } from './values';

const office = closedAfterEach(createDealsTestVault);

describe('custom fields in list rows', () => {
  it('a contacts page carries only the values of the fields shown in the list', async () => {
    const t = await office();
    const { db, staff } = t;
    const all = viewerOf(staff.anna, 'all');
    const now = new Date();
    const budget = await createField(
      db,
      { recordType: 'contact', label: 'Бюджет', kind: 'number', options: [], showInList: true },
      now,
    );
    const secret = await createField(
      db,
      { recordType: 'contact', label: 'Примітка', kind: 'text', options: [] },
      now,
    );
    expect(budget.showInList).toBe(true);
    expect(secret.showInList).toBe(false);
    const olena = await t.contact(staff.anna);
    const bare = await t.contact(staff.anna);
    await setRecordValues(
      db,
      all,
      'contact',
      olena,
      { [budget.id]: 1200, [secret.id]: 'x' },
      { now },
    );

    const list = async () =>
      new Map(
        (await listContacts(db, all, contactListInputSchema.parse({}))).items.map(c => [
          c.id,
          c.custom,
        ]),
      );
    let rows = await list();
    expect(rows.get(olena)).toEqual({ [budget.id]: 1200 });
    expect(rows.get(bare)).toEqual({});

    // Unmarked: the value leaves the rows; marked again, then archived: gone as well.
    const { after } = await updateField(db, { id: budget.id, showInList: false }, now);
    expect(after.showInList).toBe(false);
    rows = await list();
    expect(rows.get(olena)).toEqual({});
    await updateField(db, { id: secret.id, showInList: true }, now);
    await setArchived(db, secret.id, true, now);
    expect((await list()).get(olena)).toEqual({});
  });

  it('a companies page carries the shown values too', async () => {
    const t = await office();
    const { db, staff } = t;
    const all = viewerOf(staff.anna, 'all');
    const now = new Date();
    const branch = await createField(
      db,
      { recordType: 'company', label: 'Галузь', kind: 'choice', options: ['Хліб'] },
      now,
    );
    await updateField(db, { id: branch.id, showInList: true }, now);
    const bakery = await t.company(staff.anna);
    await setRecordValues(db, all, 'company', bakery, { [branch.id]: 'Хліб' }, { now });
    const page = await listCompanies(db, all, companyListInputSchema.parse({}));
    expect(page.items.find(c => c.id === bakery)?.custom).toEqual({ [branch.id]: 'Хліб' });
  });

  it('a deals page (and a board card) carries only the shown values', async () => {
    const t = await office();
    const { db, staff } = t;
    const all = viewerOf(staff.anna, 'all');
    const now = new Date();
    const paid = await createField(
      db,
      { recordType: 'deal', label: 'Оплачено', kind: 'yesno', options: [], showInList: true },
      now,
    );
    const inner = await createField(
      db,
      { recordType: 'deal', label: 'Внутрішня примітка', kind: 'text', options: [] },
      now,
    );
    const deal = await t.deal(staff.anna);
    await setRecordValues(db, all, 'deal', deal.id, { [paid.id]: true, [inner.id]: 'x' }, { now });
    const page = await listDeals(db, all, dealListInputSchema.parse({}));
    expect(page.items.find(d => d.id === deal.id)?.custom).toEqual({ [paid.id]: true });
    const board = await dealBoard(db, all, { pipelineId: deal.pipelineId, limit: 20 });
    const card = board.columns.flatMap(c => c.items).find(d => d.id === deal.id);
    expect(card?.custom).toEqual({ [paid.id]: true });
  });
});
