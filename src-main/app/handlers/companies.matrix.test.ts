/**
 * Every company channel × every built-in role × a company of the caller's own and someone else's,
 * through the router on a real vault. Refusal by role is `forbidden`; a company outside the role's
 * scope is `not_found` (no existence leak) — and in the list it is simply absent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyInputSchema, type CompanyListPage } from '../../../src-shared/companies';
import { companiesContract } from '../../../src-shared/ipc/companies';
import type { Result } from '../../../src-shared/ipc/contract';
import type { BuiltInRole } from '../../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { createCompany, deleteCompany } from '../../crm/companies';
import { createContactsTestVault } from '../../crm/contacts/contacts.test-support';
import type { Router } from '../../ipc';
import type { Kysely } from 'kysely';
import type { Database, OpenVault } from '../../vault';
import type { VaultState } from '../vault-state';
import { composeTestApp, usersByRole } from './app.test-support';
import { companiesHandlers } from './companies';

type Outcome = 'ok' | 'forbidden' | 'not_found' | 'hidden';
type Call = keyof typeof companiesContract;
type Whose = 'own' | 'other';

/** What each role gets, per call, for its own company and for another user's. */
const EXPECTED: Record<BuiltInRole, Record<Call, Record<Whose, Outcome>>> = {
  owner: all('ok'),
  administrator: all('forbidden'),
  auditor: all('forbidden'),
  head: {
    list: { own: 'ok', other: 'ok' },
    get: { own: 'ok', other: 'ok' },
    contacts: { own: 'ok', other: 'ok' },
    create: { own: 'ok', other: 'ok' },
    update: { own: 'ok', other: 'not_found' },
    delete: { own: 'ok', other: 'not_found' },
    reassign: { own: 'ok', other: 'ok' },
    restore: { own: 'forbidden', other: 'forbidden' },
  },
  manager: {
    list: { own: 'ok', other: 'hidden' },
    get: { own: 'ok', other: 'not_found' },
    contacts: { own: 'ok', other: 'not_found' },
    create: { own: 'ok', other: 'ok' },
    update: { own: 'ok', other: 'not_found' },
    delete: { own: 'ok', other: 'not_found' },
    reassign: { own: 'forbidden', other: 'forbidden' },
    restore: { own: 'forbidden', other: 'forbidden' },
  },
};

function all(outcome: Outcome): Record<Call, Record<Whose, Outcome>> {
  const calls = Object.keys(companiesContract) as Call[];
  return Object.fromEntries(calls.map(c => [c, { own: outcome, other: outcome }])) as Record<
    Call,
    Record<Whose, Outcome>
  >;
}

let vault: OpenVault;
let state: VaultState;
let router: Router;
let users: Record<BuiltInRole | 'stranger' | 'colleague', string>;
let db: Kysely<Database>;

beforeAll(async () => {
  const t = await createContactsTestVault();
  vault = t.vault;
  db = vault.db;
  users = await usersByRole(t.db, t.staff);
  ({ state, router } = composeTestApp({
    vault,
    staff: t.staff,
    contract: { companies: companiesContract },
    handlers: ({ openVault }) => ({ companies: companiesHandlers({ openVault }) }),
    sessionGuard: false,
  }));
});

afterAll(() => vault.close());

/** A fresh company owned by `ownerId` (deleted when the call is restore). */
async function record(ownerId: string, deleted = false) {
  const input = companyInputSchema.parse({ name: 'Пекарня Світанок', edrpou: '32855961' });
  const created = (await createCompany(db, { userId: ownerId }, input)).after;
  if (!deleted) return created;
  return (await deleteCompany(db, { userId: ownerId, teamId: null, scope: 'all' }, created.id))
    .after;
}

function inputFor(call: Call, c: { id: string; updatedAt: string }): unknown {
  switch (call) {
    case 'list':
      return { limit: 200 };
    case 'create':
      return { company: { name: 'Будмайстер' } };
    case 'update':
      return { id: c.id, patch: { notes: 'зміна' }, expectedUpdatedAt: c.updatedAt };
    case 'reassign':
      return { id: c.id, ownerId: users.colleague };
    default:
      return { id: c.id };
  }
}

function outcome(call: Call, result: Result<unknown>, id: string): Outcome {
  if (!result.ok) return result.error.code as Outcome;
  if (call !== 'list') return 'ok';
  return (result.value as CompanyListPage).items.some(c => c.id === id) ? 'ok' : 'hidden';
}

const cases = (Object.keys(EXPECTED) as BuiltInRole[]).flatMap(role =>
  (Object.keys(companiesContract) as Call[]).flatMap(call =>
    (['own', 'other'] as const).map(whose => ({ role, call, whose })),
  ),
);

describe('companies permission matrix', () => {
  it.each(cases)('$role $call on $whose company', async ({ role, call, whose }) => {
    const ownerId = whose === 'own' ? users[role] : users.stranger;
    const c = await record(ownerId, call === 'restore');
    state.signIn(vault, {
      userId: users[role],
      login: role,
      role,
      grants: BUILT_IN_GRANTS[role],
      teamId: null,
    });
    const result = await router.call(`zamok:companies.${call}`, inputFor(call, c), {
      host: 'cli',
    });
    expect(outcome(call, result, c.id)).toBe(EXPECTED[role][call][whose]);
  });
});
