/**
 * The deal and pipeline channels through a router composed like the app's (audit wrapper → session
 * guard → permission → handler) on a real vault: what each role gets back, the translated field
 * codes of bad input, links only to readable records, and what the audit log keeps of a stage move.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Deal, Pipeline } from '../../../src-shared/deals';
import { dealsContract, pipelinesContract } from '../../../src-shared/ipc/deals';
import { listAudit } from '../../audit';
import type { TestStaff } from '../../crm/contacts/contacts.test-support';
import { createDealsTestVault } from '../../crm/deals/deals.test-support';
import { closeTestVaults, composeTestApp, keepOpen, value } from './app.test-support';
import { dealsHandlers } from './deals';

afterEach(closeTestVaults);

async function app() {
  const t = await keepOpen(createDealsTestVault());
  const { call, signInStaff } = composeTestApp({
    vault: t.vault,
    staff: t.staff,
    contract: { deals: dealsContract, pipelines: pipelinesContract },
    handlers: ({ openVault }) => dealsHandlers({ openVault }),
  });
  function as(who: keyof TestStaff) {
    signInStaff(who);
    return call;
  }
  return { ...t, as };
}

describe('deal channels', () => {
  it('answers bad input with translated field codes and stores nothing', async () => {
    const { as, db } = await app();
    const call = as('anna');
    const bad = await call('deals.create', {
      deal: { title: '  ', amountMinor: 12.5, currency: 'RUB', expectedClose: '2027-02-30' },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        details: {
          codes: expect.arrayContaining([
            { field: 'deal.title', code: 'deal.title_required' },
            { field: 'deal.amountMinor', code: 'deal.amount_format' },
            { field: 'deal.currency', code: 'deal.currency_invalid' },
            { field: 'deal.expectedClose', code: 'deal.date_invalid' },
          ]),
        },
      },
    });
    expect(await db.selectFrom('deals').select('id').execute()).toEqual([]);
  });

  it('links a deal only to a contact the caller can read', async () => {
    const { as, contact, staff } = await app();
    const mine = await contact(staff.anna);
    const theirs = await contact(staff.borys);
    const call = as('anna');
    const ok = value<Deal>(
      await call('deals.create', { deal: { title: 'Торт на весілля', contactId: mine } }),
    );
    expect(ok.contactName).toBe('Олена Шевченко');
    const refused = await call('deals.create', { deal: { title: 'Чуже', contactId: theirs } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // The head reads every contact, so may link Borys's.
    const head = as('head');
    expect(
      value<Deal>(await head('deals.create', { deal: { title: 'Спільне', contactId: theirs } }))
        .contactId,
    ).toBe(theirs);
  });

  it('audits a stage move with the stage before and after; lost needs a reason', async () => {
    const { as, vault } = await app();
    const call = as('anna');
    const d = value<Deal>(
      await call('deals.create', { deal: { title: 'Поставка борошна', amountMinor: 1250050 } }),
    );
    const moved = value<Deal>(
      await call('deals.move', {
        id: d.id,
        stageId: 'stage-negotiation',
        expectedUpdatedAt: d.updatedAt,
      }),
    );
    const noReason = await call('deals.move', {
      id: d.id,
      stageId: 'stage-lost',
      expectedUpdatedAt: moved.updatedAt,
    });
    expect(noReason).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        details: { codes: [{ field: 'lostReason', code: 'deal.lost_reason_required' }] },
      },
    });
    const lost = value<Deal>(
      await call('deals.move', {
        id: d.id,
        stageId: 'stage-lost',
        expectedUpdatedAt: moved.updatedAt,
        lostReason: 'Дорого',
      }),
    );
    expect(lost).toMatchObject({ outcome: 'lost', lostReason: 'Дорого' });

    const { entries } = await listAudit(vault.db, { limit: 20, entityId: d.id });
    const oldestFirst = [...entries].reverse();
    expect(oldestFirst.map(e => [e.action, e.outcome, e.entityType])).toEqual([
      ['deals.create', 'ok', 'deal'],
      ['deals.move', 'ok', 'deal'],
      ['deals.move', 'failed', 'deal'],
      ['deals.move', 'ok', 'deal'],
    ]);
    expect(oldestFirst[1]?.changes).toMatchObject({
      stageName: { before: 'Нова', after: 'Переговори' },
      probability: { before: 10, after: 75 },
    });
    expect(oldestFirst[3]?.changes).toMatchObject({
      stageName: { before: 'Переговори', after: 'Програно' },
      lostReason: { before: null, after: 'Дорого' },
    });
  });

  it('refuses to remove a stage with deals with a typed conflict, then moves them', async () => {
    const { as, deal, staff } = await app();
    await deal(staff.anna, { stageId: 'stage-qualified' });
    const head = as('head');
    const refused = await head('pipelines.removeStage', { stageId: 'stage-qualified' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'stage_has_deals', deals: 1 } },
    });
    const done = value<Pipeline>(
      await head('pipelines.removeStage', { stageId: 'stage-qualified', moveTo: 'stage-new' }),
    );
    expect(done.stages.map(s => s.name)).toEqual([
      'Нова',
      'Пропозиція',
      'Переговори',
      'Виграно',
      'Програно',
    ]);
    const manager = as('anna');
    expect(await manager('pipelines.create', { name: 'Моя' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(value<Pipeline[]>(await manager('pipelines.list', {}))[0]?.stages).toHaveLength(5);
  });
});
