/**
 * The role editor's and the matrix's logic, free of React: permission groups, the checklist → grants
 * map, and how one cell of "who can see what" reads.
 */
import type { TFunction } from 'i18next';
import type { RoleInfo } from '../../../src-shared/ipc/roles';
import {
  PERMISSIONS,
  SCOPE_RANK,
  SCOPES,
  isScopedPermission,
  type Grants,
  type Permission,
  type Scope,
  type ScopedPermission,
} from '../../../src-shared/permissions';
import { grantOf } from '../../../src-shared/roles';

/** Groups of the checklist and the matrix, in the order they are shown. */
export const PERMISSION_GROUPS = [
  'contacts',
  'companies',
  'deals',
  'activities',
  'documents',
  'users',
  'audit',
  'security',
  'analytics',
  'backup',
  'privacy',
  'settings',
] as const;
export type PermissionGroup = (typeof PERMISSION_GROUPS)[number];

/** The group a permission is listed under (`roles.manage` with users, alerts with security). */
export function groupOf(permission: Permission): PermissionGroup {
  const feature = permission.split('.')[0];
  if (feature === 'roles' || feature === 'teams') return 'users';
  if (feature === 'alerts') return 'security';
  if (feature === 'reports') return 'security';
  if (feature === 'pipelines') return 'deals';
  if (feature === 'consent') return 'privacy';
  return (PERMISSION_GROUPS as readonly string[]).includes(feature ?? '')
    ? (feature as PermissionGroup)
    : 'settings';
}

/** Every permission, grouped, in declaration order within each group (empty groups left out). */
export function groupedPermissions(): { group: PermissionGroup; permissions: Permission[] }[] {
  return PERMISSION_GROUPS.map(group => ({
    group,
    permissions: PERMISSIONS.filter(p => groupOf(p) === group),
  })).filter(g => g.permissions.length > 0);
}

/** The editor's state: which permissions are ticked, and the scope chosen for scoped ones. */
export interface GrantDraft {
  checked: ReadonlySet<Permission>;
  scopes: Readonly<Partial<Record<ScopedPermission, Scope>>>;
}

/** A draft from existing grants (editing a role) or empty (a new role). */
export function draftOf(grants: Grants | null): GrantDraft {
  const checked = new Set<Permission>();
  const scopes: Partial<Record<ScopedPermission, Scope>> = {};
  if (grants) {
    for (const p of PERMISSIONS) {
      const grant = grantOf(grants, p);
      if (grant === undefined) continue;
      checked.add(p);
      if (isScopedPermission(p) && grant !== true) scopes[p] = grant;
    }
  }
  return { checked, scopes };
}

/**
 * The grants map the draft stands for: ticked plain permissions `true`, ticked scoped ones with
 * their chosen scope (`own` when none was chosen: the narrowest is the safe default).
 */
export function grantsOfDraft(draft: GrantDraft): Grants {
  const grants: Record<string, Scope | true> = {};
  for (const p of PERMISSIONS) {
    if (!draft.checked.has(p)) continue;
    grants[p] = isScopedPermission(p) ? (draft.scopes[p] ?? 'own') : true;
  }
  return grants as Grants;
}

/** The scopes the caller may hand out for a permission: those no wider than their own grant. */
export function scopesWithin(own: Grants, permission: ScopedPermission): Scope[] {
  const mine = grantOf(own, permission);
  if (mine === undefined || mine === true) return [];
  return SCOPES.filter(s => SCOPE_RANK[s] <= SCOPE_RANK[mine]);
}

/** One cell of the matrix: a scope, a plain "yes", or "no". */
export type MatrixCell = Scope | 'yes' | 'no';

/** What role `grants` gives for `permission`. */
export function cellOf(grants: Grants, permission: Permission): MatrixCell {
  const grant = grantOf(grants, permission);
  if (grant === undefined) return 'no';
  return grant === true ? 'yes' : grant;
}

/** A role's name for people: built-in roles translated, custom roles by their own name. */
export function roleLabel(t: TFunction, role: Pick<RoleInfo, 'id' | 'name' | 'builtIn'>): string {
  return role.builtIn ? t(`shell.roles.${role.id}`, { defaultValue: role.name }) : role.name;
}

/** A permission's name for people, e.g. "View contacts". */
export function permissionLabel(t: TFunction, permission: Permission): string {
  return t(`admin.permissions.${permission}`, { defaultValue: permission });
}
