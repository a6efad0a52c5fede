/**
 * Where the router reads the signed-in user from. The auth service owns the real session; the router
 * only asks "who is calling right now?" through a {@link SessionSource}.
 */
import type { Session } from '../calls/session';

/** Re-exported for the router's users: the type lives in ../calls so services need not import it. */
export type { Session };

/** Where the router reads the current session from (null = nobody signed in, or locked). */
export interface SessionSource {
  current(): Session | null;
}

/** A session source that never has a session (tests, and hosts before the auth service is wired). */
export const noSessions: SessionSource = Object.freeze({ current: () => null });
