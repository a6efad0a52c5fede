/**
 * The company and deal lists' view filters on a real vault (issue 18, point 6): date created for
 * both, amount range for deals, each applied next to the scope (a manager's filter never reaches a
 * colleague's records), and the `deals.list` / `companies.list` inputs accept them.
 */
import { describe, expect, it } from 'vitest';
import { companyListInputSchema } from '../../../src-shared/ipc/companies';
import { dealListInputSchema } from '../../../src-shared/ipc/deals';
import { viewerOf } from '../contacts/contacts.test-support';
import { listCompanies } from '../companies/list';
import { createDealsTestVault } from '../deals/deals.test-support';
import { listDeals } from '../deals/list';
import { closedAfterEach } from './vaults.test-support';

const open = closedAfterEach(createDealsTestVault);

/** Moves a record's `created_at` (what the clock said when it was made). */
function createdAt(t: Awaited<ReturnType<typeof open>>, table: string, id: string, at: string) {
  t.vault.sqlite.prepare(`UPDATE ${table} SET created_at = ? WHERE id = ?`).run(at, id);
}

describe('list view filters of companies and deals', () => {
  it('deals: amount range (inclusive) and date created, within the scope', async () => {
    const t = await open();
    const small = await t.deal(t.staff.anna, { title: 'Мала', amountMinor: 50_000 });
    const middle = await t.deal(t.staff.anna, { title: 'Середня', amountMinor: 1_000_000 });
    const big = await t.deal(t.staff.anna, { title: 'Велика', amountMinor: 9_000_000 });
    const theirs = await t.deal(t.staff.borys, { title: 'Чужа', amountMinor: 1_000_000 });
    createdAt(t, 'deals', small.id, '2026-10-15T10:00:00.000Z');
    createdAt(t, 'deals', middle.id, '2026-11-10T10:00:00.000Z');
    createdAt(t, 'deals', big.id, '2026-11-20T10:00:00.000Z');
    createdAt(t, 'deals', theirs.id, '2026-11-10T10:00:00.000Z');
    const titles = async (filter: object, scope: 'own' | 'all' = 'own') =>
      (
        await listDeals(t.db, viewerOf(t.staff.anna, scope), {
          ...dealListInputSchema.parse({ filter }),
        })
      ).items
        .map(d => d.title)
        .sort();

    expect(await titles({ amountMin: 1_000_000, amountMax: 9_000_000 })).toEqual([
      'Велика',
      'Середня',
    ]);
    expect(await titles({ amountMax: 999_999 })).toEqual(['Мала']);
    const november = {
      createdFrom: '2026-11-01T00:00:00+02:00',
      createdBefore: '2026-12-01T00:00:00+02:00',
    };
    expect(await titles(november)).toEqual(['Велика', 'Середня']);
    expect(await titles({ ...november, amountMax: 1_000_000 })).toEqual(['Середня']);
    // The same filter for a wider scope reaches the colleague's deal; a manager's never does.
    expect(await titles({ ...november, amountMax: 1_000_000 }, 'all')).toEqual(['Середня', 'Чужа']);
  });

  it('companies: date created, within the scope', async () => {
    const t = await open();
    const old = await t.company(t.staff.anna);
    const fresh = await t.company(t.staff.anna);
    const theirs = await t.company(t.staff.borys);
    createdAt(t, 'companies', old, '2026-01-05T10:00:00.000Z');
    createdAt(t, 'companies', fresh, '2026-11-05T10:00:00.000Z');
    createdAt(t, 'companies', theirs, '2026-11-05T10:00:00.000Z');
    const ids = async (filter: object, scope: 'own' | 'all' = 'own') =>
      (
        await listCompanies(
          t.db,
          viewerOf(t.staff.anna, scope),
          companyListInputSchema.parse({ filter }),
        )
      ).items
        .map(c => c.id)
        .sort();
    const november = { createdFrom: '2026-11-01T00:00:00.000Z' };
    expect(await ids(november)).toEqual([fresh]);
    expect(await ids(november, 'all')).toEqual([fresh, theirs].sort());
    expect(await ids({ createdBefore: '2026-11-01T00:00:00.000Z' })).toEqual([old]);
  });

  it('refuses a negative or fractional amount bound before any SQL', () => {
    expect(dealListInputSchema.safeParse({ filter: { amountMin: -1 } }).success).toBe(false);
    expect(dealListInputSchema.safeParse({ filter: { amountMax: 1.5 } }).success).toBe(false);
  });
});
