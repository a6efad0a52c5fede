/**
 * Setup, sign-in, lock and passwords: the orchestration of the vault, accounts, TOTP, recovery codes
 * and lockout, as the router's `auth` and `vault` handlers call it. Composed from two sides along
 * the session boundary:
 * - the ways in (sign-in-flows.ts: password with TOTP or recovery code, recovery key, first
 *   sign-in, password change; vault-setup.ts: the setup wizard's new vault and owner), and
 * - the session itself (auth-session.ts: device id, session start, status, lock, sign-out).
 */
import type { SetupResult, TotpEnrollment } from '../../src-shared/ipc/auth';
import { createAuthSessions, type AuthServiceOptions, type AuthSessions } from './auth-session';
import { createSignInFlows, type SignInFlows } from './sign-in-flows';
import { createTotpEnrollments } from './totp-enrollments';
import { setUpVault, type VaultSetupInput } from './vault-setup';

export type { AuthServiceOptions } from './auth-session';
export { tables } from './account-view';

/** The operations behind the `auth` channels. */
export interface AuthService
  extends SignInFlows, Pick<AuthSessions, 'status' | 'lock' | 'signOut'> {
  beginTotpEnrollment(login: string): TotpEnrollment;
  createVault(input: VaultSetupInput): Promise<SetupResult>;
}

/** Creates the auth service of one app instance. */
export function createAuthService(options: AuthServiceOptions): AuthService {
  const o = { ...options, clock: options.clock ?? Date.now };
  const sessions = createAuthSessions(o);
  const enrollments = createTotpEnrollments(o.clock);
  const deps = { sessions, enrollments };
  return {
    status: () => sessions.status(),
    beginTotpEnrollment: login => enrollments.begin(login),
    createVault: input => setUpVault(o, deps, input),
    ...createSignInFlows(o, deps),
    lock: () => sessions.lock(),
    signOut: () => sessions.signOut(),
  };
}
