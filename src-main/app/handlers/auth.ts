/** Handlers of the `auth` channels: thin calls into the auth service. */
import type { authContract } from '../../../src-shared/ipc/auth';
import { requireSession, type Handlers } from '../../ipc';
import type { AuthService } from '../auth-service';

/** The `auth` feature's handlers for the router. */
export function authHandlers(auth: AuthService): Handlers<{ auth: typeof authContract }>['auth'] {
  return {
    status: () => auth.status(),
    beginTotpEnrollment: (_ctx, input) => auth.beginTotpEnrollment(input.login),
    createVault: (_ctx, input) => auth.createVault(input),
    signIn: (_ctx, input) => auth.signIn(input),
    resetPasswordWithRecoveryKey: (_ctx, input) => auth.resetPasswordWithRecoveryKey(input),
    lock: () => {
      auth.lock();
      return { locked: true } as const;
    },
    signOut: () => {
      auth.signOut();
      return { signedOut: true } as const;
    },
    completeFirstSignIn: (ctx, input) => auth.completeFirstSignIn(requireSession(ctx), input),
    changePassword: async (ctx, input) => {
      await auth.changePassword(requireSession(ctx), input.currentPassword, input.newPassword);
      return { changed: true } as const;
    },
  };
}
