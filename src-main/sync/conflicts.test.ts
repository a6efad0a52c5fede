/**
 * Resolving a conflict (issue 16 point 5): both laptops list the stale stage change from their own
 * side (mine / theirs); the owner keeps theirs-turned-mine, the new edit syncs and wins on both
 * laptops, and the other laptop's conflict closes when the resolution arrives. Keeping the value in
 * force only closes the conflict; a laptop that may not push the record's partition is refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dealInputSchema } from '../../src-shared/deals/schema';
import { createDeal, moveDeal } from '../crm/deals/repository';
import type { Viewer } from '../crm/record';
import { ConflictError, listConflicts, resolveConflict } from './conflicts';
import {
  MemoryOffice,
  createTestLaptop,
  holdPartition,
  newPartition,
  type TestLaptop,
} from './sync.test-support';

const open: { close(): void }[] = [];
afterEach(() => {
  for (const vault of open.splice(0)) vault.close();
});

const everything = (laptop: TestLaptop): Viewer => ({
  userId: laptop.userId,
  teamId: null,
  scope: 'all',
});

async function stageOf(laptop: TestLaptop, id: string) {
  const row = await laptop.vault.db
    .selectFrom('deals')
    .select('stage_id')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.stage_id;
}

/** Anna and the owner move the same deal at once: the owner's move is the stale one. */
async function conflicted() {
  const owner = await createTestLaptop('owner');
  const anna = await createTestLaptop('anna', 'north');
  open.push(owner.vault, anna.vault);
  const annas = newPartition(anna.userId);
  await holdPartition(owner, annas);
  await holdPartition(anna, annas);
  const server = new MemoryOffice();
  const input = dealInputSchema.parse({ title: 'Поставка', amountMinor: 1000 });
  const links = { contacts: everything(anna), companies: everything(anna) };
  const deal = (await createDeal(anna.vault.db, { userId: anna.userId }, links, input)).after;
  await server.sync(anna, owner);
  const ownerDeal = await owner.vault.db
    .selectFrom('deals')
    .select('updated_at')
    .where('id', '=', deal.id)
    .executeTakeFirstOrThrow();
  await moveDeal(anna.vault.db, everything(anna), deal.id, {
    stageId: 'stage-proposal',
    expectedUpdatedAt: deal.updatedAt,
  });
  await moveDeal(owner.vault.db, everything(owner), deal.id, {
    stageId: 'stage-won',
    expectedUpdatedAt: ownerDeal.updated_at,
  });
  await server.push(anna);
  await server.push(owner);
  await server.pull(anna);
  await server.pull(owner);
  return { owner, anna, server, deal };
}

describe('resolving office sync conflicts', () => {
  it('lists mine and theirs per laptop, and a kept "mine" wins everywhere', async () => {
    const { owner, anna, server, deal } = await conflicted();
    const [onOwner] = await listConflicts(owner.vault.db);
    expect(onOwner).toMatchObject({
      field: 'stage_id',
      mine: 'stage-won',
      theirs: 'stage-proposal',
    });
    const [onAnna] = await listConflicts(anna.vault.db);
    expect(onAnna).toMatchObject({
      field: 'stage_id',
      mine: 'stage-proposal',
      theirs: 'stage-won',
    });

    const done = await resolveConflict(owner.vault.db, {
      changeId: onOwner?.changeId ?? '',
      field: 'stage_id',
      keep: 'mine',
      userId: owner.userId,
    });
    expect(done).toEqual({ written: true });
    expect(await listConflicts(owner.vault.db)).toEqual([]);
    await server.sync(owner, anna);
    expect([await stageOf(owner, deal.id), await stageOf(anna, deal.id)]).toEqual([
      'stage-won',
      'stage-won',
    ]);
    expect(await listConflicts(anna.vault.db)).toEqual([]);
    expect(
      await owner.vault.db.selectFrom('sync_conflicts').select('resolved_at').execute(),
    ).not.toContainEqual({ resolved_at: null });
  });

  it('closes without writing when the value in force is kept, and refuses a read-only laptop', async () => {
    const { owner, anna, deal } = await conflicted();
    const [onAnna] = await listConflicts(anna.vault.db);
    expect(
      await resolveConflict(anna.vault.db, {
        changeId: onAnna?.changeId ?? '',
        field: 'stage_id',
        keep: 'mine',
        userId: anna.userId,
      }),
    ).toEqual({ written: false });
    expect(await stageOf(anna, deal.id)).toBe('stage-proposal');
    await expect(
      resolveConflict(anna.vault.db, {
        changeId: 'nope',
        field: 'stage_id',
        keep: 'mine',
        userId: anna.userId,
      }),
    ).rejects.toBeInstanceOf(ConflictError);

    await owner.vault.db.updateTable('office_partitions').set({ may_push: 0 }).execute();
    const [onOwner] = await listConflicts(owner.vault.db);
    const refused = resolveConflict(owner.vault.db, {
      changeId: onOwner?.changeId ?? '',
      field: 'stage_id',
      keep: 'mine',
      userId: owner.userId,
    });
    await expect(refused).rejects.toMatchObject({ code: 'forbidden' });
    expect(await stageOf(owner, deal.id)).toBe('stage-proposal');
    expect(await listConflicts(owner.vault.db)).toHaveLength(1);
  });
});
