/**
 * `filter.custom` on the companies and deals lists (issue 18 point 7): the channel's schema takes
 * the conditions and the list SQL applies them on a real vault; a condition on another record
 * type's field is `invalid_input`, never ignored.
 */
import { describe, expect, it } from 'vitest';
import { companyListInputSchema } from '../../../src-shared/ipc/companies';
import { dealListInputSchema } from '../../../src-shared/ipc/deals';
import { listCompanies } from '../companies/list';
import { viewerOf } from '../contacts/contacts.test-support';
import { createDealsTestVault } from '../deals/deals.test-support';
import { listDeals } from '../deals/list';
import { closedAfterEach, rejection } from '../record/vaults.test-support';
import { createField } from './definitions';
import { setRecordValues } from './values';

const office = closedAfterEach(createDealsTestVault);

describe('custom field filter on companies and deals', () => {
  it('lists only the records whose values match, for companies and for deals', async () => {
    const t = await office();
    const { db, staff } = t;
    const all = viewerOf(staff.anna, 'all');
    const now = new Date();
    const branch = await createField(
      db,
      { recordType: 'company', label: 'Галузь', kind: 'choice', options: ['Хліб', 'Молоко'] },
      now,
    );
    const margin = await createField(
      db,
      { recordType: 'deal', label: 'Маржа', kind: 'number', options: [] },
      now,
    );
    const bakery = await t.company(staff.anna);
    const dairy = await t.company(staff.anna);
    await t.company(staff.anna);
    await setRecordValues(db, all, 'company', bakery, { [branch.id]: 'Хліб' }, { now });
    await setRecordValues(db, all, 'company', dairy, { [branch.id]: 'Молоко' }, { now });
    const small = await t.deal(staff.anna);
    const big = await t.deal(staff.anna);
    await t.deal(staff.anna);
    await setRecordValues(db, all, 'deal', small.id, { [margin.id]: 5 }, { now });
    await setRecordValues(db, all, 'deal', big.id, { [margin.id]: 40 }, { now });

    const companies = await listCompanies(
      db,
      all,
      companyListInputSchema.parse({
        filter: { custom: [{ fieldId: branch.id, equals: 'Хліб' }] },
      }),
    );
    expect(companies.items.map(c => c.id)).toEqual([bakery]);
    const deals = await listDeals(
      db,
      all,
      dealListInputSchema.parse({ filter: { custom: [{ fieldId: margin.id, min: 10 }] } }),
    );
    expect(deals.items.map(d => d.id)).toEqual([big.id]);

    // Another record type's field: refused, not silently matching every deal.
    const refused = await rejection(
      listDeals(
        db,
        all,
        dealListInputSchema.parse({ filter: { custom: [{ fieldId: branch.id, equals: 'Хліб' }] } }),
      ),
    );
    expect(refused).toMatchObject({ code: 'invalid_input' });
  });
});
