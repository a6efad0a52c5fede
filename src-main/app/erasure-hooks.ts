/**
 * The sign-in hook of erasure (issue 17): after each successful sign-in, erasures listed in the
 * log beside the vault folder but missing from the vault (an older backup was restored) are done
 * again and audited, before the user sees any data. Best effort like the backup hooks: a failure
 * leaves the log for the next sign-in and never blocks signing in.
 */
import { replayErasures } from '../privacy/erasure/replay';
import type { AuthService } from './auth-service';
import type { VaultState } from './vault-state';

/** Wraps the auth service so that each successful sign-in replays missing erasures. */
export function withErasureReplay(
  state: VaultState,
  auth: AuthService,
  now: () => Date,
): AuthService {
  return {
    ...auth,
    async signIn(input) {
      const user = await auth.signIn(input);
      const vault = state.openVault();
      if (vault) {
        try {
          await replayErasures(vault, state.session, now());
        } catch {
          // The log stays; the next sign-in tries again.
        }
      }
      return user;
    },
  };
}
