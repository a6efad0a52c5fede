/**
 * The analytics channel × every built-in role, through the router on a real vault: who gets the
 * dashboard at all (`forbidden` otherwise), and whether another person's records count in it.
 * The cases come from the contract, so a new channel without an expectation fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsContract, type Dashboard } from '../../../src-shared/ipc/analytics';
import type { BuiltInRole } from '../../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { createUser } from '../../auth/accounts';
import { createAnalyticsTestVault, NOW } from '../../crm/analytics/analytics.test-support';
import type { Router } from '../../ipc';
import type { VaultState } from '../vault-state';
import { composeTestApp } from './app.test-support';
import { analyticsHandlers } from './analytics';

type Outcome = 'all figures' | 'forbidden';
type Call = keyof typeof analyticsContract;

const EXPECTED: Record<BuiltInRole, Record<Call, Outcome>> = {
  owner: { dashboard: 'all figures' },
  head: { dashboard: 'all figures' },
  manager: { dashboard: 'forbidden' },
  administrator: { dashboard: 'forbidden' },
  auditor: { dashboard: 'forbidden' },
};

let t: Awaited<ReturnType<typeof createAnalyticsTestVault>>;
let state: VaultState;
let router: Router;
let users: Record<BuiltInRole, string>;

beforeAll(async () => {
  t = await createAnalyticsTestVault();
  const add = async (login: string, role: BuiltInRole) =>
    (await createUser(t.accounts, { login, displayName: login, role })).id;
  users = {
    owner: t.staff.owner,
    head: t.staff.head,
    manager: t.staff.anna,
    administrator: await add('admin', 'administrator'),
    auditor: await add('auditor', 'auditor'),
  };
  ({ state, router } = composeTestApp({
    vault: t.vault,
    staff: t.staff,
    contract: { analytics: analyticsContract },
    handlers: ({ openVault }) => ({
      analytics: analyticsHandlers({ openVault, now: () => NOW, timeZone: () => 'UTC' }),
    }),
    sessionGuard: false,
  }));
});

afterAll(() => t.vault.close());

const cases = (Object.keys(EXPECTED) as BuiltInRole[]).flatMap(role =>
  (Object.keys(analyticsContract) as Call[]).map(call => ({ role, call })),
);

describe('analytics permission matrix', () => {
  it.each(cases)('$role analytics.$call', async ({ role, call }) => {
    state.signIn(t.vault, {
      userId: users[role],
      login: role,
      role,
      grants: BUILT_IN_GRANTS[role],
      teamId: null,
    });
    const result = await router.call(`zamok:analytics.${call}`, { months: 3 }, { host: 'cli' });
    if (!result.ok) {
      expect(result.error.code).toBe(EXPECTED[role][call]);
      return;
    }
    // Every figure covers other people's records: borys' Nov contact, his open deal and his call.
    const d = result.value as Dashboard;
    expect(d.newContacts?.at(-1)?.count).toBe(3);
    expect(d.pipeline?.find(r => r.stageId === 'stage-new')?.deals).toBe(3);
    expect(d.activities?.map(r => r.displayName)).toContain('BORYS');
    expect('all figures').toBe(EXPECTED[role][call]);
  });
});
