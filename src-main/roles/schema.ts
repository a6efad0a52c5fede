/**
 * The `roles` table (migration 0004_roles) and how its rows become {@link RoleInfo}. Only custom
 * roles are stored; built-in ones come from code (src-shared/roles.ts) and cannot be changed.
 */
import type { Database } from '../vault/schema';
import type { Kysely } from 'kysely';
import { grantsSchema, type RoleInfo } from '../../src-shared/ipc/roles';
import { isBuiltInRole, type Grants, type Role } from '../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../src-shared/roles';
import type { RolesTable } from '../vault/schema';

export type { RolesTable };

/**
 * Stored grants → `Grants`. A row that fails validation (edited outside the app, or written by a
 * newer build) grants nothing: fail closed rather than guess.
 */
export function parseStoredGrants(json: string): Grants {
  try {
    const parsed = grantsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** `roles` row → `RoleInfo`. */
export function rowToRole(row: Pick<RolesTable, 'id' | 'name' | 'grants'>): RoleInfo {
  return { id: row.id, name: row.name, builtIn: false, grants: parseStoredGrants(row.grants) };
}

/** The built-in roles as `RoleInfo` (their names are their ids; the renderer translates them). */
export function builtInRoles(): RoleInfo[] {
  return Object.entries(BUILT_IN_GRANTS).map(([id, grants]) => ({
    id,
    name: id,
    builtIn: true,
    grants: { ...grants },
  }));
}

/**
 * The live grants of a role: built-in from code, custom from the table. An unknown role (a custom
 * role id with no row) grants nothing.
 */
export async function grantsForRole(db: Kysely<Database>, role: Role): Promise<Grants> {
  if (isBuiltInRole(role)) return BUILT_IN_GRANTS[role];
  const row = await db
    .selectFrom('roles')
    .select('grants')
    .where('id', '=', role)
    .executeTakeFirst();
  return row ? parseStoredGrants(row.grants) : {};
}

/** Grants in a canonical order, to compare two maps or show before/after in the audit log. */
export function canonicalGrants(grants: Grants): Grants {
  const entries = Object.entries(grants).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries) as Grants;
}

/** True when both maps grant exactly the same. */
export function sameGrants(a: Grants, b: Grants): boolean {
  // Built-in roles hand out one frozen map: the session guard compares it with itself on every call.
  if (a === b) return true;
  return JSON.stringify(canonicalGrants(a)) === JSON.stringify(canonicalGrants(b));
}
