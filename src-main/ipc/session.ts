/**
 * The signed-in user as the router sees it. The auth service owns the real session; the router only
 * asks "who is calling right now?" through a {@link SessionSource}.
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

/** Where the router reads the current session from (null = nobody signed in, or locked). */
export interface SessionSource {
  current(): Session | null;
}

/** A session source that never has a session (tests, and hosts before the auth service is wired). */
export const noSessions: SessionSource = Object.freeze({ current: () => null });
