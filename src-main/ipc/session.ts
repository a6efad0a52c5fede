/**
 * The signed-in user as the router sees it. The auth service owns the real session; the router only
 * asks "who is calling right now?" through a {@link SessionSource}.
 */
import type { Permission, Role } from '../../src-shared/permissions';

/** A signed-in user's session: identity, role and the permissions that role grants. */
export interface Session {
  userId: string;
  login: string;
  role: Role;
  permissions: ReadonlySet<Permission>;
  deviceId?: string;
}

/** Where the router reads the current session from (null = nobody signed in, or locked). */
export interface SessionSource {
  current(): Session | null;
}

/** A session source that never has a session (tests, and hosts before the auth service is wired). */
export const noSessions: SessionSource = Object.freeze({ current: () => null });
