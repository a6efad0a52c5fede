import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../../vault/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { computeDashboard } from './dashboard';
import { activitiesByManager } from './queries';
import { periodMonths } from './period';
import { createAnalyticsTestVault, NOW, OWN_ANALYST } from './analytics.test-support';

let t: Awaited<ReturnType<typeof createAnalyticsTestVault>>;

beforeAll(async () => {
  t = await createAnalyticsTestVault();
});
afterAll(() => t.vault.close());

describe('the head (every record)', () => {
  it('counts new contacts per month, zeros included, shared and deleted handled', async () => {
    const d = await computeDashboard(t.db, head(), 3, NOW);
    expect(d.months).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(d.newContacts).toEqual([
      { month: '2026-09', count: 1 },
      { month: '2026-10', count: 2 },
      { month: '2026-11', count: 3 },
    ]);
    const year = await computeDashboard(t.db, head(), 12, NOW);
    expect(year.months[0]).toBe('2025-12');
    expect(year.newContacts?.map(r => r.count)).toEqual([1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 2, 3]);
  });

  it('sums open deals per stage and currency (deleted, won and lost left out)', async () => {
    const d = await computeDashboard(t.db, head(), 3, NOW);
    expect(d.pipeline?.map(r => [r.stageName, r.currency, r.deals, r.amountMinor])).toEqual([
      ['Нова', 'UAH', 3, 750050],
      ['Пропозиція', 'USD', 1, 70000],
      ['Переговори', 'PLN', 1, 123456],
    ]);
  });

  it('counts won and lost per month of closing', async () => {
    const d = await computeDashboard(t.db, head(), 3, NOW);
    expect(d.wonLost).toEqual([
      { month: '2026-09', won: 0, lost: 0 },
      { month: '2026-10', won: 1, lost: 1 },
      { month: '2026-11', won: 1, lost: 0 },
    ]);
    const half = await computeDashboard(t.db, head(), 6, NOW);
    expect(half.wonLost?.map(r => r.won)).toEqual([0, 0, 0, 0, 1, 1]);
    const year = await computeDashboard(t.db, head(), 12, NOW);
    expect(year.wonLost?.find(r => r.month === '2026-05')).toEqual({
      month: '2026-05',
      won: 1,
      lost: 0,
    });
  });

  it('counts activities of the last 30 days per person, most active first', async () => {
    const d = await computeDashboard(t.db, head(), 3, NOW);
    expect(d.activitiesSince).toBe('2026-10-16T12:00:00.000Z');
    expect(d.activities?.map(r => [r.displayName, r.activities])).toEqual([
      ['ANNA', 3],
      ['VIRA', 2],
      ['BORYS', 1],
    ]);
  });
});

describe("the office's months", () => {
  it('counts a time in the month it was in Kyiv, not in UTC', async () => {
    // Borys' contact of 2026-09-30T23:59:59.999Z was made on 1 October, 02:59 in Kyiv.
    const d = await computeDashboard(t.db, head(), 3, NOW, 'Europe/Kyiv');
    expect(d.newContacts).toEqual([
      { month: '2026-09', count: 0 },
      { month: '2026-10', count: 3 },
      { month: '2026-11', count: 3 },
    ]);
    expect(periodMonths(new Date('2026-11-30T23:00:00.000Z'), 3, 'Europe/Kyiv')).toEqual([
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
  });
});

describe('narrower roles', () => {
  it('a custom role with own scopes sees only its own figures (and contacts shared with it)', async () => {
    const d = await computeDashboard(
      t.db,
      { userId: t.staff.anna, teamId: 'north', grants: OWN_ANALYST },
      3,
      NOW,
    );
    expect(d.newContacts?.map(r => r.count)).toEqual([0, 2, 2]);
    expect(d.pipeline?.map(r => [r.stageName, r.currency, r.deals, r.amountMinor])).toEqual([
      ['Нова', 'UAH', 2, 350050],
      ['Пропозиція', 'USD', 1, 70000],
    ]);
    expect(d.wonLost?.map(r => [r.won, r.lost])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
    ]);
    expect(d.activities?.map(r => [r.displayName, r.activities])).toEqual([['ANNA', 3]]);
  });

  it('a team scope covers the team only', async () => {
    const grants = { ...OWN_ANALYST, 'deals.read': 'team', 'activities.read': 'team' } as const;
    const d = await computeDashboard(
      t.db,
      { userId: t.staff.anna, teamId: 'north', grants },
      3,
      NOW,
    );
    expect(d.pipeline?.map(r => [r.stageName, r.deals])).toEqual([
      ['Нова', 2],
      ['Пропозиція', 1],
      ['Переговори', 1],
    ]);
    expect(d.activities?.map(r => [r.displayName, r.activities])).toEqual([
      ['ANNA', 3],
      ['VIRA', 2],
    ]);
  });

  it('without a read permission the section is absent, not empty', async () => {
    const d = await computeDashboard(
      t.db,
      {
        userId: t.staff.anna,
        teamId: null,
        grants: { 'analytics.read': true, 'contacts.read': 'own' },
      },
      3,
      NOW,
    );
    expect(d.pipeline).toBeNull();
    expect(d.wonLost).toBeNull();
    expect(d.activities).toBeNull();
    expect(d.newContacts).not.toBeNull();
  });
});

function head() {
  return { userId: t.staff.head, teamId: null, grants: BUILT_IN_GRANTS.head };
}

describe('query plan of activities per manager', () => {
  it('seeks by owner and time for every scope (no table scan, migration 0016)', async () => {
    const log: { sql: string; parameters: readonly unknown[] }[] = [];
    const logged = new Kysely<Database>({
      dialect: new SqliteDialect({ database: t.vault.sqlite }),
      log: event => void log.push(event.query),
    });
    const range = { from: '2026-10-16T12:00:00.000Z', to: NOW.toISOString() };
    for (const scope of ['all', 'team', 'own'] as const) {
      log.length = 0;
      await activitiesByManager(logged, { userId: t.staff.anna, teamId: 'north', scope }, range);
      const [query] = log;
      if (!query) throw new Error('no query logged');
      const plan = (
        t.vault.sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.parameters) as {
          detail: string;
        }[]
      ).map(r => r.detail);
      expect(plan.join('\n')).toMatch(/SEARCH activities USING INDEX activities_owner_occurred/);
      expect(plan.join('\n')).not.toMatch(/SCAN activities\b/);
    }
  });
});
