/**
 * Bulk actions on deals through the composed router on a real vault (issue 18, point 6): a role
 * whose `deals.reassign` reaches only its own or its team's deals cannot move a deal beyond that
 * scope in a bulk request (the whole request is refused, nothing changes, no outbox rows), while
 * the same request within scope moves each deal with its own `deals.reassign` entry; a bulk delete
 * of deals writes one `deals.delete` entry per deal and soft-deletes them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BulkResult } from '../../../src-shared/ipc/bulk';
import type { Grants } from '../../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { closeTestVaults, value } from './app.test-support';
import { bulkAudits, bulkTestApp } from './bulk.test-support';

afterEach(closeTestVaults);

/** A manager's role with a custom role's `deals.reassign` of `scope` (chosen by the owner). */
function managerWith(scope: 'own' | 'team'): Grants {
  return { ...BUILT_IN_GRANTS.manager, 'deals.reassign': scope };
}

describe('bulk actions on deals', () => {
  it('a manager with deals.reassign own cannot bulk-reassign a colleague’s deal', async () => {
    const t = await bulkTestApp({ sessionGuard: false });
    const mine = await t.deal(t.staff.anna);
    const theirs = await t.deal(t.staff.borys);
    const outbox = t.outbox().length;
    const call = t.as('anna', { role: 'manager', grants: managerWith('own'), teamId: 'north' });
    const refused = await call('bulk.reassign', {
      type: 'deals',
      ids: [mine.id, theirs.id],
      ownerId: t.staff.vira,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'not_found', details: { reason: 'bulk_refused', id: theirs.id, index: 1 } },
    });
    expect(t.owners('deals', [mine.id, theirs.id])).toEqual([t.staff.anna, t.staff.borys]);
    expect(t.outbox().length).toBe(outbox);
    const entries = await bulkAudits(t);
    expect(entries.filter(e => e.action === 'deals.reassign')).toEqual([]);
    expect(entries.find(e => e.action === 'bulk.reassign')).toMatchObject({
      outcome: 'failed',
      entityType: 'deal',
    });

    const moved = await call('bulk.reassign', {
      type: 'deals',
      ids: [mine.id],
      ownerId: t.staff.vira,
    });
    expect(value<BulkResult>(moved)).toEqual({ type: 'deals', requested: 1, changed: 1 });
    expect(t.owners('deals', [mine.id])).toEqual([t.staff.vira]);
  });

  it('a team scope reaches the team’s deals and refuses another team’s', async () => {
    const t = await bulkTestApp({ sessionGuard: false });
    const vira = await t.deal(t.staff.vira);
    const borys = await t.deal(t.staff.borys);
    const call = t.as('anna', { role: 'manager', grants: managerWith('team'), teamId: 'north' });
    const refused = await call('bulk.reassign', {
      type: 'deals',
      ids: [vira.id, borys.id],
      ownerId: t.staff.anna,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(t.owners('deals', [vira.id, borys.id])).toEqual([t.staff.vira, t.staff.borys]);

    const ok = await call('bulk.reassign', {
      type: 'deals',
      ids: [vira.id],
      ownerId: t.staff.anna,
    });
    expect(value<BulkResult>(ok).changed).toBe(1);
    const each = (await bulkAudits(t)).filter(e => e.action === 'deals.reassign');
    expect(each.map(e => [e.entityId, e.changes?.ownerId?.after])).toEqual([
      [vira.id, t.staff.anna],
    ]);
  });

  it('bulk delete soft-deletes the chosen deals with one deals.delete entry each', async () => {
    const t = await bulkTestApp();
    const ids = [(await t.deal(t.staff.anna)).id, (await t.deal(t.staff.anna)).id];
    const result = await t.as('anna')('bulk.delete', { type: 'deals', ids });
    expect(value<BulkResult>(result)).toEqual({ type: 'deals', requested: 2, changed: 2 });
    const live = t.vault.sqlite
      .prepare('SELECT count(*) AS n FROM deals WHERE deleted_at IS NULL')
      .get() as { n: number };
    expect(live.n).toBe(0);
    const entries = await bulkAudits(t);
    expect(
      entries
        .filter(e => e.action === 'deals.delete')
        .map(e => e.entityId)
        .sort(),
    ).toEqual([...ids].sort());
    expect(entries.find(e => e.action === 'bulk.delete')?.details).toMatchObject({
      type: 'deals',
      count: 2,
      changed: 2,
    });
  });
});
