import { afterEach, describe, expect, it } from 'vitest';
import { createNoKeychainStore, unlockWithPassword, type OpenVault } from '../vault';
import { createTestVault } from '../vault/temp-vault.test-support';
import { isAccountError } from './account-schema';
import {
  countActiveUsersWithRole,
  createUser,
  findUserById,
  findUserByLogin,
  listUsers,
  markPasswordChanged,
  markSignIn,
  setDisplayName,
  setMustChangePassword,
  setRole,
  setStatus,
} from './accounts';
import { insertTestTeams } from '../teams/teams.test-support';

const opened: OpenVault[] = [];
afterEach(() => {
  for (const vault of opened.splice(0)) vault.close();
});

async function newVault() {
  const created = await createTestVault();
  opened.push(created.vault);
  return { ...created, db: created.vault.db };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

const T = new Date('2026-01-05T09:00:00.000Z');

describe('accounts', () => {
  it('creates an active account without 2FA and finds it by login in any case', async () => {
    const { db } = await newVault();
    const user = await createUser(
      db,
      { login: '  Olena.K ', displayName: ' Олена Коваленко ', role: 'manager' },
      T,
    );
    expect(user).toMatchObject({
      login: 'olena.k',
      displayName: 'Олена Коваленко',
      role: 'manager',
      status: 'active',
      createdAt: T.toISOString(),
      lastSignInAt: null,
      totpEnabled: false,
      mustChangePassword: false,
    });
    expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await findUserByLogin(db, 'OLENA.K')).toEqual(user);
    expect(await findUserById(db, user.id)).toEqual(user);
    expect(await findUserByLogin(db, 'nobody')).toBeUndefined();
    expect(await findUserByLogin(db, 'not a login!')).toBeUndefined();
    expect(await findUserById(db, 'no-such-id')).toBeUndefined();
  });

  it('keeps accounts after the vault is locked and unlocked again (stored in the encrypted db)', async () => {
    const { db, vault, dir, ownerLogin, ownerPassword } = await newVault();
    await createUser(db, { login: 'petro', displayName: 'Петро', role: 'head' }, T);
    vault.close();
    const again = await unlockWithPassword(dir, ownerLogin, ownerPassword, {
      deviceStore: createNoKeychainStore(),
    });
    opened.push(again);
    expect((await findUserByLogin(again.db, 'petro'))?.role).toBe('head');
  });

  it('refuses a taken login, even one of a dismissed colleague, and writes nothing', async () => {
    const { db } = await newVault();
    const first = await createUser(
      db,
      { login: 'olena', displayName: 'Olena', role: 'manager' },
      T,
    );
    await setStatus(db, first.id, 'dismissed');
    const err = await rejection(
      createUser(db, { login: 'OLENA', displayName: 'Other', role: 'owner' }, T),
    );
    expect(isAccountError(err, 'conflict')).toBe(true);
    expect(await listUsers(db)).toHaveLength(1);
  });

  it('rejects bad input with invalid_input and leaves the table unchanged', async () => {
    const { db } = await newVault();
    const bad = [
      { login: 'a', displayName: 'A', role: 'manager' },
      { login: 'x'.repeat(65), displayName: 'A', role: 'manager' },
      { login: 'drop table;', displayName: 'A', role: 'manager' },
      { login: 'valid', displayName: '   ', role: 'manager' },
      { login: 'valid', displayName: 'A'.repeat(121), role: 'manager' },
      { login: 'valid', displayName: 'A', role: 'superuser' },
    ];
    for (const input of bad) {
      const err = await rejection(createUser(db, input as never, T));
      expect(isAccountError(err, 'invalid_input'), JSON.stringify(input)).toBe(true);
      expect((err as Error).message).not.toContain(input.login);
    }
    expect(await listUsers(db)).toEqual([]);
  });

  it('lists accounts by login and filters by status', async () => {
    const { db } = await newVault();
    const zoya = await createUser(db, { login: 'zoya', displayName: 'Зоя', role: 'manager' }, T);
    await createUser(db, { login: 'andrii', displayName: 'Андрій', role: 'owner' }, T);
    await setStatus(db, zoya.id, 'dismissed');
    expect((await listUsers(db)).map(u => u.login)).toEqual(['andrii', 'zoya']);
    expect((await listUsers(db, { status: 'active' })).map(u => u.login)).toEqual(['andrii']);
    expect((await listUsers(db, { status: 'dismissed' })).map(u => u.login)).toEqual(['zoya']);
  });

  it('accepts custom role ids and a team, and refuses anything shaped otherwise', async () => {
    const { db } = await newVault();
    const custom = 'custom-0b5e7f1c-3a52-4d8e-9f10-2c4b6d8e0a13';
    await insertTestTeams(db, ['team-kyiv']);
    const user = await createUser(
      db,
      { login: 'marta', displayName: 'Марта', role: custom, teamId: 'team-kyiv' },
      T,
    );
    expect(user).toMatchObject({ role: custom, teamId: 'team-kyiv' });
    expect((await findUserByLogin(db, 'marta'))?.role).toBe(custom);
    for (const role of [
      'custom-',
      'custom-x',
      `${custom}0`,
      'CUSTOM-0B5E7F1C-3A52-4D8E-9F10-2C4B6D8E0A13',
    ]) {
      const err = await rejection(createUser(db, { login: 'other', displayName: 'O', role }, T));
      expect(isAccountError(err, 'invalid_input'), role).toBe(true);
    }
    expect((await listUsers(db)).map(u => u.login)).toEqual(['marta']);
  });

  it('counts active holders of a role so the last owner cannot be removed', async () => {
    const { db } = await newVault();
    const a = await createUser(db, { login: 'owner1', displayName: 'A', role: 'owner' }, T);
    await createUser(db, { login: 'owner2', displayName: 'B', role: 'owner' }, T);
    expect(await countActiveUsersWithRole(db, 'owner')).toBe(2);
    await setStatus(db, a.id, 'dismissed');
    expect(await countActiveUsersWithRole(db, 'owner')).toBe(1);
    expect(await countActiveUsersWithRole(db, 'auditor')).toBe(0);
  });

  it('updates role, name, status, sign-in and password times', async () => {
    const { db } = await newVault();
    const user = await createUser(
      db,
      { login: 'ivan', displayName: 'Іван', role: 'manager', mustChangePassword: true },
      T,
    );
    expect(user.mustChangePassword).toBe(true);
    expect((await setRole(db, user.id, 'head')).role).toBe('head');
    expect((await setDisplayName(db, user.id, 'Іван Франко')).displayName).toBe('Іван Франко');
    expect((await markSignIn(db, user.id, T)).lastSignInAt).toBe(T.toISOString());
    const later = new Date(T.getTime() + 60_000);
    const changed = await markPasswordChanged(db, user.id, later);
    expect(changed).toMatchObject({
      passwordChangedAt: later.toISOString(),
      mustChangePassword: false,
    });
    expect((await setMustChangePassword(db, user.id, true)).mustChangePassword).toBe(true);
    expect((await setStatus(db, user.id, 'dismissed')).status).toBe('dismissed');
    expect((await setStatus(db, user.id, 'active')).status).toBe('active');
  });

  it('answers not_found for an unknown user and invalid_input for nonsense values', async () => {
    const { db } = await newVault();
    const user = await createUser(db, { login: 'ivan', displayName: 'Іван', role: 'manager' }, T);
    expect(isAccountError(await rejection(setRole(db, 'missing', 'owner')), 'not_found')).toBe(
      true,
    );
    expect(isAccountError(await rejection(markSignIn(db, 'x'.repeat(101))), 'invalid_input')).toBe(
      true,
    );
    expect(
      isAccountError(await rejection(setRole(db, user.id, 'god' as never)), 'invalid_input'),
    ).toBe(true);
    expect(
      isAccountError(await rejection(setStatus(db, user.id, 'gone' as never)), 'invalid_input'),
    ).toBe(true);
    expect(
      isAccountError(await rejection(markSignIn(db, user.id, new Date('nope'))), 'invalid_input'),
    ).toBe(true);
    expect(await findUserById(db, user.id)).toEqual(user);
  });

  it('enforces the status values in the database itself', async () => {
    const { vault } = await newVault();
    expect(() =>
      vault.sqlite
        .prepare(
          "INSERT INTO users (id, login, display_name, role, status, created_at) VALUES ('1', 'x1', 'X', 'owner', 'deleted', 't')",
        )
        .run(),
    ).toThrow(/CHECK constraint/);
  });
});
