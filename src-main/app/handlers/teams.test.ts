/**
 * Teams through the composed router on a real vault: who may create, rename, delete and staff them
 * (`teams.manage`: owner, administrator), what each call writes into the audit log, and what a
 * team's head, a member and someone from another team then see where their role's scope is `team`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { contactInputSchema, type ContactListPage } from '../../../src-shared/contacts';
import { contactsContract } from '../../../src-shared/ipc/contacts';
import type { Result } from '../../../src-shared/ipc/contract';
import { dealsContract, pipelinesContract } from '../../../src-shared/ipc/deals';
import { teamsContract, type TeamSummary } from '../../../src-shared/ipc/teams';
import type { DealListPage } from '../../../src-shared/deals';
import type { Grants } from '../../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { createUser } from '../../auth/accounts';
import { createContact } from '../../crm/contacts';
import { createDealsTestVault } from '../../crm/deals/deals.test-support';
import type { TestStaff } from '../../crm/contacts/contacts.test-support';
import { createRole } from '../../roles/roles';
import { closeTestVaults, composeTestApp, keepOpen, value } from './app.test-support';
import { contactsHandlers } from './contacts';
import { dealsHandlers } from './deals';
import { teamsHandlers } from './teams';

afterEach(closeTestVaults);

/** A role whose records reach the caller's team: what a team head's custom role looks like. */
const TEAM_LEAD: Grants = {
  'contacts.read': 'team',
  'deals.read': 'team',
  'users.read': true,
};

async function office() {
  const t = await keepOpen(createDealsTestVault());
  const { vault, staff } = t;
  const app = composeTestApp({
    vault,
    staff,
    contract: {
      teams: teamsContract,
      contacts: contactsContract,
      deals: dealsContract,
      pipelines: pipelinesContract,
    },
    handlers: ({ state, openVault }) => ({
      teams: teamsHandlers({ state, now: () => new Date() }),
      contacts: contactsHandlers({ openVault }),
      ...dealsHandlers({ openVault }),
    }),
  });
  const admin = (
    await createUser(vault.db, { login: 'admin', displayName: 'Адмін', role: 'administrator' })
  ).id;
  const roles = new Map<string, { id: string; grants: Grants }>();
  async function giveRole(who: keyof TestStaff, grants: Grants) {
    const owner = { userId: staff.owner, role: 'owner', grants: BUILT_IN_GRANTS.owner };
    const role = await createRole(vault.db, owner, { name: `role ${who}`, grants }, new Date());
    vault.sqlite.prepare('UPDATE users SET role = ? WHERE id = ?').run(role.id, staff[who]);
    roles.set(who, { id: role.id, grants: role.grants });
  }
  function as(who: keyof TestStaff | 'admin') {
    if (who === 'admin') {
      app.state.signIn(vault, {
        userId: admin,
        login: 'admin',
        role: 'administrator',
        grants: BUILT_IN_GRANTS.administrator,
        teamId: null,
      });
    } else {
      const custom = roles.get(who);
      app.signInStaff(who, custom ? { role: custom.id, grants: custom.grants } : {});
    }
    return (name: string, input: unknown): Promise<Result<unknown>> => app.call(name, input);
  }
  const audit = (action: string) =>
    vault.sqlite
      .prepare(
        'SELECT user_id, outcome, entity_type, entity_id, changes, details FROM audit_log WHERE action = ? ORDER BY seq',
      )
      .all(action) as {
      user_id: string;
      outcome: string;
      entity_type: string | null;
      entity_id: string | null;
      changes: string | null;
      details: string | null;
    }[];
  const teamOf = (userId: string) =>
    vault.sqlite.prepare('SELECT team_id FROM users WHERE id = ?').pluck().get(userId);
  return { ...t, admin, as, giveRole, audit, teamOf };
}

const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

describe('teams: who may manage them, and the audit trail', () => {
  it('the owner creates, renames, staffs and deletes a team; each call is audited with its changes', async () => {
    const { staff, as, audit, teamOf } = await office();
    const call = as('owner');
    const team = value<TeamSummary>(await call('teams.create', { name: '  Продажі Київ ' }));
    expect(team).toMatchObject({ name: 'Продажі Київ', headUserId: null, memberIds: [] });
    expect(team.id).toMatch(/^team-[0-9a-f-]{36}$/);
    value(await call('teams.rename', { id: team.id, name: 'Київ' }));
    value(await call('teams.assign', { userId: staff.borys, teamId: team.id }));
    const headed = value<TeamSummary>(
      await call('teams.setHead', { id: team.id, userId: staff.head }),
    );
    // The head from outside the team joined it.
    expect(headed.headUserId).toBe(staff.head);
    expect([...headed.memberIds].sort()).toEqual([staff.borys, staff.head].sort());
    expect(teamOf(staff.head)).toBe(team.id);

    const created = audit('teams.create');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      user_id: staff.owner,
      outcome: 'ok',
      entity_type: 'team',
      entity_id: team.id,
    });
    expect(JSON.parse(created[0]?.changes ?? '')).toMatchObject({
      name: { after: 'Продажі Київ' },
    });
    expect(JSON.parse(audit('teams.rename')[0]?.changes ?? '')).toMatchObject({
      name: { before: 'Продажі Київ', after: 'Київ' },
    });
    expect(audit('teams.assign')[0]).toMatchObject({ entity_type: 'user', entity_id: staff.borys });
    expect(JSON.parse(audit('teams.assign')[0]?.changes ?? '')).toMatchObject({
      teamId: { before: 'south', after: team.id },
    });
    const setHead = audit('teams.set_head')[0];
    expect(JSON.parse(setHead?.changes ?? '')).toMatchObject({
      headUserId: { before: null, after: staff.head },
    });
    expect(JSON.parse(setHead?.details ?? '')).toMatchObject({
      joinedTeam: { userId: staff.head, from: null },
    });

    // Deleting leaves the members without a team (records stay theirs); the entry names them.
    const deleted = value<{ unassigned: number }>(await call('teams.delete', { id: team.id }));
    expect(deleted.unassigned).toBe(2);
    expect([teamOf(staff.borys), teamOf(staff.head)]).toEqual([null, null]);
    const entry = audit('teams.delete')[0];
    expect(JSON.parse(entry?.changes ?? '')).toMatchObject({
      name: { before: 'Київ' },
      headUserId: { before: staff.head },
    });
    expect(JSON.parse(entry?.details ?? '').unassignedUserIds.sort()).toEqual(
      [staff.borys, staff.head].sort(),
    );
    const left = value<TeamSummary[]>(await call('teams.list', {}));
    expect(left.map(t => t.id)).not.toContain(team.id);
  });

  it('an administrator manages teams; a manager and a head are refused and their attempts recorded', async () => {
    const { staff, as, audit } = await office();
    const made = value<TeamSummary>(await as('admin')('teams.create', { name: 'Захід' }));
    expect(code(await as('admin')('teams.assign', { userId: staff.anna, teamId: made.id }))).toBe(
      'ok',
    );
    for (const who of ['anna', 'head'] as const) {
      const call = as(who);
      expect(code(await call('teams.create', { name: `Команда ${who}` }))).toBe('forbidden');
      expect(code(await call('teams.rename', { id: made.id, name: 'Схід' }))).toBe('forbidden');
      expect(code(await call('teams.assign', { userId: staff[who], teamId: made.id }))).toBe(
        'forbidden',
      );
      expect(code(await call('teams.setHead', { id: made.id, userId: staff[who] }))).toBe(
        'forbidden',
      );
      expect(code(await call('teams.delete', { id: made.id }))).toBe('forbidden');
    }
    // A manager has no users.read: the list is refused too; a head may read it.
    expect(code(await as('anna')('teams.list', {}))).toBe('forbidden');
    expect(code(await as('head')('teams.list', {}))).toBe('ok');
    expect(audit('teams.create').map(e => e.outcome)).toEqual(['ok', 'denied', 'denied']);
    expect(audit('teams.delete').map(e => `${e.outcome} ${e.user_id}`)).toEqual([
      `denied ${staff.anna}`,
      `denied ${staff.head}`,
    ]);
    const names = value<TeamSummary[]>(await as('owner')('teams.list', {})).map(t => t.name);
    expect(names).toEqual(['north', 'south', 'Захід']);
  });

  it('refuses a taken name in any letter case, an unknown team, a dismissed user; nothing changes', async () => {
    const { staff, as, audit, teamOf } = await office();
    const call = as('owner');
    const team = value<TeamSummary>(await call('teams.create', { name: 'Північ' }));
    expect(code(await call('teams.create', { name: 'ПІВНІЧ' }))).toBe('conflict');
    expect(code(await call('teams.create', { name: 'NORTH' }))).toBe('conflict');
    expect(code(await call('teams.rename', { id: 'south', name: ' північ ' }))).toBe('conflict');
    expect(code(await call('teams.rename', { id: team.id, name: 'північ' }))).toBe('ok');
    expect(code(await call('teams.assign', { userId: staff.anna, teamId: 'team-nope' }))).toBe(
      'not_found',
    );
    expect(code(await call('teams.assign', { userId: staff.gone, teamId: team.id }))).toBe(
      'conflict',
    );
    expect(code(await call('teams.setHead', { id: 'team-nope', userId: staff.anna }))).toBe(
      'not_found',
    );
    expect(code(await call('teams.create', { name: '   ' }))).toBe('invalid_input');
    expect(code(await call('teams.create', { name: 'x'.repeat(61) }))).toBe('invalid_input');
    expect(teamOf(staff.anna)).toBe('north');
    expect(audit('teams.create').map(e => e.outcome)).toEqual(['ok', 'failed', 'failed']);
    const names = value<TeamSummary[]>(await call('teams.list', {})).map(t => t.name);
    expect(names).toEqual(['north', 'south', 'північ']);
  });

  it('a member who moves to another team stops being the head of the old one', async () => {
    const { staff, as } = await office();
    const call = as('owner');
    value(await call('teams.setHead', { id: 'north', userId: staff.anna }));
    value(await call('teams.assign', { userId: staff.anna, teamId: 'south' }));
    const teams = value<TeamSummary[]>(await call('teams.list', {}));
    expect(teams.find(t => t.id === 'north')?.headUserId).toBe(null);
    expect(teams.find(t => t.id === 'south')?.memberIds).toContain(staff.anna);
  });
});

describe('teams: what a team scope reaches', () => {
  async function withRecords() {
    const t = await office();
    const contact = async (owner: string, surname: string) =>
      (
        await createContact(
          t.vault.db,
          { userId: owner },
          contactInputSchema.parse({ surname, givenName: 'Тест' }),
        )
      ).after.id;
    const records = {
      anna: {
        contact: await contact(t.staff.anna, 'Анненко'),
        deal: (await t.deal(t.staff.anna)).id,
      },
      vira: {
        contact: await contact(t.staff.vira, 'Віренко'),
        deal: (await t.deal(t.staff.vira)).id,
      },
      borys: {
        contact: await contact(t.staff.borys, 'Борисенко'),
        deal: (await t.deal(t.staff.borys)).id,
      },
      head: {
        contact: await contact(t.staff.head, 'Головенко'),
        deal: (await t.deal(t.staff.head)).id,
      },
    };
    await t.giveRole('head', TEAM_LEAD);
    await t.giveRole('borys', TEAM_LEAD);
    return { ...t, records };
  }
  const contactIds = async (
    call: ReturnType<Awaited<ReturnType<typeof office>>['as']>,
    filter = {},
  ) =>
    value<ContactListPage>(await call('contacts.list', { filter }))
      .items.map(c => c.id)
      .sort();
  const dealIds = async (call: ReturnType<Awaited<ReturnType<typeof office>>['as']>, filter = {}) =>
    value<DealListPage>(await call('deals.list', { filter }))
      .items.map(d => d.id)
      .sort();

  it('made head of a team, a team-scoped role sees the members’ records; a member of another team does not', async () => {
    const { staff, as, records } = await withRecords();
    // Before: the head is in no team, so `team` covers only their own records.
    expect(await contactIds(as('head'))).toEqual([records.head.contact]);
    value(await as('owner')('teams.setHead', { id: 'north', userId: staff.head }));
    // The session re-reads the account on the next call: the head now reaches north's records.
    const north = [records.anna, records.vira, records.head];
    expect(await contactIds(as('head'))).toEqual(north.map(r => r.contact).sort());
    expect(await dealIds(as('head'))).toEqual(north.map(r => r.deal).sort());
    // Borys (south, same role) sees only south: himself.
    expect(await contactIds(as('borys'))).toEqual([records.borys.contact]);
    expect(await dealIds(as('borys'))).toEqual([records.borys.deal]);
    // Anna (north, a manager: scope own) still sees her own only.
    expect(await contactIds(as('anna'))).toEqual([records.anna.contact]);
    // Taken out of the team, the head is back to their own records.
    value(await as('owner')('teams.assign', { userId: staff.head }));
    expect(await contactIds(as('head'))).toEqual([records.head.contact]);
  });

  it('the owner filter only narrows: filtering by someone outside the scope gives nothing', async () => {
    const { staff, as, records } = await withRecords();
    value(await as('owner')('teams.setHead', { id: 'north', userId: staff.head }));
    const head = as('head');
    expect(await contactIds(head, { ownerId: staff.vira })).toEqual([records.vira.contact]);
    expect(await dealIds(head, { ownerId: staff.anna })).toEqual([records.anna.deal]);
    expect(await contactIds(head, { ownerId: staff.borys })).toEqual([]);
    expect(await dealIds(head, { ownerId: staff.borys })).toEqual([]);
    const anna = as('anna');
    expect(await contactIds(anna, { ownerId: staff.vira })).toEqual([]);
    expect(await dealIds(anna, { ownerId: staff.borys })).toEqual([]);
    expect(await dealIds(anna, { ownerId: staff.anna })).toEqual([records.anna.deal]);
  });
});
