/**
 * Pipelines on a real vault: the default pipeline from the migration, stages added, renamed,
 * reordered, and removed only together with moving their deals.
 */
import { closedAfterEach } from '../record/vaults.test-support';
import { isRecordError } from '../record/errors';
import { describe, expect, it } from 'vitest';
import {
  addStage,
  createPipeline,
  listPipelines,
  removeStage,
  renamePipeline,
  reorderStages,
  updateStage,
} from './pipelines';
import { getDeal } from './repository';

import { createDealsTestVault } from './deals.test-support';
import { viewerOf } from '../contacts/contacts.test-support';

const setup = closedAfterEach(createDealsTestVault);

describe('pipelines', () => {
  it('starts with the default pipeline and flagged won/lost stages', async () => {
    const { db } = await setup();
    const [p] = await listPipelines(db);
    expect(p).toMatchObject({ id: 'pipeline-default', name: 'Продажі', isDefault: true });
    expect(p?.stages.map(s => [s.name, s.probability, s.outcome])).toEqual([
      ['Нова', 10, 'open'],
      ['Кваліфікація', 25, 'open'],
      ['Пропозиція', 50, 'open'],
      ['Переговори', 75, 'open'],
      ['Виграно', 100, 'won'],
      ['Програно', 0, 'lost'],
    ]);
  });

  it('adds a stage before the closed ones, renames, reorders', async () => {
    const { db } = await setup();
    const created = await createPipeline(db, 'Оренда');
    const id = created.after.id;
    const added = await addStage(
      db,
      id,
      { name: 'Огляд', probability: 60, outcome: 'open' },
      undefined,
    );
    expect(added.after.stages.map(s => s.name)).toEqual([
      'Нова',
      'Кваліфікація',
      'Пропозиція',
      'Переговори',
      'Огляд',
      'Виграно',
      'Програно',
    ]);
    const огляд = added.after.stages[4]?.id ?? '';
    const renamed = await updateStage(db, огляд, { name: 'Огляд приміщення', probability: 65 });
    expect(renamed.after.stages[4]).toMatchObject({ name: 'Огляд приміщення', probability: 65 });
    const order = renamed.after.stages.map(s => s.id).reverse();
    const reordered = await reorderStages(db, id, order);
    expect(reordered.after.stages.map(s => s.id)).toEqual(order);
    expect(reordered.after.stages.map(s => s.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    await expect(reorderStages(db, id, order.slice(1))).rejects.toMatchObject({
      code: 'invalid_input',
      details: { codes: [{ field: 'stageIds', code: 'deal.stages_mismatch' }] },
    });
    expect((await renamePipeline(db, id, 'Оренда складів')).after.name).toBe('Оренда складів');
  });

  it('refuses to remove a stage with deals unless they move, then moves them', async () => {
    const { db, deal, staff } = await setup();
    const d = await deal(staff.anna, { stageId: 'stage-qualified' });
    const err = await removeStage(db, 'stage-qualified', undefined, staff.head).catch(e => e);
    expect(isRecordError(err, 'conflict')).toBe(true);
    expect(err).toMatchObject({ details: { reason: 'stage_has_deals', deals: 1 } });
    expect((await listPipelines(db))[0]?.stages).toHaveLength(6);
    // A stage of another pipeline is not a place to move them to.
    const other = await createPipeline(db, 'Інша');
    const foreign = other.after.stages[0]?.id;
    await expect(removeStage(db, 'stage-qualified', foreign, staff.head)).rejects.toMatchObject({
      code: 'conflict',
    });
    const done = await removeStage(db, 'stage-qualified', 'stage-proposal', staff.head);
    expect(done.movedDeals).toBe(1);
    expect(done.after.stages.map(s => s.name)).not.toContain('Кваліфікація');
    const moved = await getDeal(db, viewerOf(staff.anna, 'own'), d.id);
    expect(moved).toMatchObject({ stageId: 'stage-proposal', probability: 50 });
  });
});
