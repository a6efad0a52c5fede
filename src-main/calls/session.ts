/**
 * The signed-in user as services and the router see it. The auth service owns the real session;
 * the router only asks "who is calling right now?" (../ipc/session.ts).
 */
import type { Grants, Role } from '../../src-shared/permissions';

/** A signed-in user's session: identity, role and what that role grants (with scopes). */
export interface Session {
  userId: string;
  login: string;
  role: Role;
  /** The role's grants at sign-in (permission → scope, or true). */
  grants: Grants;
  /** The user's team, for `team`-scoped grants (null: no team). */
  teamId: string | null;
  deviceId?: string;
  /**
   * Set while a newly created account (or one whose 2FA was reset) must first set its own password
   * and enrol TOTP: only the calls that finish that are allowed.
   */
  restricted?: 'first_sign_in';
}
