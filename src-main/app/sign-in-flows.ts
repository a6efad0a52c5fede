/**
 * The ways into a session besides setup: password with a TOTP code or a recovery code, the
 * recovery key (recovery-flows.ts), the end of a first sign-in (users/first-sign-in.ts), and the
 * password change that checks the current password like a sign-in does. Each ends in the
 * session side's `startSession` (auth-session.ts).
 *
 * Sign-in order (docs/ARCHITECTURE.md): lockout check → derive key from password → unwrap data key →
 * open database → user active? → TOTP or recovery code → session. Every failure in that chain answers
 * the same `auth_failed` and counts towards the lockout.
 */
import type { FirstSignInResult, SignedInUser } from '../../src-shared/ipc/auth';
import { DEVICE_SECRET_MISSING } from '../../src-shared/ipc/auth';
import type { User } from '../auth/account-schema';
import { acceptTotpStep, consumeRecoveryCode, getTotpState } from '../auth/account-totp';
import { findUserByLogin, markSignIn } from '../auth/accounts';
import { verifyTotpStep } from '../auth/totp';
import { enforceSignInAccess, restoreOwnerAccess } from '../guard/devices-access';
import { machineFacts } from '../guard/engine';
import { CallFailure, type Session } from '../ipc';
import { grantsForRole } from '../roles/schema';
import { completeFirstSignIn } from '../users/first-sign-in';
import type { SlotOptions, StaffTools } from '../users/staff';
import {
  DeviceSecretMissingError,
  setPasswordSlot,
  unlockMeasured,
  unlockWithPassword,
  vaultExists,
  VaultError,
  type OpenVault,
  type SlotCost,
} from '../vault';
import { signedInUser, tables } from './account-view';
import type { AuthServiceOptions, AuthSessions } from './auth-session';
import { enforcePolicy } from './password-rules';
import { createRecoveryFlows, type RecoveryFlows } from './recovery-flows';
import { auditEarlierFailures, lockedOut } from './sign-in-audit';
import { raiseSlotCost } from './slot-cost';
import type { TotpEnrollments } from './totp-enrollments';
import { vaultIsBound } from './vault-lockout';

const SIGN_IN_FAILED = 'Sign-in failed. Check the login, password and code, then try again.';

/** The sign-in operations behind the `auth` channels. */
export interface SignInFlows extends RecoveryFlows {
  signIn(input: {
    login: string;
    password: string;
    totpCode?: string;
    recoveryCode?: string;
  }): Promise<SignedInUser>;
  changePassword(session: Session, current: string, next: string): Promise<void>;
  /** Ends a restricted first sign-in: own password, 2FA confirmed, restriction lifted. */
  completeFirstSignIn(
    session: Session,
    input: { newPassword?: string | undefined; totpCode: string },
  ): Promise<FirstSignInResult>;
  /** The app's clock, password rules and slot options, for the users service. */
  staffTools: StaffTools;
}

/** Builds the sign-in flows of one app instance over its session side and 2FA enrollments. */
export function createSignInFlows(
  o: AuthServiceOptions & { clock: () => number },
  deps: { sessions: AuthSessions; enrollments: TotpEnrollments },
): SignInFlows {
  const { state, deviceStore, clock } = o;
  const { sessions, enrollments } = deps;
  const facts = o.networkFacts ?? machineFacts;

  async function slotOptions(): Promise<SlotOptions> {
    // Keep the vault's binding choice: a vault made without device binding must still open elsewhere.
    return { kdf: await o.kdf(), deviceStore, deviceBinding: vaultIsBound(state.vaultDir) };
  }

  const staffTools: StaffTools = { slotOptions, enforcePolicy, now: () => new Date(clock()) };

  async function signIn(input: Parameters<SignInFlows['signIn']>[0]): Promise<SignedInUser> {
    if (!vaultExists(state.vaultDir)) {
      throw new VaultError('vault_missing', 'There is no vault in this folder yet.');
    }
    const lockout = await sessions.lockoutStore();
    const loginId = lockout.loginId(input.login);
    const decision = await lockout.check(loginId, clock());
    if (!decision.allowed) {
      throw lockedOut(decision.retryAfterSeconds);
    }
    const device = await sessions.resolveDevice();
    const fail = async (): Promise<never> => {
      const next = await lockout.recordFailure(loginId, clock());
      if (!next.allowed) {
        throw lockedOut(next.retryAfterSeconds);
      }
      throw new CallFailure('auth_failed', SIGN_IN_FAILED);
    };
    let vault: OpenVault;
    let cost: SlotCost;
    try {
      ({ vault, cost } = await unlockMeasured(state.vaultDir, input.login, input.password, {
        deviceStore,
      }));
    } catch (error) {
      // No password can open a bound slot here, so this is not a guess: it does not count.
      if (error instanceof DeviceSecretMissingError) {
        throw new CallFailure('auth_failed', error.message, { reason: DEVICE_SECRET_MISSING });
      }
      if (error instanceof VaultError && error.code === 'auth_failed') return fail();
      throw error;
    }
    try {
      const row = await findUserByLogin(tables(vault), input.login);
      if (!row || row.status !== 'active') return fail();
      const now = clock();
      const totp = await getTotpState(tables(vault), row.id);
      const enrolled = totp?.enabled === true && totp.secret !== null;
      // Without 2FA enrolled (a new account, or 2FA reset) the password alone opens a session
      // restricted to finishing the setup; with 2FA a valid code is always required.
      if (enrolled) {
        let secondFactorOk = false;
        if (input.totpCode !== undefined && totp.secret) {
          const result = verifyTotpStep(totp.secret, input.totpCode, totp.lastStep, now);
          secondFactorOk =
            result.valid && (await acceptTotpStep(tables(vault), row.id, result.step));
        } else if (input.recoveryCode !== undefined) {
          secondFactorOk = await consumeRecoveryCode(
            tables(vault),
            row.id,
            input.recoveryCode,
            new Date(now),
          );
        }
        if (!secondFactorOk) return fail();
      }
      await auditEarlierFailures(vault, lockout, loginId, { deviceId: device, clock });
      // Allowed devices and networks: only now, after the password and the second factor, so the
      // refusal tells nothing to someone who does not have both (it is audited and alerts).
      enforceSignInAccess(vault, {
        user: row,
        deviceId: device,
        facts: facts(),
        now: new Date(now),
      });
      const signedIn = await markSignIn(tables(vault), row.id, new Date(now));
      const restricted = !enrolled || signedIn.mustChangePassword;
      // A password about to be replaced is not worth re-deriving.
      if (!restricted) await raiseSlotCost(vault, input.login, input.password, cost, o);
      return sessions.startSession(vault, signedIn, {
        grants: await grantsForRole(tables(vault), signedIn.role),
        restricted,
      });
    } catch (error) {
      vault.close();
      throw error;
    }
  }

  /** The recovery-key reset of an owner: this computer approved, network rule lifted if needed. */
  async function ownerAccessAfterRecovery(vault: OpenVault, user: User): Promise<void> {
    const id = await sessions.resolveDevice();
    restoreOwnerAccess(vault, { user, deviceId: id, facts: facts(), now: new Date(clock()) });
  }

  async function changePassword(session: Session, current: string, next: string): Promise<void> {
    const vault = state.openVault();
    if (!vault) throw new CallFailure('unauthenticated', 'Please sign in first.');
    // Guessing the current password at an unlocked screen counts like failed sign-ins.
    const lockout = await sessions.lockoutStore();
    const loginId = lockout.loginId(session.login);
    const decision = await lockout.check(loginId, clock());
    if (!decision.allowed) {
      throw lockedOut(decision.retryAfterSeconds);
    }
    try {
      (await unlockWithPassword(state.vaultDir, session.login, current, { deviceStore })).close();
    } catch (error) {
      if (error instanceof VaultError && error.code === 'auth_failed') {
        await lockout.recordFailure(loginId, clock());
        throw new CallFailure('auth_failed', 'The current password is not right.');
      }
      throw error;
    }
    const row = await findUserByLogin(tables(vault), session.login);
    enforcePolicy(next, session.login, row?.displayName);
    await setPasswordSlot(vault, session.login, next, await slotOptions());
  }

  return {
    signIn,
    ...createRecoveryFlows(o, {
      enforcePolicy,
      lockoutStore: () => sessions.lockoutStore(),
      startSession: (vault, user) => sessions.startSession(vault, user),
      restoreOwnerAccess: ownerAccessAfterRecovery,
      deviceId: () => sessions.deviceId(),
    }),
    changePassword,
    completeFirstSignIn: (session, input) =>
      completeFirstSignIn(
        {
          state,
          tools: staffTools,
          pendingEnrollment: login => enrollments.pending(login),
          forgetEnrollment: login => enrollments.forget(login),
          toUser: row => signedInUser(row, state.session?.grants ?? {}),
        },
        session,
        input,
      ),
    staffTools,
  };
}
