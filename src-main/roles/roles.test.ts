/**
 * Custom roles through the real router on real vault files: validation of grants, built-in roles
 * that cannot be edited, names that cannot clash, a role in use that cannot be deleted, before/after
 * grants in the audit log, and a changed definition reaching an open session of a holder.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RoleInfo, RoleMatrixRow } from '../../src-shared/ipc/roles';
import type { UserSummary } from '../../src-shared/ipc/users';
import { listAudit, verifyAuditChain } from '../audit';
import { createNoKeychainStore, unlockWithPassword, type OpenVault } from '../vault';
import {
  addEnrolledUser,
  failure,
  ok,
  OWNER,
  ownerVault,
  testClock,
  type StaffApp,
} from '../users/staff-app.test-support';

const opened: StaffApp[] = [];
const vaults: OpenVault[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.app.dispose();
  for (const v of vaults.splice(0)) v.close();
});

async function setUp() {
  const clock = testClock();
  const { dir, staff: owner } = await ownerVault(clock);
  opened.push(owner);
  return { clock, dir, owner };
}

async function customRoles(app: StaffApp): Promise<RoleInfo[]> {
  return (await ok<RoleInfo[]>(app.call('roles.list'))).filter(r => !r.builtIn);
}

describe('custom roles', () => {
  it('creates a role from the permission list and lists it after the built-in ones', async () => {
    const { owner } = await setUp();
    const role = await ok<RoleInfo>(
      owner.call('roles.create', {
        name: 'Старший менеджер',
        grants: { 'contacts.read': 'team', 'contacts.create': true, 'analytics.read': true },
      }),
    );
    expect(role.id).toMatch(/^custom-[0-9a-f-]{36}$/);
    const roles = await ok<RoleInfo[]>(owner.call('roles.list'));
    expect(roles.slice(0, 5).map(r => r.id)).toEqual([
      'owner',
      'administrator',
      'head',
      'manager',
      'auditor',
    ]);
    expect(roles[5]).toEqual({ ...role, builtIn: false });
  });

  it('refuses unknown permissions, missing or extra scopes, empty grants and clashing names', async () => {
    const { owner } = await setUp();
    await ok(owner.call('roles.create', { name: 'Reception', grants: { 'users.read': true } }));
    const bad: [unknown, string][] = [
      [{ name: 'A', grants: { 'contacts.steal': 'all' } }, 'invalid_input'],
      [{ name: 'A', grants: { 'contacts.read': true } }, 'invalid_input'],
      [{ name: 'A', grants: { 'users.read': 'all' } }, 'invalid_input'],
      [{ name: 'A', grants: { 'contacts.read': 'galaxy' } }, 'invalid_input'],
      [{ name: 'A', grants: {} }, 'invalid_input'],
      [{ name: '   ', grants: { 'users.read': true } }, 'invalid_input'],
      [{ name: 'reception', grants: { 'users.read': true } }, 'conflict'],
      [{ name: 'Owner', grants: { 'users.read': true } }, 'conflict'],
    ];
    for (const [input, code] of bad) {
      expect((await failure(owner.call('roles.create', input))).code, JSON.stringify(input)).toBe(
        code,
      );
    }
    expect((await customRoles(owner)).map(r => r.name)).toEqual(['Reception']);
  });

  it('never edits or deletes a built-in role', async () => {
    const { owner } = await setUp();
    for (const id of ['manager', 'administrator']) {
      const update = await failure(
        owner.call('roles.update', { id, grants: { 'contacts.read': 'all' } }),
      );
      const remove = await failure(owner.call('roles.delete', { id }));
      expect([update.code, remove.code]).toEqual(['forbidden', 'forbidden']);
    }
    const matrix = await ok<RoleMatrixRow[]>(owner.call('roles.matrix'));
    expect(matrix.find(r => r.role.id === 'manager')?.role.grants['contacts.read']).toBe('own');
  });

  it('a changed definition reaches a holder’s open session; a role in use cannot be deleted', async () => {
    const { clock, dir, owner } = await setUp();
    const role = await ok<RoleInfo>(
      owner.call('roles.create', { name: 'Reception', grants: { 'contacts.create': true } }),
    );
    const holder = await addEnrolledUser(owner, dir, clock, 'marta', role.id);
    opened.push(holder.other);
    expect(holder.signedIn.role).toBe(role.id);
    expect((await failure(holder.other.call('users.list'))).code).toBe('forbidden');

    await ok(
      owner.call('roles.update', {
        id: role.id,
        grants: { 'contacts.create': true, 'users.read': true },
      }),
    );
    const list = await ok<UserSummary[]>(holder.other.call('users.list'));
    expect(list.map(u => u.login)).toContain('marta');

    const inUse = await failure(owner.call('roles.delete', { id: role.id }));
    expect(inUse.code).toBe('conflict');
    await ok(owner.call('users.changeRole', { userId: holder.user.id, role: 'manager' }));
    // Once nobody holds it the role can go; the former holder's session follows their new role.
    await ok(owner.call('roles.delete', { id: role.id }));
    expect(await customRoles(owner)).toEqual([]);
    expect((await failure(holder.other.call('users.list'))).code).toBe('forbidden');
  });

  it('writes before/after grants to the audit log', async () => {
    const { dir, owner } = await setUp();
    const role = await ok<RoleInfo>(
      owner.call('roles.create', { name: 'Reception', grants: { 'users.read': true } }),
    );
    await ok(
      owner.call('roles.update', {
        id: role.id,
        name: 'Front desk',
        grants: { 'users.read': true, 'contacts.read': 'own' },
      }),
    );
    await ok(owner.call('roles.delete', { id: role.id }));
    await ok(owner.call('auth.signOut'));
    const vault = await unlockWithPassword(dir, OWNER.login, OWNER.password, {
      deviceStore: createNoKeychainStore(),
    });
    vaults.push(vault);
    const { entries } = await listAudit(vault.db, { limit: 500 });
    const update = entries.find(e => e.action === 'roles.update');
    expect(update).toMatchObject({ outcome: 'ok', entityType: 'role', entityId: role.id });
    expect(update?.changes).toMatchObject({
      name: { before: 'Reception', after: 'Front desk' },
      grants: {
        before: { 'users.read': true },
        after: { 'contacts.read': 'own', 'users.read': true },
      },
    });
    expect(entries.map(e => e.action)).toEqual(
      expect.arrayContaining(['roles.create', 'roles.update', 'roles.delete']),
    );
    expect(verifyAuditChain(vault)).toMatchObject({ ok: true });
    // Deleted for real: nothing left in the table.
    const rows = await vault.db.selectFrom('roles').selectAll().execute();
    expect(rows).toEqual([]);
  });
});
