/**
 * Permission strings and their scopes.
 *
 * A permission on records that have owners carries a scope: `own` (records I own or that were shared
 * with me), `team` (records owned by anyone in my team, plus own), `all`. Other permissions are plain
 * grants. Roles (./roles.ts) map permissions to scopes; the router checks the permission and hands the
 * scope to the handler, whose SQL applies it — nothing is filtered after fetching.
 */

/** Permissions whose grant carries a scope. */
export const SCOPED_PERMISSIONS = [
  'contacts.read',
  'contacts.update',
  'contacts.delete',
  'contacts.export',
  'contacts.reassign',
  'contacts.share',
  'companies.read',
  'companies.update',
  'companies.delete',
  'companies.reassign',
  'deals.read',
  'deals.update',
  'deals.delete',
  'deals.reassign',
  // Activities (calls, meetings, notes, tasks): own = activities I logged.
  'activities.read',
  'activities.update',
  'activities.delete',
  // Documents attached to records: the scope is that of the record they are attached to.
  'documents.read',
  'documents.delete',
  'documents.export',
] as const;

/** Permissions without a scope. */
export const PLAIN_PERMISSIONS = [
  'contacts.create',
  'contacts.restore',
  'companies.create',
  // Imports from files (src-main/import): a right of its own, beside create.
  'contacts.import',
  'companies.import',
  // Deals from files: whoever imports clients in bulk (owner, head, manager) also has deals.create.
  'deals.import',
  'deals.create',
  'activities.create',
  'documents.create',
  // Pipelines and their stages (owner and head).
  'pipelines.manage',
  'users.read',
  'users.manage',
  // Choosing who takes over a dismissed colleague's clients (owner): without it a dismissal hands
  // them to the owner, who passes them on.
  'users.handover',
  'roles.manage',
  // Teams (owner, administrator): create, rename, delete, members and head. Membership decides what
  // `team`-scoped grants reach.
  'teams.manage',
  // Custom fields of contacts, companies and deals (owner, administrator): define, rename, reorder,
  // archive. Values are written with the record's own update grant.
  'fields.manage',
  'settings.manage',
  'audit.read',
  'audit.export',
  'analytics.read',
  'backup.manage',
  'backup.restore',
  // How backups are encrypted (owner): a passphrase of one's own would make every backup, and with
  // one's own key slot the whole vault, readable to whoever chose it.
  'backup.encryption',
  // Reports: the access regulation (owner, administrator) and the monthly review (owner; head for
  // their team only, restricted in SQL by src-main/reports/review.ts).
  'reports.regulation',
  'reports.review',
  // Guardrails: the alert centre (data alerts need audit.read as well) and the security check.
  'alerts.read',
  'security.check',
  // Lets an export above the approval threshold run (owner; src-main/guard/approvals.ts).
  'exports.approve',
  // The export controls (owner): approval above N records, the mass export and mass delete alerts.
  'exports.control',
  // Personal data (issue 17): erasing a person for real, and the retention review (owner; a custom
  // "privacy officer" role may hold them; managers never).
  'privacy.erase',
  'privacy.retention',
  // Personal data (src-main/privacy): the register, subject requests and breaches (privacy.read to
  // see them, privacy.manage to keep them: owner, a custom "privacy officer"); recording a contact's
  // consent or objection (managers, for the contacts their contacts.read reaches).
  'privacy.read',
  'privacy.manage',
  'consent.record',
] as const;

export const PERMISSIONS = [...SCOPED_PERMISSIONS, ...PLAIN_PERMISSIONS] as const;

export type ScopedPermission = (typeof SCOPED_PERMISSIONS)[number];
export type PlainPermission = (typeof PLAIN_PERMISSIONS)[number];
export type Permission = (typeof PERMISSIONS)[number];

export const SCOPES = ['own', 'team', 'all'] as const;
export type Scope = (typeof SCOPES)[number];

/** How wide each scope is, to compare grants ("all" covers "team" covers "own"). */
export const SCOPE_RANK: Readonly<Record<Scope, number>> = { own: 1, team: 2, all: 3 };

/** True when `p` carries a scope. */
export function isScopedPermission(p: string): p is ScopedPermission {
  return (SCOPED_PERMISSIONS as readonly string[]).includes(p);
}

/** True for any declared permission string. */
export function isPermission(p: string): p is Permission {
  return (PERMISSIONS as readonly string[]).includes(p);
}

/**
 * A role's grants: each permission it has, with a scope for scoped permissions and `true` for the
 * others. A permission missing from the map is not granted.
 */
export type Grants = Partial<Record<ScopedPermission, Scope>> &
  Partial<Record<PlainPermission, true>>;

/** Built-in role ids. Custom roles get ids of their own (`custom-…`). */
export const ROLES = ['owner', 'administrator', 'head', 'manager', 'auditor'] as const;
export type BuiltInRole = (typeof ROLES)[number];
/** A role id: built-in or custom. */
export type Role = string;

/** True for the ids of the built-in roles. */
export function isBuiltInRole(role: string): role is BuiltInRole {
  return (ROLES as readonly string[]).includes(role);
}
