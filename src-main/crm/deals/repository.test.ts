/**
 * Deals on a real vault: who reads and changes what (scope in SQL), money kept exact, keyset pages,
 * stage moves with won/lost, optimistic concurrency, soft delete, links only to readable records.
 */
import { closedAfterEach, rejection as failure } from '../record/vaults.test-support';
import { isRecordError } from '../record/errors';
import { describe, expect, it } from 'vitest';
import { dealInputSchema, dealPatchSchema } from '../../../src-shared/deals';
import { viewerOf } from '../contacts/contacts.test-support';
import { dealBoard, listDeals } from './list';
import { createDeal, deleteDeal, getDeal, moveDeal, reassignDeal, updateDeal } from './repository';

import { createDealsTestVault } from './deals.test-support';

const setup = closedAfterEach(createDealsTestVault);

describe('deals repository', () => {
  it('creates a deal in the default pipeline with exact money and the stage probability', async () => {
    const { deal, staff } = await setup();
    const d = await deal(staff.anna, { amountMinor: 100_000_000_000_000 - 1 });
    expect(d).toMatchObject({
      title: 'Поставка борошна',
      amountMinor: 99_999_999_999_999,
      currency: 'UAH',
      stageId: 'stage-new',
      stageName: 'Нова',
      pipelineId: 'pipeline-default',
      probability: 10,
      outcome: 'open',
      ownerId: staff.anna,
      lostReason: null,
    });
  });

  it('keeps other managers out: get, list, update, move and delete all say not_found', async () => {
    const { db, deal, staff } = await setup();
    const d = await deal(staff.anna);
    const borys = viewerOf(staff.borys, 'own');
    expect(isRecordError(await failure(getDeal(db, borys, d.id)), 'not_found')).toBe(true);
    const page = await listDeals(db, borys, { sort: 'updated', direction: 'desc', limit: 50 });
    expect(page.items).toEqual([]);
    const patch = dealPatchSchema.parse({ title: 'Чуже' });
    expect(
      isRecordError(
        await failure(updateDeal(db, borys, {}, d.id, patch, d.updatedAt)),
        'not_found',
      ),
    ).toBe(true);
    const move = { stageId: 'stage-won', expectedUpdatedAt: d.updatedAt };
    expect(isRecordError(await failure(moveDeal(db, borys, d.id, move)), 'not_found')).toBe(true);
    expect(isRecordError(await failure(deleteDeal(db, borys, d.id)), 'not_found')).toBe(true);
    // A teammate with scope team sees it; the head with all sees it.
    expect((await getDeal(db, viewerOf(staff.vira, 'team', 'north'), d.id)).id).toBe(d.id);
    expect(await getDeal(db, viewerOf(staff.borys, 'team', 'south'), d.id).catch(() => null)).toBe(
      null,
    );
    expect((await getDeal(db, viewerOf(staff.head, 'all'), d.id)).title).toBe('Поставка борошна');
  });

  it('links only to contacts and companies the caller can read', async () => {
    const { db, staff, contact, company, ownLinks } = await setup();
    const mine = await contact(staff.anna);
    const theirs = await contact(staff.borys);
    const theirCompany = await company(staff.borys);
    const ok = await createDeal(
      db,
      { userId: staff.anna },
      ownLinks(staff.anna),
      dealInputSchema.parse({ title: 'Торт', contactId: mine }),
    );
    expect(ok.after.contactName).toBe('Олена Шевченко');
    for (const link of [{ contactId: theirs }, { companyId: theirCompany }]) {
      const err = await failure(
        createDeal(
          db,
          { userId: staff.anna },
          ownLinks(staff.anna),
          dealInputSchema.parse({ title: 'Чужий клієнт', ...link }),
        ),
      );
      expect(isRecordError(err, 'not_found')).toBe(true);
    }
    // Without a contacts.read grant no contact is linkable.
    const err = await failure(
      createDeal(
        db,
        { userId: staff.anna },
        {},
        dealInputSchema.parse({ title: 'x', contactId: mine }),
      ),
    );
    expect(isRecordError(err, 'not_found')).toBe(true);
    const page = await listDeals(db, viewerOf(staff.anna, 'own'), {
      sort: 'updated',
      direction: 'desc',
      limit: 50,
    });
    expect(page.items.map(i => i.title)).toEqual(['Торт']);
  });

  it('moves through stages, needs a reason to lose, clears it when reopened', async () => {
    const { db, deal, staff } = await setup();
    const d = await deal(staff.anna);
    const anna = viewerOf(staff.anna, 'own');
    const moved = await moveDeal(db, anna, d.id, {
      stageId: 'stage-proposal',
      expectedUpdatedAt: d.updatedAt,
    });
    expect(moved.before?.stageId).toBe('stage-new');
    expect(moved.after).toMatchObject({
      stageId: 'stage-proposal',
      probability: 50,
      closedAt: null,
    });

    const err = await failure(
      moveDeal(db, anna, d.id, { stageId: 'stage-lost', expectedUpdatedAt: moved.after.updatedAt }),
    );
    expect(err).toMatchObject({
      code: 'invalid_input',
      details: { codes: [{ field: 'lostReason', code: 'deal.lost_reason_required' }] },
    });
    expect(await getDeal(db, anna, d.id)).toEqual(moved.after);

    const lost = await moveDeal(db, anna, d.id, {
      stageId: 'stage-lost',
      expectedUpdatedAt: moved.after.updatedAt,
      lostReason: 'Обрали іншого постачальника',
    });
    expect(lost.after).toMatchObject({
      outcome: 'lost',
      probability: 0,
      lostReason: 'Обрали іншого постачальника',
    });
    expect(lost.after.closedAt).not.toBeNull();
    const reopened = await moveDeal(db, anna, d.id, {
      stageId: 'stage-negotiation',
      expectedUpdatedAt: lost.after.updatedAt,
    });
    expect(reopened.after).toMatchObject({ outcome: 'open', lostReason: null, closedAt: null });
    // A stale token is a conflict.
    const stale = await failure(
      moveDeal(db, anna, d.id, { stageId: 'stage-won', expectedUpdatedAt: d.updatedAt }),
    );
    expect(isRecordError(stale, 'conflict')).toBe(true);
  });

  it('edits with optimistic concurrency, soft deletes and reassigns', async () => {
    const { db, deal, staff } = await setup();
    const d = await deal(staff.anna);
    const anna = viewerOf(staff.anna, 'own');
    const edit = await updateDeal(
      db,
      anna,
      {},
      d.id,
      dealPatchSchema.parse({ amountMinor: 5000, currency: 'EUR', expectedClose: '2027-02-28' }),
      d.updatedAt,
    );
    expect(edit.after).toMatchObject({
      amountMinor: 5000,
      currency: 'EUR',
      expectedClose: '2027-02-28',
    });
    const stale = await failure(
      updateDeal(db, anna, {}, d.id, dealPatchSchema.parse({ title: 'Інше' }), d.updatedAt),
    );
    expect(isRecordError(stale, 'conflict')).toBe(true);
    const dismissed = await failure(
      reassignDeal(db, viewerOf(staff.head, 'all'), d.id, staff.gone),
    );
    expect(isRecordError(dismissed, 'invalid_input')).toBe(true);
    const given = await reassignDeal(db, viewerOf(staff.head, 'all'), d.id, staff.vira);
    expect(given.after.ownerId).toBe(staff.vira);
    const removed = await deleteDeal(db, viewerOf(staff.vira, 'own'), d.id);
    expect(removed.after.deletedAt).not.toBeNull();
    expect(
      isRecordError(await failure(getDeal(db, viewerOf(staff.vira, 'own'), d.id)), 'not_found'),
    ).toBe(true);
  });
});

describe('deal list and board', () => {
  it('pages by keyset in amount order without repeats', async () => {
    const { db, deal, staff } = await setup();
    for (let i = 0; i < 7; i++)
      await deal(staff.anna, { title: `Угода ${i}`, amountMinor: (i % 3) * 100 });
    const anna = viewerOf(staff.anna, 'own');
    const seen: number[] = [];
    const ids = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await listDeals(db, anna, {
        sort: 'amount',
        direction: 'asc',
        limit: 3,
        cursor,
      });
      for (const item of page.items) {
        seen.push(item.amountMinor);
        ids.add(item.id);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([0, 0, 0, 100, 100, 200, 200]);
    expect(ids.size).toBe(7);
    await expect(
      listDeals(db, anna, { sort: 'title', direction: 'asc', limit: 3, cursor: 'bm9wZQ' }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('filters by stage, currency and text', async () => {
    const { db, deal, staff } = await setup();
    await deal(staff.anna, { title: 'Борошно для пекарні', currency: 'PLN' });
    await deal(staff.anna, { title: 'Цукор', stageId: 'stage-won' });
    const anna = viewerOf(staff.anna, 'own');
    const q = (filter: object) =>
      listDeals(db, anna, { sort: 'title', direction: 'asc', limit: 50, filter }).then(p =>
        p.items.map(i => i.title),
      );
    expect(await q({ currency: 'PLN' })).toEqual(['Борошно для пекарні']);
    expect(await q({ stageId: 'stage-won' })).toEqual(['Цукор']);
    expect(await q({ outcome: 'won' })).toEqual(['Цукор']);
    expect(await q({ text: 'пекарн' })).toEqual(['Борошно для пекарні']);
  });

  it('gives each column its first cards, count and per-currency totals in scope', async () => {
    const { db, deal, staff } = await setup();
    await deal(staff.anna, { amountMinor: 100 });
    await deal(staff.anna, { amountMinor: 250 });
    await deal(staff.anna, { amountMinor: 5000, currency: 'USD' });
    await deal(staff.borys, { amountMinor: 999999 });
    const board = await dealBoard(db, viewerOf(staff.anna, 'own'), {
      pipelineId: 'pipeline-default',
      limit: 2,
    });
    expect(board.pipeline.stages.map(s => s.name)).toEqual([
      'Нова',
      'Кваліфікація',
      'Пропозиція',
      'Переговори',
      'Виграно',
      'Програно',
    ]);
    const first = board.columns[0];
    expect(first?.count).toBe(3);
    expect(first?.items).toHaveLength(2);
    expect(first?.nextCursor).not.toBeNull();
    expect(first?.totals).toEqual([
      { currency: 'UAH', amountMinor: 350 },
      { currency: 'USD', amountMinor: 5000 },
    ]);
    const more = await listDeals(db, viewerOf(staff.anna, 'own'), {
      sort: 'updated',
      direction: 'desc',
      filter: { stageId: 'stage-new' },
      cursor: first?.nextCursor ?? undefined,
      limit: 2,
    });
    expect(more.items).toHaveLength(1);
    expect(board.columns.slice(1).every(c => c.count === 0 && c.totals.length === 0)).toBe(true);
  });
});
