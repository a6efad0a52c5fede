/**
 * The deal list's "closed in" filter with the stage outcome (issue 18, point 2): the deals behind
 * one month of the dashboard's won/lost chart, on a real vault. The filter sits next to the scope in
 * SQL, so a manager never reaches a colleague's deal through it, and for every month the list holds
 * exactly as many deals as the chart counts for the same reader.
 */
import { describe, expect, it } from 'vitest';
import { dealListInputSchema } from '../../../src-shared/ipc/deals';
import type { Scope } from '../../../src-shared/permissions';
import { periodOf } from '../analytics/period';
import { wonLostByMonth } from '../analytics/queries';
import { viewerOf } from '../contacts/contacts.test-support';
import { closedAfterEach } from '../record/vaults.test-support';
import { createDealsTestVault } from './deals.test-support';
import { listDeals } from './list';
import { getPipeline } from './pipelines';
import { moveDeal } from './repository';

const open = closedAfterEach(createDealsTestVault);

/** The local-midnight instants (Kyiv, +02:00 in winter) bounding November and December 2026. */
const NOVEMBER = {
  closedFrom: '2026-10-31T22:00:00.000Z',
  closedBefore: '2026-11-30T22:00:00.000Z',
};

describe('deal list: closed in a month, by outcome', () => {
  it('lists exactly the deals won (or lost) in the month, within the scope', async () => {
    const t = await open();
    const { anna, borys, vira } = t.staff;
    const first = await t.deal(anna, { title: 'Перша' });
    const pipeline = await getPipeline(t.db, first.pipelineId);
    const won = pipeline.stages.find(s => s.outcome === 'won')?.id ?? '';
    const lost = pipeline.stages.find(s => s.outcome === 'lost')?.id ?? '';
    const close = async (
      owner: string,
      title: string,
      stageId: string,
      at: string,
    ): Promise<void> => {
      const deal = title === 'Перша' ? first : await t.deal(owner, { title });
      await moveDeal(t.db, viewerOf(owner, 'own'), deal.id, {
        stageId,
        expectedUpdatedAt: deal.updatedAt,
        lostReason: 'Дорого',
      });
      // The move stamps the clock's time (never before the deal's last change): set the past one.
      t.vault.sqlite.prepare('UPDATE deals SET closed_at = ? WHERE id = ?').run(at, deal.id);
    };
    await close(anna, 'Перша', won, '2026-11-05T10:00:00.000Z');
    await close(anna, 'Друга', won, '2026-11-30T21:59:00.000Z'); // 23:59 in Kyiv: still November
    await close(anna, 'Груднева', won, '2026-11-30T22:00:00.000Z'); // 00:00 on 1 December in Kyiv
    await close(anna, 'Жовтнева', won, '2026-10-31T21:59:59.000Z');
    await close(anna, 'Програна', lost, '2026-11-12T10:00:00.000Z');
    await close(borys, 'Борисова', won, '2026-11-10T10:00:00.000Z');
    await close(vira, 'Вірина', won, '2026-11-11T10:00:00.000Z');
    await t.deal(anna, { title: 'Відкрита' });

    const titles = async (filter: object, userId: string, scope: Scope, teamId?: string) =>
      (
        await listDeals(
          t.db,
          viewerOf(userId, scope, teamId ?? null),
          dealListInputSchema.parse({ filter }),
        )
      ).items
        .map(d => d.title)
        .sort();

    // A manager: only her own deals won in November, never a colleague's.
    expect(await titles({ ...NOVEMBER, outcome: 'won' }, anna, 'own')).toEqual(['Друга', 'Перша']);
    expect(await titles({ ...NOVEMBER, outcome: 'lost' }, anna, 'own')).toEqual(['Програна']);
    expect(await titles({ ...NOVEMBER, outcome: 'won' }, borys, 'own')).toEqual(['Борисова']);
    // A head of team north: Anna's and Vira's, not Borys's (team south).
    expect(await titles({ ...NOVEMBER, outcome: 'won' }, vira, 'team', 'north')).toEqual([
      'Вірина',
      'Друга',
      'Перша',
    ]);
    // The whole office; an open deal has no closing time, so any bound leaves it out.
    expect(await titles({ ...NOVEMBER, outcome: 'won' }, t.staff.owner, 'all')).toEqual([
      'Борисова',
      'Вірина',
      'Друга',
      'Перша',
    ]);
    expect(await titles({ closedFrom: NOVEMBER.closedFrom }, t.staff.owner, 'all')).not.toContain(
      'Відкрита',
    );

    // For each reader, the list behind November holds as many deals as the chart counts.
    const period = periodOf(new Date('2026-12-15T12:00:00.000Z'), 3, 'Europe/Kyiv');
    expect(period.starts[1]).toBe(NOVEMBER.closedFrom);
    expect(period.starts[2]).toBe(NOVEMBER.closedBefore);
    for (const [userId, scope, teamId] of [
      [anna, 'own', null],
      [vira, 'team', 'north'],
      [t.staff.owner, 'all', null],
    ] as const) {
      const viewer = viewerOf(userId, scope, teamId);
      const chart = (await wonLostByMonth(t.db, viewer, period)).find(m => m.month === '2026-11');
      const count = async (outcome: 'won' | 'lost') =>
        (
          await listDeals(
            t.db,
            viewer,
            dealListInputSchema.parse({ filter: { ...NOVEMBER, outcome } }),
          )
        ).items.length;
      expect({ won: await count('won'), lost: await count('lost') }).toEqual({
        won: chart?.won,
        lost: chart?.lost,
      });
    }
  });

  it('refuses a closing bound that is not an instant, before any SQL', () => {
    expect(dealListInputSchema.safeParse({ filter: { closedFrom: 'листопад' } }).success).toBe(
      false,
    );
    expect(dealListInputSchema.safeParse({ filter: { closedBefore: 5 } }).success).toBe(false);
  });
});
