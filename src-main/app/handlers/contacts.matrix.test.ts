/**
 * Every contact channel × every built-in role × a record of the caller's own and someone else's,
 * through the router on a real vault. Refusal by role is `forbidden`; a record outside the role's
 * scope is `not_found` (no existence leak) — and in the list it is simply absent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactInputSchema, type ContactListPage } from '../../../src-shared/contacts';
import { contactsContract } from '../../../src-shared/ipc/contacts';
import type { Result } from '../../../src-shared/ipc/contract';
import type { BuiltInRole } from '../../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { createContact, deleteContact } from '../../crm/contacts';
import { createExportRequest } from '../../guard/approvals';
import { createContactsTestVault, viewerOf } from '../../crm/contacts/contacts.test-support';
import type { Router } from '../../ipc';
import type { OpenVault } from '../../vault';
import type { VaultState } from '../vault-state';
import { composeTestApp, usersByRole } from './app.test-support';
import { contactsHandlers } from './contacts';

type Outcome = 'ok' | 'forbidden' | 'not_found' | 'hidden';
type Call = keyof typeof contactsContract;
type Whose = 'own' | 'other';

const OWN_ONLY: Record<Whose, Outcome> = { own: 'ok', other: 'not_found' };

/**
 * What each role gets, per call, for its own record and for another user's. For the export
 * requests, "own" is a request the caller made and "other" one a colleague made.
 */
const EXPECTED: Record<BuiltInRole, Record<Call, Record<Whose, Outcome>>> = {
  owner: { ...all('ok'), exportStatus: OWN_ONLY, exportRequest: OWN_ONLY },
  administrator: all('forbidden'),
  auditor: all('forbidden'),
  head: {
    list: { own: 'ok', other: 'ok' },
    get: { own: 'ok', other: 'ok' },
    create: { own: 'ok', other: 'ok' },
    update: { own: 'ok', other: 'not_found' },
    delete: { own: 'ok', other: 'not_found' },
    restore: { own: 'forbidden', other: 'forbidden' },
    reassign: { own: 'ok', other: 'ok' },
    share: { own: 'ok', other: 'ok' },
    unshare: { own: 'ok', other: 'ok' },
    export: { own: 'ok', other: 'ok' },
    exportStatus: { own: 'ok', other: 'not_found' },
    exportRequest: { own: 'ok', other: 'not_found' },
  },
  manager: {
    list: { own: 'ok', other: 'hidden' },
    get: { own: 'ok', other: 'not_found' },
    create: { own: 'ok', other: 'ok' },
    update: { own: 'ok', other: 'not_found' },
    delete: { own: 'ok', other: 'not_found' },
    restore: { own: 'forbidden', other: 'forbidden' },
    reassign: { own: 'forbidden', other: 'forbidden' },
    share: { own: 'ok', other: 'not_found' },
    unshare: { own: 'ok', other: 'not_found' },
    export: { own: 'ok', other: 'hidden' },
    exportStatus: { own: 'ok', other: 'not_found' },
    exportRequest: { own: 'ok', other: 'not_found' },
  },
};

function all(outcome: Outcome): Record<Call, Record<Whose, Outcome>> {
  const calls = Object.keys(contactsContract) as Call[];
  return Object.fromEntries(calls.map(c => [c, { own: outcome, other: outcome }])) as Record<
    Call,
    Record<Whose, Outcome>
  >;
}

let vault: OpenVault;
let state: VaultState;
let router: Router;
let users: Record<BuiltInRole | 'stranger' | 'colleague', string>;
let db: Awaited<ReturnType<typeof createContactsTestVault>>['db'];

beforeAll(async () => {
  const t = await createContactsTestVault();
  ({ vault, db } = t);
  users = await usersByRole(t.db, t.staff);
  ({ state, router } = composeTestApp({
    vault,
    staff: t.staff,
    contract: { contacts: contactsContract },
    handlers: ({ openVault }) => ({ contacts: contactsHandlers({ openVault }) }),
    sessionGuard: false,
  }));
});

afterAll(() => vault.close());

/** A fresh record owned by `ownerId` (deleted when the call is restore). */
async function record(ownerId: string, deleted: boolean) {
  const input = contactInputSchema.parse({ surname: 'Коваль', givenName: 'Олена' });
  const { after } = await createContact(db, { userId: ownerId }, input);
  if (!deleted) return after;
  return (await deleteContact(db, viewerOf(ownerId, 'all'), after.id)).after;
}

function inputFor(call: Call, c: { id: string; updatedAt: string }, requester: string): unknown {
  switch (call) {
    case 'export':
      return { format: 'csv', ids: [c.id] };
    case 'exportStatus':
    case 'exportRequest': {
      const r = createExportRequest(
        vault.sqlite,
        { userId: requester, selection: { ids: [c.id], locale: 'uk' }, count: 1, format: 'csv' },
        new Date(),
      );
      return { requestId: r.id };
    }
    case 'list':
      return { limit: 200 };
    case 'create':
      return { contact: { surname: 'Нова', givenName: 'Людина' } };
    case 'update':
      return { id: c.id, patch: { notes: 'зміна' }, expectedUpdatedAt: c.updatedAt };
    case 'reassign':
      return { id: c.id, ownerId: users.colleague };
    case 'share':
    case 'unshare':
      return { id: c.id, userId: users.colleague };
    default:
      return { id: c.id };
  }
}

function outcome(call: Call, result: Result<unknown>, id: string): Outcome {
  if (!result.ok) return result.error.code as Outcome;
  if (call === 'export') {
    const file = result.value as { content: string };
    return file.content.includes(id) ? 'ok' : 'hidden';
  }
  if (call !== 'list') return 'ok';
  return (result.value as ContactListPage).items.some(c => c.id === id) ? 'ok' : 'hidden';
}

const cases = (Object.keys(EXPECTED) as BuiltInRole[]).flatMap(role =>
  (Object.keys(contactsContract) as Call[]).flatMap(call =>
    (['own', 'other'] as const).map(whose => ({ role, call, whose })),
  ),
);

describe('contacts permission matrix', () => {
  it.each(cases)('$role $call on $whose record', async ({ role, call, whose }) => {
    const ownerId = whose === 'own' ? users[role] : users.stranger;
    const c = await record(ownerId, call === 'restore');
    state.signIn(vault, {
      userId: users[role],
      login: role,
      role,
      grants: BUILT_IN_GRANTS[role],
      teamId: null,
    });
    const requester = whose === 'own' ? users[role] : users.stranger;
    const result = await router.call(`zamok:contacts.${call}`, inputFor(call, c, requester), {
      host: 'cli',
    });
    expect(outcome(call, result, c.id)).toBe(EXPECTED[role][call][whose]);
  });
});
