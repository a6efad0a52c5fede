/** Handlers of the `vault` channels (CLI only: the raw-key escape hatch). */
import type { vaultContract } from '../../../src-shared/ipc/vault';
import type { Handlers } from '../../ipc';
import type { AuthService } from '../auth-service';

/** The `vault` feature's handlers for the router. */
export function vaultHandlers(
  auth: AuthService,
): Handlers<{ vault: typeof vaultContract }>['vault'] {
  return {
    revealDataKey: (_ctx, input) => auth.revealDataKey(input.recoveryKey),
  };
}
