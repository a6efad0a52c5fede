import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsContract, type Dashboard } from '../../../src-shared/ipc/analytics';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import {
  createAnalyticsTestVault,
  NOW,
  OWN_ANALYST,
} from '../../crm/analytics/analytics.test-support';
import { createRouter, requirePermission, type Router } from '../../ipc';
import { snapshotDir } from '../../vault/temp-vault.test-support';
import { createAuditWrapper } from '../audit-wrapper';
import { createVaultState, type VaultState } from '../vault-state';
import { analyticsHandlers } from './analytics';

let t: Awaited<ReturnType<typeof createAnalyticsTestVault>>;
let state: VaultState;
let router: Router;

beforeAll(async () => {
  t = await createAnalyticsTestVault();
  state = createVaultState(t.vault.dir);
  router = createRouter({
    contract: { analytics: analyticsContract },
    handlers: {
      analytics: analyticsHandlers({
        openVault: () => state.openVault(),
        now: () => NOW,
        timeZone: () => 'UTC',
      }),
    },
    sessions: state,
    authorize: (_meta, next) => next,
    wrappers: [createAuditWrapper({ state, deviceId: 'dev-test' }), requirePermission],
  });
});

afterAll(() => t.vault.close());

async function dashboard(input: unknown) {
  return router.call('zamok:analytics.dashboard', input, { host: 'cli' });
}

describe('analytics.dashboard', () => {
  it('gives the head the whole office, month by month', async () => {
    state.signIn(t.vault, {
      userId: t.staff.head,
      login: 'head',
      role: 'head',
      grants: BUILT_IN_GRANTS.head,
      teamId: null,
    });
    const result = await dashboard({ months: 3 });
    expect(result.ok).toBe(true);
    const d = (result as { value: Dashboard }).value;
    expect(d.months).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(d.newContacts?.map(r => r.count)).toEqual([1, 2, 3]);
    expect(d.wonLost?.map(r => [r.won, r.lost])).toEqual([
      [0, 0],
      [1, 1],
      [1, 0],
    ]);
    expect(d.activities?.map(r => r.activities)).toEqual([3, 2, 1]);
    // Aggregates only: no client's name or deal title travels.
    expect(JSON.stringify(d)).not.toMatch(/Коваль|Поставка|Дзвінок/);
  });

  it("gives a custom role that reads only its own records only the caller's figures", async () => {
    state.signIn(t.vault, {
      userId: t.staff.borys,
      login: 'borys',
      role: 'custom-analyst',
      grants: OWN_ANALYST,
      teamId: 'south',
    });
    const result = await dashboard({ months: 6 });
    const d = (result as { value: Dashboard }).value;
    expect(d.newContacts?.map(r => r.count)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(d.pipeline?.map(r => [r.stageName, r.currency, r.deals, r.amountMinor])).toEqual([
      ['Нова', 'UAH', 1, 400000],
    ]);
    expect(d.wonLost?.map(r => r.won)).toEqual([0, 0, 0, 0, 1, 0]);
    expect(d.activities).toEqual([{ userId: t.staff.borys, displayName: 'BORYS', activities: 1 }]);
  });

  it('refuses a manager, and a period it does not offer, without touching the vault', async () => {
    state.signIn(t.vault, {
      userId: t.staff.anna,
      login: 'anna',
      role: 'manager',
      grants: BUILT_IN_GRANTS.manager,
      teamId: 'north',
    });
    const forbidden = await dashboard({ months: 3 });
    expect(forbidden.ok ? 'ok' : forbidden.error.code).toBe('forbidden');

    state.signIn(t.vault, {
      userId: t.staff.head,
      login: 'head',
      role: 'head',
      grants: BUILT_IN_GRANTS.head,
      teamId: null,
    });
    for (const bad of [{ months: 5 }, { months: '3' }, {}, { months: 3, ownerId: t.staff.anna }]) {
      const before = snapshotDir(t.vault.dir);
      const result = await dashboard(bad);
      expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input');
      expect(snapshotDir(t.vault.dir)).toEqual(before);
    }
  });

  it('answers unauthenticated when nobody is signed in', async () => {
    state.end({ keepLogin: false, closeNow: false });
    const result = await dashboard({ months: 3 });
    expect(result.ok ? 'ok' : result.error.code).toBe('unauthenticated');
  });
});
