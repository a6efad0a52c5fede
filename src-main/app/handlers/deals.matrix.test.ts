/**
 * Every deal and pipeline channel × every built-in role (× a deal of the caller's own and someone
 * else's), through the router on a real vault. Refusal by role is `forbidden`; a deal outside the
 * role's scope is `not_found` (no existence leak) — and in the list and on the board it is absent.
 * The cases come from the contract, so a new channel without an expectation fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealBoard, DealListPage } from '../../../src-shared/deals';
import { dealsContract, pipelinesContract } from '../../../src-shared/ipc/deals';
import type { Result } from '../../../src-shared/ipc/contract';
import type { BuiltInRole } from '../../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { createPipeline } from '../../crm/deals';
import { createDealsTestVault } from '../../crm/deals/deals.test-support';
import type { Router } from '../../ipc';
import type { OpenVault } from '../../vault';
import type { VaultState } from '../vault-state';
import { composeTestApp, usersByRole } from './app.test-support';
import { dealsHandlers } from './deals';

type Outcome = 'ok' | 'forbidden' | 'not_found' | 'hidden';
type Call = keyof typeof dealsContract;
type PipelineCall = keyof typeof pipelinesContract;
type Whose = 'own' | 'other';

/** What each role gets, per deal call, for its own deal and for another user's. */
const EXPECTED: Record<BuiltInRole, Record<Call, Record<Whose, Outcome>>> = {
  owner: all(dealsContract, { own: 'ok', other: 'ok' }),
  administrator: all(dealsContract, { own: 'forbidden', other: 'forbidden' }),
  auditor: all(dealsContract, { own: 'forbidden', other: 'forbidden' }),
  head: {
    list: { own: 'ok', other: 'ok' },
    board: { own: 'ok', other: 'ok' },
    get: { own: 'ok', other: 'ok' },
    create: { own: 'ok', other: 'ok' },
    update: { own: 'ok', other: 'not_found' },
    move: { own: 'ok', other: 'not_found' },
    delete: { own: 'ok', other: 'not_found' },
    reassign: { own: 'ok', other: 'ok' },
  },
  manager: {
    list: { own: 'ok', other: 'hidden' },
    board: { own: 'ok', other: 'hidden' },
    get: { own: 'ok', other: 'not_found' },
    create: { own: 'ok', other: 'ok' },
    update: { own: 'ok', other: 'not_found' },
    move: { own: 'ok', other: 'not_found' },
    delete: { own: 'ok', other: 'not_found' },
    reassign: { own: 'forbidden', other: 'forbidden' },
  },
};

/** What each role gets per pipeline call (shared configuration: no own/other). */
const EXPECTED_PIPELINES: Record<BuiltInRole, Record<PipelineCall, Outcome>> = {
  owner: all(pipelinesContract, 'ok'),
  head: all(pipelinesContract, 'ok'),
  manager: { ...all(pipelinesContract, 'forbidden'), list: 'ok' },
  administrator: all(pipelinesContract, 'forbidden'),
  auditor: all(pipelinesContract, 'forbidden'),
};

function all<C extends object, V>(contract: C, value: V): Record<keyof C, V> {
  return Object.fromEntries(Object.keys(contract).map(c => [c, value])) as Record<keyof C, V>;
}

let t: Awaited<ReturnType<typeof createDealsTestVault>>;
let vault: OpenVault;
let state: VaultState;
let router: Router;
let users: Record<BuiltInRole | 'stranger' | 'colleague', string>;

beforeAll(async () => {
  t = await createDealsTestVault();
  vault = t.vault;
  users = await usersByRole(t.db, t.staff);
  ({ state, router } = composeTestApp({
    vault,
    staff: t.staff,
    contract: { deals: dealsContract, pipelines: pipelinesContract },
    handlers: ({ openVault }) => dealsHandlers({ openVault }),
    sessionGuard: false,
  }));
});

afterAll(() => vault.close());

function signIn(role: BuiltInRole) {
  state.signIn(vault, {
    userId: users[role],
    login: role,
    role,
    grants: BUILT_IN_GRANTS[role],
    teamId: null,
  });
}

function inputFor(call: Call, d: { id: string; updatedAt: string }): unknown {
  switch (call) {
    case 'list':
      return { limit: 200 };
    case 'board':
      return { pipelineId: 'pipeline-default', limit: 100 };
    case 'create':
      return { deal: { title: 'Будмайстер', amountMinor: 100 } };
    case 'update':
      return { id: d.id, patch: { notes: 'зміна' }, expectedUpdatedAt: d.updatedAt };
    case 'move':
      return { id: d.id, stageId: 'stage-proposal', expectedUpdatedAt: d.updatedAt };
    case 'reassign':
      return { id: d.id, ownerId: users.colleague };
    default:
      return { id: d.id };
  }
}

function outcome(call: Call, result: Result<unknown>, id: string): Outcome {
  if (!result.ok) return result.error.code as Outcome;
  if (call === 'list')
    return (result.value as DealListPage).items.some(c => c.id === id) ? 'ok' : 'hidden';
  if (call === 'board') {
    const board = result.value as DealBoard;
    return board.columns.some(c => c.items.some(i => i.id === id)) ? 'ok' : 'hidden';
  }
  return 'ok';
}

const cases = (Object.keys(EXPECTED) as BuiltInRole[]).flatMap(role =>
  (Object.keys(dealsContract) as Call[]).flatMap(call =>
    (['own', 'other'] as const).map(whose => ({ role, call, whose })),
  ),
);

describe('deals permission matrix', () => {
  it.each(cases)('$role $call on $whose deal', async ({ role, call, whose }) => {
    const d = await t.deal(whose === 'own' ? users[role] : users.stranger);
    signIn(role);
    const result = await router.call(`zamok:deals.${call}`, inputFor(call, d), { host: 'cli' });
    expect(outcome(call, result, d.id)).toBe(EXPECTED[role][call][whose]);
  });
});

async function pipelineInput(call: PipelineCall): Promise<unknown> {
  const p = (await createPipeline(t.db, 'Матриця')).after;
  const stages = p.stages.map(s => s.id);
  switch (call) {
    case 'list':
      return {};
    case 'create':
      return { name: 'Оренда' };
    case 'rename':
      return { id: p.id, name: 'Оренда складів' };
    case 'addStage':
      return { pipelineId: p.id, stage: { name: 'Огляд', probability: 60 } };
    case 'updateStage':
      return { stageId: stages[0], probability: 15 };
    case 'reorderStages':
      return { pipelineId: p.id, stageIds: [...stages].reverse() };
    case 'removeStage':
      return { stageId: stages[1] };
  }
}

const pipelineCases = (Object.keys(EXPECTED_PIPELINES) as BuiltInRole[]).flatMap(role =>
  (Object.keys(pipelinesContract) as PipelineCall[]).map(call => ({ role, call })),
);

describe('pipelines permission matrix', () => {
  it.each(pipelineCases)('$role pipelines.$call', async ({ role, call }) => {
    const input = await pipelineInput(call);
    signIn(role);
    const result = await router.call(`zamok:pipelines.${call}`, input, { host: 'cli' });
    expect(result.ok ? 'ok' : result.error.code).toBe(EXPECTED_PIPELINES[role][call]);
  });
});
