/**
 * Custom roles: create, rename or regrant, delete, and the "who can see what" matrix. Nobody can
 * create, edit or assign a role that grants more than their own role (grantsWithin), so an
 * administrator cannot hand themselves client data. Built-in roles are code and cannot be edited.
 * Functions throw `CallFailure` with bridge codes and write nothing when they refuse.
 */
import type { Database } from '../vault/schema';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { RoleInfo, RoleMatrixRow } from '../../src-shared/ipc/roles';
import { isBuiltInRole, ROLES, type Grants, type Role } from '../../src-shared/permissions';
import { grantsWithin } from '../../src-shared/roles';
import { CallFailure } from '../calls';
import { builtInRoles, canonicalGrants, rowToRole } from './schema';

/** Who is acting: their id (for created_by/updated_by), their role and its live grants. */
export interface Actor {
  userId: string;
  role: Role;
  grants: Grants;
}

/** Every role: the built-in ones first (fixed order), then custom roles by name. */
export async function listRoles(db: Kysely<Database>): Promise<RoleInfo[]> {
  const rows = await db
    .selectFrom('roles')
    .select(['id', 'name', 'grants'])
    .orderBy('name')
    .execute();
  return [...builtInRoles(), ...rows.map(rowToRole)];
}

/** A role by id (built-in or custom), or undefined. */
export async function findRole(db: Kysely<Database>, id: Role): Promise<RoleInfo | undefined> {
  if (isBuiltInRole(id)) return builtInRoles().find(r => r.id === id);
  const row = await db
    .selectFrom('roles')
    .select(['id', 'name', 'grants'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? rowToRole(row) : undefined;
}

/** Refuses grants wider than the actor's own. */
function assertWithin(grants: Grants, actor: Actor, what: string): void {
  if (!grantsWithin(grants, actor.grants)) {
    throw new CallFailure('forbidden', `You cannot ${what} a role that grants more than your own.`);
  }
}

/**
 * A role the actor may give someone: it exists and grants nothing beyond the actor's grants.
 * Throws `not_found` or `forbidden`.
 */
export async function requireAssignableRole(
  db: Kysely<Database>,
  actor: Actor,
  id: Role,
): Promise<RoleInfo> {
  const role = await findRole(db, id);
  if (!role) throw new CallFailure('not_found', 'There is no such role.');
  assertWithin(role.grants, actor, 'assign');
  return role;
}

/**
 * The role someone holds now, which the actor may take away only when it grants nothing beyond the
 * actor's own grants (an administrator cannot demote a head: the head's role reaches client data
 * the administrator's does not). Throws `forbidden`; a role no longer defined is not protected.
 */
export async function requireRemovableRole(
  db: Kysely<Database>,
  actor: Actor,
  id: Role,
): Promise<void> {
  const role = await findRole(db, id);
  if (role) assertWithin(role.grants, actor, 'take away');
}

async function assertNameFree(
  db: Kysely<Database>,
  name: string,
  exceptId?: string,
): Promise<void> {
  const folded = name.toLocaleLowerCase('uk');
  if ((ROLES as readonly string[]).includes(folded)) {
    throw new CallFailure('conflict', 'This name belongs to a built-in role.');
  }
  const rows = await db.selectFrom('roles').select(['id', 'name']).execute();
  if (rows.some(r => r.id !== exceptId && r.name.toLocaleLowerCase('uk') === folded)) {
    throw new CallFailure('conflict', 'A role with this name already exists.');
  }
}

/** Creates a custom role. */
export async function createRole(
  db: Kysely<Database>,
  actor: Actor,
  input: { name: string; grants: Grants },
  now: Date,
): Promise<RoleInfo> {
  const grants = canonicalGrants(input.grants);
  assertWithin(grants, actor, 'create');
  await assertNameFree(db, input.name);
  const at = now.toISOString();
  const row = {
    id: `custom-${randomUUID()}`,
    name: input.name,
    grants: JSON.stringify(grants),
    created_at: at,
    created_by: actor.userId,
    updated_at: at,
    updated_by: actor.userId,
  };
  await db.insertInto('roles').values(row).execute();
  return rowToRole(row);
}

/** A custom role the actor may edit or delete: it exists, is custom and is not stronger than them. */
async function requireEditable(
  db: Kysely<Database>,
  actor: Actor,
  id: Role,
  what: string,
): Promise<RoleInfo> {
  if (isBuiltInRole(id)) {
    throw new CallFailure(
      'forbidden',
      'Built-in roles are defined by Zamok and cannot be changed; create a custom role instead.',
    );
  }
  const role = await findRole(db, id);
  if (!role) throw new CallFailure('not_found', 'There is no such role.');
  assertWithin(role.grants, actor, what);
  return role;
}

/** Renames a custom role and/or replaces its grants. Returns the role before and after. */
export async function updateRole(
  db: Kysely<Database>,
  actor: Actor,
  input: { id: Role; name?: string | undefined; grants?: Grants | undefined },
  now: Date,
): Promise<{ before: RoleInfo; after: RoleInfo }> {
  const before = await requireEditable(db, actor, input.id, 'edit');
  const grants = input.grants ? canonicalGrants(input.grants) : before.grants;
  assertWithin(grants, actor, 'widen');
  const name = input.name ?? before.name;
  if (input.name !== undefined) await assertNameFree(db, name, before.id);
  await db
    .updateTable('roles')
    .set({
      name,
      grants: JSON.stringify(grants),
      updated_at: now.toISOString(),
      updated_by: actor.userId,
    })
    .where('id', '=', before.id)
    .execute();
  return { before, after: { ...before, name, grants } };
}

/**
 * Deletes a custom role that no account holds (dismissed accounts keep their role for the record,
 * so they count too). Returns the deleted role.
 */
export async function deleteRole(db: Kysely<Database>, actor: Actor, id: Role): Promise<RoleInfo> {
  const role = await requireEditable(db, actor, id, 'delete');
  const holder = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', role.id)
    .executeTakeFirst();
  if (holder) {
    throw new CallFailure('conflict', 'Accounts hold this role; give them another role first.');
  }
  await db.deleteFrom('roles').where('id', '=', role.id).execute();
  return role;
}

/** Who can see what: each role's live grants and the active users holding it. */
export async function roleMatrix(db: Kysely<Database>): Promise<RoleMatrixRow[]> {
  const roles = await listRoles(db);
  const users = await db
    .selectFrom('users')
    .select(['id', 'login', 'display_name', 'role'])
    .where('status', '=', 'active')
    .orderBy('login')
    .execute();
  return roles.map(role => ({
    role,
    users: users
      .filter(u => u.role === role.id)
      .map(u => ({ id: u.id, login: u.login, displayName: u.display_name })),
  }));
}
