/**
 * Users and roles channels through the real router (audit wrapper → session guard → permission
 * check) on real vault files: which built-in role may call what, what an administrator cannot do
 * (client-data roles, the owner role, the owner), and the last-owner protections. Each refusal is
 * checked to have written nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoleInfo, RoleMatrixRow } from '../../src-shared/ipc/roles';
import type { UserSummary } from '../../src-shared/ipc/users';
import { ROLES, type BuiltInRole } from '../../src-shared/permissions';
import { hasPasswordSlot } from '../vault';
import {
  addEnrolledUser,
  failure,
  ok,
  OWNER,
  ownerVault,
  SETUP_PASSWORD,
  testClock,
  type StaffApp,
} from './staff-app.test-support';

const opened: StaffApp[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.app.dispose();
});

/** A vault with the owner signed in and one signed-in colleague per other built-in role. */
async function staffOfEveryRole() {
  const clock = testClock();
  const { dir, staff: owner } = await ownerVault(clock);
  opened.push(owner);
  const apps: Record<BuiltInRole, StaffApp> = { owner } as Record<BuiltInRole, StaffApp>;
  const ids: Partial<Record<BuiltInRole, string>> = {};
  for (const role of ROLES.filter(r => r !== 'owner')) {
    const added = await addEnrolledUser(owner, dir, clock, `${role}-1`, role);
    opened.push(added.other);
    apps[role] = added.other;
    ids[role] = added.user.id;
  }
  return { clock, dir, apps, ids };
}

/** A harmless call per channel: allowed callers get ok or not_found, never a change that matters. */
function probes(role: BuiltInRole): Record<string, unknown> {
  return {
    'users.list': {},
    'users.create': {
      login: `probe-${role}`,
      displayName: 'Probe',
      role: `custom-${randomUUID()}`,
      setupPassword: SETUP_PASSWORD,
    },
    'users.changeRole': { userId: randomUUID(), role: 'manager' },
    'users.resetTwoFactor': { userId: randomUUID() },
    'users.dismiss': { userId: randomUUID() },
    // Choosing who takes over the clients is the owner's (users.handover).
    'users.dismiss#handover': { userId: randomUUID(), reassignToUserId: randomUUID() },
    'roles.list': {},
    'roles.matrix': {},
    'roles.create': { name: `Probe ${role}`, grants: { 'users.read': true } },
    'roles.update': { id: `custom-${randomUUID()}`, name: 'Renamed' },
    'roles.delete': { id: `custom-${randomUUID()}` },
  };
}

const EVERYTHING = Object.keys(probes('owner'));
/** Who may call what (from the issue): everything not listed answers `forbidden`. */
const ALLOWED: Record<BuiltInRole, readonly string[]> = {
  owner: EVERYTHING,
  administrator: EVERYTHING.filter(c => c !== 'users.dismiss#handover'),
  head: ['users.list', 'roles.list', 'roles.matrix'],
  manager: ['roles.list'],
  auditor: ['roles.list'],
};

describe('who may call the users and roles channels', () => {
  it('matches the role table for every built-in role and channel', async () => {
    const { apps } = await staffOfEveryRole();
    const actual: Record<string, Record<string, string>> = {};
    const expected: Record<string, Record<string, string>> = {};
    for (const role of ROLES) {
      actual[role] = {};
      expected[role] = {};
      for (const [channel, input] of Object.entries(probes(role))) {
        const r = await apps[role].call(channel.split('#')[0] ?? channel, input);
        const code = r.ok ? 'ok' : r.error.code;
        // Allowed callers get past the permission check: ok, or not_found for the made-up ids.
        actual[role][channel] = code === 'ok' || code === 'not_found' ? 'allowed' : code;
        expected[role][channel] = ALLOWED[role].includes(channel) ? 'allowed' : 'forbidden';
      }
    }
    expect(actual).toEqual(expected);
  });

  it('a manager is refused every users call and sees no staff list', async () => {
    const { apps, ids } = await staffOfEveryRole();
    const manager = apps.manager;
    for (const channel of ['users.list', 'users.changeRole', 'users.dismiss', 'roles.matrix']) {
      const input = probes('manager')[channel];
      const error = await failure(manager.call(channel, input));
      expect(error.code).toBe('forbidden');
      expect(JSON.stringify(error)).not.toContain('owner-1');
    }
    // Not even against themselves: a manager cannot make themselves head.
    const self = await failure(
      manager.call('users.changeRole', { userId: ids.manager, role: 'head' }),
    );
    expect(self.code).toBe('forbidden');
  });

  it('roles.matrix shows live grants and the active holders of each role', async () => {
    const { apps } = await staffOfEveryRole();
    const matrix = await ok<RoleMatrixRow[]>(apps.head.call('roles.matrix'));
    const byRole = Object.fromEntries(matrix.map(row => [row.role.id, row]));
    expect(byRole.owner?.users.map(u => u.login)).toEqual([OWNER.login]);
    expect(byRole.manager?.users.map(u => u.login)).toEqual(['manager-1']);
    expect(byRole.administrator?.role.grants['contacts.read']).toBeUndefined();
    expect(byRole.head?.role.grants['contacts.read']).toBe('all');
    expect(byRole.manager?.role).toMatchObject({
      builtIn: true,
      grants: { 'contacts.read': 'own' },
    });
  });
});

describe('an administrator manages accounts but cannot reach client data', () => {
  it('cannot create or widen a role with client data, nor assign owner or head', async () => {
    const { apps, ids } = await staffOfEveryRole();
    const admin = apps.administrator;
    const reader = await failure(
      admin.call('roles.create', { name: 'Reader', grants: { 'contacts.read': 'own' } }),
    );
    expect(reader.code).toBe('forbidden');
    const created = await ok<RoleInfo>(
      admin.call('roles.create', { name: 'Helpdesk', grants: { 'users.read': true } }),
    );
    const widened = await failure(
      admin.call('roles.update', {
        id: created.id,
        grants: { 'users.read': true, 'contacts.export': 'all' },
      }),
    );
    expect(widened.code).toBe('forbidden');
    for (const role of ['owner', 'head', 'manager']) {
      const assign = await failure(
        admin.call('users.create', {
          login: `new-${role}`,
          displayName: 'New',
          role,
          setupPassword: SETUP_PASSWORD,
        }),
      );
      expect(assign.code).toBe('forbidden');
      const change = await failure(admin.call('users.changeRole', { userId: ids.auditor, role }));
      expect(change.code).toBe('forbidden');
    }
    // Nothing was written by the refusals.
    const roles = await ok<RoleInfo[]>(admin.call('roles.list'));
    expect(roles.filter(r => !r.builtIn)).toEqual([
      { id: created.id, name: 'Helpdesk', builtIn: false, grants: { 'users.read': true } },
    ]);
    const users = await ok<UserSummary[]>(admin.call('users.list'));
    expect(users.map(u => u.login)).not.toContain('new-owner');
    expect(users.find(u => u.id === ids.auditor)?.role).toBe('auditor');
  });

  it('cannot dismiss, demote or reset the owner, nor change their own role', async () => {
    const { apps, ids, dir } = await staffOfEveryRole();
    const admin = apps.administrator;
    const owner = (await ok<UserSummary[]>(admin.call('users.list'))).find(
      u => u.login === OWNER.login,
    );
    if (!owner) throw new Error('owner missing');
    const refusals = [
      await failure(admin.call('users.dismiss', { userId: owner.id })),
      await failure(admin.call('users.changeRole', { userId: owner.id, role: 'administrator' })),
      await failure(admin.call('users.resetTwoFactor', { userId: owner.id })),
      await failure(admin.call('users.changeRole', { userId: ids.administrator, role: 'auditor' })),
    ];
    expect(refusals.map(e => e.code)).toEqual(['forbidden', 'forbidden', 'forbidden', 'forbidden']);
    expect(hasPasswordSlot(dir, OWNER.login)).toBe(true);
    const after = await ok<UserSummary[]>(admin.call('users.list'));
    expect(after.find(u => u.id === owner.id)).toMatchObject({
      role: 'owner',
      status: 'active',
      totpEnabled: true,
    });
  });
});

describe('the last owner', () => {
  it('cannot dismiss or demote themselves; a second owner can be demoted by the first', async () => {
    const clock = testClock();
    const { dir, staff: owner, owner: me } = await ownerVault(clock);
    opened.push(owner);
    const { user: heir, other } = await addEnrolledUser(owner, dir, clock, 'heir', 'manager');
    opened.push(other);
    const dismissSelf = await failure(
      owner.call('users.dismiss', { userId: me.id, reassignToUserId: heir.id }),
    );
    const demoteSelf = await failure(
      owner.call('users.changeRole', { userId: me.id, role: 'head' }),
    );
    expect([dismissSelf.code, demoteSelf.code]).toEqual(['forbidden', 'forbidden']);
    expect(hasPasswordSlot(dir, OWNER.login)).toBe(true);

    const second = await ok<UserSummary>(
      owner.call('users.changeRole', { userId: heir.id, role: 'owner' }),
    );
    expect(second.role).toBe('owner');
    const demoted = await ok<UserSummary>(
      owner.call('users.changeRole', { userId: heir.id, role: 'manager' }),
    );
    expect(demoted.role).toBe('manager');
    const list = await ok<UserSummary[]>(owner.call('users.list'));
    expect(list.filter(u => u.role === 'owner' && u.status === 'active')).toHaveLength(1);
  });
});
