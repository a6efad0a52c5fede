/**
 * Permission strings. Where records have owners the permission carries a scope:
 * `own` (records I own or that were shared with me), `team`, `all`. The roles that grant them are in
 * ./roles.ts (grows with the roles issue). The router refuses to start if a channel declares none.
 */
export const PERMISSIONS = [
  'users.manage',
  'settings.manage',
  'audit.read',
  'backup.manage',
  'backup.restore',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['owner', 'administrator', 'head', 'manager', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
