/**
 * The guard wrapper (outermost, around the audit wrapper): vault files are compared with the last
 * clean-close snapshot before a sign-in and the snapshot is written after a lock or sign-out, once
 * the audit wrapper has closed the vault. A change found at sign-in is written to the audit log as
 * `guard.vault_files_changed`, which the rules turn into an alert. A session on a computer the owner
 * has revoked (allowed devices) ends at its next call.
 */
import { appendAudit } from '../audit';
import { sessionDeviceRevoked } from '../guard/devices-access';
import { checkVaultFiles, forgetCleanClose, recordCleanClose } from '../guard/vault-files';
import { CallFailure, type Wrapper } from '../ipc';
import { vaultFault } from './vault-faults';
import type { VaultState } from './vault-state';

/** Channels after which the vault is closed cleanly. */
const CLOSING = new Set(['zamok:auth.lock', 'zamok:auth.signOut']);
/** Sign-in refusals that happen after the vault was opened (../guard/devices-access.ts). */
const REFUSALS = new Set<unknown>(['device_not_approved', 'network_not_allowed']);

/** Builds the guard wrapper for an app instance. */
export function createGuardWrapper(o: { state: VaultState; deviceId: string }): Wrapper {
  const { state } = o;
  const inner: Wrapper = (meta, next) => {
    if (meta.name === 'zamok:auth.signIn') {
      return async (ctx, input) => {
        const verdict = checkVaultFiles(state.vaultDir);
        let value: unknown;
        try {
          value = await next(ctx, input);
        } catch (error) {
          // A sign-in refused by the allowed-devices check wrote its audit entry and closed the
          // vault cleanly: the snapshot follows, unless it already showed a change to report.
          if (
            REFUSALS.has((error as { code?: unknown } | null)?.code) &&
            verdict.state !== 'changed'
          ) {
            recordCleanClose(state.vaultDir);
          }
          throw error;
        }
        const vault = state.auditTarget();
        forgetCleanClose(state.vaultDir);
        if (verdict.state === 'changed' && vault) {
          appendAudit(vault, {
            userId: state.session?.userId ?? null,
            userLogin: state.session?.login ?? null,
            deviceId: o.deviceId,
            action: 'guard.vault_files_changed',
            outcome: 'ok',
            details: { files: verdict.files },
          });
        }
        return value;
      };
    }
    if (CLOSING.has(meta.name)) {
      return async (ctx, input) => {
        const wasOpen = state.vault !== null;
        const value: unknown = await next(ctx, input);
        if (wasOpen && state.vault === null) recordCleanClose(state.vaultDir);
        return value;
      };
    }
    return async (ctx, input) => {
      // The status call then simply reports the sign-in screen; any other call is refused.
      if (endSessionOfRevokedDevice() && meta.name !== 'zamok:auth.status') {
        throw new CallFailure('unauthenticated', 'The owner revoked this computer. Sign in again.');
      }
      return next(ctx, input);
    };
  };
  // Disk and database failures become typed answers; a damaged page stops the vault (vault-faults.ts).
  return (meta, next) => {
    const handler = inner(meta, next);
    return async (ctx, input) => {
      try {
        return await handler(ctx, input);
      } catch (error) {
        throw vaultFault(error, state);
      }
    };
  };

  /** Ends (audited) the session of a computer the owner revoked; its calls then need a sign-in. */
  function endSessionOfRevokedDevice(): boolean {
    const vault = state.openVault();
    const session = state.session;
    if (!vault || !session || !sessionDeviceRevoked(vault, session.deviceId)) return false;
    appendAudit(vault, {
      userId: session.userId,
      userLogin: session.login,
      deviceId: session.deviceId ?? null,
      action: 'auth.session_ended',
      outcome: 'ok',
      entityType: 'device',
      entityId: session.deviceId ?? null,
      details: { reason: 'device_revoked' },
    });
    state.end({ keepLogin: false, closeNow: true });
    recordCleanClose(state.vaultDir);
    return true;
  }
}
