/**
 * The built-in roles, from the seed: "a manager sees their own clients, the head sees analytics, the
 * administrator only system settings". Custom roles (made by the owner) are stored in the vault and
 * use the same {@link Grants} shape. The router reads grants through the session, never the renderer.
 */
import {
  PERMISSIONS,
  SCOPE_RANK,
  isScopedPermission,
  type BuiltInRole,
  type Grants,
  type Permission,
  type Scope,
} from './permissions';

/** Everything, with scope `all`: the owner's grants. */
function everything(): Grants {
  const grants: Record<string, Scope | true> = {};
  for (const p of PERMISSIONS) grants[p] = isScopedPermission(p) ? 'all' : true;
  return grants as Grants;
}

/** What each built-in role may do. */
export const BUILT_IN_GRANTS: Readonly<Record<BuiltInRole, Readonly<Grants>>> = {
  owner: everything(),
  // Users, roles, settings, backups — and no client data at all.
  administrator: {
    'users.read': true,
    'users.manage': true,
    'roles.manage': true,
    'teams.manage': true,
    'fields.manage': true,
    'settings.manage': true,
    'backup.manage': true,
    // Alerts about accounts, settings, backups and the vault; never those about client data.
    'alerts.read': true,
    'security.check': true,
    'reports.regulation': true,
  },
  // Reads every record and the analytics; works on their own records; no settings.
  head: {
    'contacts.read': 'all',
    'contacts.create': true,
    'contacts.import': true,
    'contacts.update': 'own',
    'contacts.delete': 'own',
    'contacts.export': 'all',
    'contacts.reassign': 'all',
    'contacts.share': 'all',
    'companies.read': 'all',
    'companies.create': true,
    'companies.import': true,
    'companies.update': 'own',
    'companies.delete': 'own',
    'companies.reassign': 'all',
    'deals.read': 'all',
    'deals.create': true,
    'deals.import': true,
    'deals.update': 'own',
    'deals.delete': 'own',
    'deals.reassign': 'all',
    // Reads every activity; edits and deletes the ones they logged.
    'activities.read': 'all',
    'activities.create': true,
    'activities.update': 'own',
    'activities.delete': 'own',
    'documents.read': 'all',
    'documents.create': true,
    'documents.delete': 'own',
    'documents.export': 'all',
    'pipelines.manage': true,
    'users.read': true,
    'analytics.read': true,
    // The monthly review, of their own team only (the review's SQL restricts it).
    'reports.review': true,
    'consent.record': true,
  },
  // Own records and records shared with them.
  manager: {
    'contacts.read': 'own',
    'contacts.create': true,
    'contacts.import': true,
    'contacts.update': 'own',
    'contacts.delete': 'own',
    'contacts.export': 'own',
    'contacts.share': 'own',
    'companies.read': 'own',
    'companies.create': true,
    'companies.import': true,
    'companies.update': 'own',
    'companies.delete': 'own',
    'activities.read': 'own',
    'activities.create': true,
    'activities.update': 'own',
    'activities.delete': 'own',
    'deals.read': 'own',
    'deals.create': true,
    'deals.import': true,
    'deals.update': 'own',
    'deals.delete': 'own',
    'documents.read': 'own',
    'documents.create': true,
    'documents.delete': 'own',
    'documents.export': 'own',
    'consent.record': true,
  },
  // The audit log, read-only.
  auditor: { 'audit.read': true, 'audit.export': true },
};

/** The scope of a grant, `true` for a plain grant, or undefined when not granted. */
export function grantOf(grants: Grants, permission: Permission): Scope | true | undefined {
  return (grants as Record<string, Scope | true | undefined>)[permission];
}

/** The permissions present in a grants map. */
export function permissionSet(grants: Grants): ReadonlySet<Permission> {
  return new Set(PERMISSIONS.filter(p => grantOf(grants, p) !== undefined));
}

/**
 * True when `inner` grants nothing beyond `outer` (same permissions or fewer, scopes no wider).
 * Used so nobody can create or assign a role stronger than their own.
 */
export function grantsWithin(inner: Grants, outer: Grants): boolean {
  return PERMISSIONS.every(p => {
    const a = grantOf(inner, p);
    if (a === undefined) return true;
    const b = grantOf(outer, p);
    if (b === undefined) return false;
    if (a === true || b === true) return a === b;
    return SCOPE_RANK[a] <= SCOPE_RANK[b];
  });
}
