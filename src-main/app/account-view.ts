/**
 * Two small views of an account the auth service and its callers share: the vault connection typed
 * with the account tables, and the signed-in user the renderer gets.
 */
import type { SignedInUser } from '../../src-shared/ipc/auth';
import type { Grants } from '../../src-shared/permissions';
import type { User } from '../auth/account-schema';
import { setupRequired } from '../users/first-sign-in';
import { type OpenVault } from '../vault';

/** The vault's connection typed with the account tables (and `roles`, migration 0004). */
export function tables(vault: OpenVault) {
  return vault.db;
}

/**
 * The signed-in user as the renderer sees it. The grants let the renderer hide what the role
 * cannot use; the router still decides. `restricted`: a first sign-in still to finish.
 */
export function signedInUser(row: User, grants: Grants, restricted = false): SignedInUser {
  const user = {
    id: row.id,
    login: row.login,
    displayName: row.displayName,
    role: row.role,
    grants,
  };
  return restricted ? { ...user, setupRequired: setupRequired(row) } : user;
}
