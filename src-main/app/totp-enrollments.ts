/**
 * The 2FA secrets handed out before they are confirmed: by the setup wizard (the owner's) and by a
 * first sign-in (a new account's, or one whose 2FA was reset). A secret stays valid for a short
 * while and only for the login it was made for; confirming it (or its expiry) forgets it.
 */
import type { TotpEnrollment } from '../../src-shared/ipc/auth';
import { newTotpSecret, totpUri } from '../auth/totp';
import { normalizeLogin } from '../vault';

/** How long a TOTP secret shown in the setup wizard stays valid without being confirmed. */
const ENROLLMENT_TTL_MS = 15 * 60 * 1000;

/** The secrets waiting for their confirming code, per login. */
export interface TotpEnrollments {
  /** A fresh secret for `login` (replacing one handed out before). */
  begin(login: string): TotpEnrollment;
  /** The secret handed out for `login`, while fresh; else null. */
  pending(login: string): string | null;
  forget(login: string): void;
}

/** An empty set of enrollments on the app's clock. */
export function createTotpEnrollments(clock: () => number): TotpEnrollments {
  const enrollments = new Map<string, { secret: string; at: number }>();
  return {
    begin(login) {
      const secret = newTotpSecret();
      enrollments.set(normalizeLogin(login), { secret, at: clock() });
      return { secret, uri: totpUri(secret, login) };
    },
    pending(login) {
      const pending = enrollments.get(normalizeLogin(login));
      return pending && clock() - pending.at <= ENROLLMENT_TTL_MS ? pending.secret : null;
    },
    forget: login => void enrollments.delete(normalizeLogin(login)),
  };
}
