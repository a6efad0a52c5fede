/**
 * What each built-in role may do. The roles issue grows this into scoped permissions and custom roles;
 * the router reads it through the session, never the renderer.
 */
import { PERMISSIONS, type Permission, type Role } from './permissions';

/** Permissions granted by each built-in role. */
export const BUILT_IN_ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  owner: PERMISSIONS,
  administrator: ['users.manage', 'settings.manage', 'backup.manage'],
  head: [],
  manager: [],
  auditor: ['audit.read'],
};

/** The permission set of a built-in role. */
export function permissionsOf(role: Role): ReadonlySet<Permission> {
  return new Set(BUILT_IN_ROLE_PERMISSIONS[role]);
}
