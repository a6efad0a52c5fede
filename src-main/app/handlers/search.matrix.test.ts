/**
 * search.query × every built-in role × each entity group × a record of the caller's own and someone
 * else's, through the router (audit and permission wrappers) on a real vault. `found`: the record is
 * in its group; `hidden`: the group is there, the record is not; `absent`: the role cannot read
 * that entity, so the group is missing altogether (not even an empty list or a count).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityInputSchema } from '../../../src-shared/activities/schema';
import { companyInputSchema } from '../../../src-shared/companies';
import { contactInputSchema } from '../../../src-shared/contacts';
import { dealInputSchema } from '../../../src-shared/deals/schema';
import type { Result } from '../../../src-shared/ipc/contract';
import {
  searchContract,
  type SearchGroup,
  type SearchResult,
} from '../../../src-shared/ipc/search';
import type { BuiltInRole } from '../../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { createActivity } from '../../crm/activities';
import { createCompany } from '../../crm/companies';
import { createContact } from '../../crm/contacts';
import {
  createContactsTestVault,
  type ContactsTestDb,
} from '../../crm/contacts/contacts.test-support';
import { createDeal } from '../../crm/deals';
import { createRouter, noSessions, requirePermission, type Router } from '../../ipc';
import { type OpenVault } from '../../vault';
import type { VaultState } from '../vault-state';
import { composeTestApp, usersByRole } from './app.test-support';
import { searchHandlers } from './search';

type Outcome = 'found' | 'hidden' | 'absent';
type Whose = 'own' | 'other';

const each = (o: Outcome): Record<Whose, Outcome> => ({ own: o, other: o });
const EXPECTED: Record<BuiltInRole, Record<Whose, Outcome>> = {
  owner: each('found'),
  head: each('found'),
  manager: { own: 'found', other: 'hidden' },
  administrator: each('absent'),
  auditor: each('absent'),
};
const GROUPS: readonly SearchGroup[] = ['contacts', 'companies', 'deals', 'activities'];

let vault: OpenVault;
let db: ContactsTestDb;
let state: VaultState;
let router: Router;
let users: Record<BuiltInRole | 'stranger', string>;

beforeAll(async () => {
  const t = await createContactsTestVault();
  vault = t.vault;
  db = t.db;
  users = await usersByRole(t.db, t.staff);
  ({ state, router } = composeTestApp({
    vault,
    staff: t.staff,
    contract: { search: searchContract },
    handlers: ({ openVault }) => ({ search: searchHandlers({ openVault }) }),
    sessionGuard: false,
  }));
});

afterAll(() => vault.close());

/** The vault typed with the deal and activity tables. */
const crm = () => vault.db;

/** One record of each entity owned by `ownerId`, all carrying the word `marker`. Their ids. */
async function records(ownerId: string, marker: string): Promise<Record<SearchGroup, string>> {
  const contact = await createContact(
    db,
    { userId: ownerId },
    contactInputSchema.parse({ surname: marker, givenName: 'Клієнт' }),
  );
  const company = await createCompany(
    db,
    { userId: ownerId },
    companyInputSchema.parse({ name: `${marker} ТОВ` }),
  );
  const deal = await createDeal(
    crm(),
    { userId: ownerId },
    {},
    dealInputSchema.parse({ title: marker }),
  );
  const activity = await createActivity(
    crm(),
    { userId: ownerId, teamId: null, scope: 'all', records: { contact: 'all' } },
    activityInputSchema.parse({ kind: 'note', subject: marker, contactId: contact.after.id }),
  );
  return {
    contacts: contact.after.id,
    companies: company.after.id,
    deals: deal.after.id,
    activities: activity.after.id,
  };
}

const cases = (Object.keys(EXPECTED) as BuiltInRole[]).flatMap(role =>
  (['own', 'other'] as const).map(whose => ({ role, whose })),
);

describe('search permission matrix', () => {
  it.each(cases)('$role searching for a $whose record of each kind', async ({ role, whose }) => {
    const marker = `Маркер${role}${whose}`;
    const ids = await records(whose === 'own' ? users[role] : users.stranger, marker);
    state.signIn(vault, {
      userId: users[role],
      login: role,
      role,
      grants: BUILT_IN_GRANTS[role],
      teamId: null,
    });
    const result = (await router.call(
      'zamok:search.query',
      { text: marker.toLowerCase() },
      { host: 'cli' },
    )) as Result<SearchResult>;
    if (!result.ok) throw new Error(result.error.code);
    for (const group of GROUPS) {
      const hits = result.value[group];
      const got: Outcome =
        hits === undefined ? 'absent' : hits.some(h => h.id === ids[group]) ? 'found' : 'hidden';
      expect({ group, got }).toEqual({ group, got: EXPECTED[role][whose] });
    }
  });

  it('nobody signed in: refused, nothing found', async () => {
    const locked = createRouter({
      contract: { search: searchContract },
      handlers: { search: searchHandlers({ openVault: () => vault }) },
      sessions: noSessions,
      authorize: (_meta, next) => next,
      wrappers: [requirePermission],
    });
    const result = await locked.call('zamok:search.query', { text: 'маркер' }, { host: 'cli' });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'unauthenticated' }),
    });
  });
});
