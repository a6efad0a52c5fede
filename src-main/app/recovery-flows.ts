/**
 * What the owner's recovery key unlocks: a new password for any active login, and (CLI only) the raw
 * data key. Both share one lockout counter ('#recovery-key') and act, for the audit wrapper, as a
 * momentary session of the user concerned that ends with the call.
 */
import type { User } from '../auth/account-schema';
import { findUserByLogin, listUsers } from '../auth/accounts';
import type { LockoutStore } from '../auth/lockout';
import { CallFailure } from '../ipc';
import {
  normalizeLogin,
  readKeyringInfo,
  setPasswordSlot,
  unlockWithRecoveryKey,
  VaultError,
  type DeviceSecretStore,
  type KdfParams,
  type OpenVault,
} from '../vault';
import { tables } from './account-view';
import { auditEarlierFailures, lockedOut } from './sign-in-audit';
import type { VaultState } from './vault-state';

/** What the flows take from the auth service's options (the clock already defaulted). */
export interface RecoveryOptions {
  state: VaultState;
  deviceStore: DeviceSecretStore;
  kdf: () => Promise<KdfParams>;
  clock: () => number;
}

/** Helpers the recovery flows borrow from the auth service. */
export interface RecoveryDeps {
  enforcePolicy(password: string, login: string, displayName?: string): void;
  lockoutStore(): Promise<LockoutStore>;
  startSession(vault: OpenVault, user: User): unknown;
  /** This computer's id for audit entries (as the sign-in records it). */
  deviceId(): string;
  /** After an owner's reset: lets this computer in again (allowed devices and networks). */
  restoreOwnerAccess?(vault: OpenVault, user: User): Promise<void>;
}

/** The recovery-key operations. */
export interface RecoveryFlows {
  resetPasswordWithRecoveryKey(input: {
    recoveryKey: string;
    login: string;
    newPassword: string;
  }): Promise<{ login: string }>;
  revealDataKey(recoveryKey: string): Promise<{ dataKeyHex: string }>;
}

/** Builds the recovery flows over the auth service's options and helpers. */
export function createRecoveryFlows(o: RecoveryOptions, deps: RecoveryDeps): RecoveryFlows {
  const { state, deviceStore, clock } = o;

  /** Unlocks with the recovery key under the lockout, runs `work`, then ends as `work`'s user. */
  async function withRecoveryKey<T>(
    recoveryKey: string,
    work: (vault: OpenVault) => Promise<{ actAs: User; result: T; freshLogin?: string }>,
  ): Promise<T> {
    if (state.session)
      throw new CallFailure('conflict', 'Sign out first, then use the recovery key.');
    const lockout = await deps.lockoutStore();
    const loginId = lockout.loginId('#recovery-key');
    const decision = await lockout.check(loginId, clock());
    if (!decision.allowed) {
      throw lockedOut(decision.retryAfterSeconds);
    }
    let vault: OpenVault;
    try {
      vault = await unlockWithRecoveryKey(state.vaultDir, recoveryKey);
    } catch (error) {
      if (error instanceof VaultError && error.code === 'auth_failed') {
        await lockout.recordFailure(loginId, clock());
      }
      throw error;
    }
    try {
      // One transaction for the work, the failures reported below and the audit wrapper's entry,
      // which commits it (a key-slot change commits with it: src-main/vault/keyring-changes.ts).
      vault.sqlite.exec('BEGIN');
      const { actAs, result, freshLogin } = await work(vault);
      // Failed guesses counted while the vault was closed are written now, as a sign-in does.
      await auditEarlierFailures(vault, lockout, loginId, { deviceId: deps.deviceId(), clock });
      // A login whose password was just reset starts afresh (its failures were reported above).
      if (freshLogin !== undefined) {
        await lockout.recordSuccess(lockout.loginId(freshLogin), clock());
      }
      // The audit wrapper records the call under this user, then closes the vault.
      deps.startSession(vault, actAs);
      state.end({ keepLogin: false });
      return result;
    } catch (error) {
      vault.close();
      throw error;
    }
  }

  return {
    resetPasswordWithRecoveryKey: input =>
      withRecoveryKey(input.recoveryKey, async vault => {
        const login = normalizeLogin(input.login);
        const user = await findUserByLogin(tables(vault), login);
        if (!user || user.status !== 'active') {
          throw new CallFailure('not_found', 'There is no active account with this login.');
        }
        deps.enforcePolicy(input.newPassword, login, user.displayName);
        // Keep the vault's binding choice (as changePassword does): a vault created without device
        // binding must still open on another computer after a reset.
        const bound = readKeyringInfo(state.vaultDir).slots.some(
          s => s.kind === 'password' && s.deviceBound,
        );
        await setPasswordSlot(vault, login, input.newPassword, {
          kdf: await o.kdf(),
          deviceStore,
          deviceBinding: bound,
        });
        // An owner shut out by the device or network rules gets back in with the recovery key.
        if (user.role === 'owner') await deps.restoreOwnerAccess?.(vault, user);
        return { actAs: user, result: { login }, freshLogin: login };
      }),
    revealDataKey: recoveryKey =>
      withRecoveryKey(recoveryKey, async vault => {
        const owner = (await listUsers(tables(vault))).find(
          u => u.role === 'owner' && u.status === 'active',
        );
        if (!owner) throw new CallFailure('not_found', 'This vault has no active owner.');
        const key = vault.dataKey();
        const dataKeyHex = key.toString('hex');
        key.fill(0);
        return { actAs: owner, result: { dataKeyHex } };
      }),
  };
}
