/**
 * Setup, sign-in, lock and passwords: the orchestration of the vault, accounts, TOTP, recovery codes
 * and lockout. Plain async functions over the app's {@link VaultState}; the router's handlers call it.
 *
 * Sign-in order (docs/ARCHITECTURE.md): lockout check → derive key from password → unwrap data key →
 * open database → user active? → TOTP or recovery code → session. Every failure in that chain answers
 * the same `auth_failed` and counts towards the lockout.
 */
import type {
  AppStatus,
  FirstSignInResult,
  SetupResult,
  SignedInUser,
  TotpEnrollment,
} from '../../src-shared/ipc/auth';
import { DEVICE_SECRET_MISSING } from '../../src-shared/ipc/auth';
import { isBuiltInRole, type Grants } from '../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../src-shared/roles';
import type { User } from '../auth/account-schema';
import { acceptTotpStep, consumeRecoveryCode, getTotpState, setTotp } from '../auth/account-totp';
import { createUser, findUserById, findUserByLogin, markSignIn } from '../auth/accounts';
import type { LockoutStore } from '../auth/lockout';
import { generateRecoveryCodes } from '../auth/recovery-codes';
import { newTotpSecret, totpUri, verifyTotpStep } from '../auth/totp';
import { CallFailure, type Session } from '../ipc';
import { grantsForRole } from '../roles/schema';
import { completeFirstSignIn } from '../users/first-sign-in';
import type { SlotOptions, StaffTools } from '../users/staff';
import {
  createVault,
  DeviceSecretMissingError,
  normalizeLogin,
  setPasswordSlot,
  unlockMeasured,
  unlockWithPassword,
  vaultExists,
  VaultError,
  type DeviceSecretStore,
  type KdfParams,
  type OpenVault,
  type SlotCost,
} from '../vault';
import { readOfficeSettings } from '../settings/office-settings';
import { signedInUser, tables } from './account-view';
import { createRecoveryFlows, type RecoveryFlows } from './recovery-flows';
import { raiseSlotCost } from './slot-cost';
import { auditEarlierFailures, lockedOut } from './sign-in-audit';
import { enforcePolicy } from './password-rules';
import { openVaultLockout, vaultIsBound } from './vault-lockout';
import type { VaultState } from './vault-state';
import { enforceSignInAccess, restoreOwnerAccess } from '../guard/devices-access';
import type { DeviceIdentity } from '../guard/devices-identity';
import { machineFacts } from '../guard/engine';
import type { NetworkFacts } from '../guard/networks';

/** How long a TOTP secret shown in the setup wizard stays valid without being confirmed. */
const ENROLLMENT_TTL_MS = 15 * 60 * 1000;
const DEFAULT_AUTO_LOCK_MINUTES = 10;
const SIGN_IN_FAILED = 'Sign-in failed. Check the login, password and code, then try again.';

/** What the auth service needs from the app. */
export interface AuthServiceOptions {
  state: VaultState;
  deviceStore: DeviceSecretStore;
  /** Argon2id parameters for new slots: calibrated once per process unless given (tests). */
  kdf: () => Promise<KdfParams>;
  /** This device's id, recorded in sessions and the audit log (until `deviceIdentity` resolves one). */
  deviceId: string;
  /** Works out the id per vault (keychain-bound for device-bound vaults); absent: `deviceId` stays. */
  deviceIdentity?: DeviceIdentity;
  /** Addresses and gateway for the allowed-networks check (default: the alert rules' facts). */
  networkFacts?: () => NetworkFacts;
  keychainAvailable: () => Promise<boolean>;
  /** Called when the vault folder changes (the app remembers the last one). */
  onVaultDirChange?: (dir: string) => void;
  clock?: () => number;
}

/** The operations behind the `auth` channels. */
export interface AuthService {
  status(): Promise<AppStatus>;
  beginTotpEnrollment(login: string): TotpEnrollment;
  createVault(input: {
    vaultDir: string;
    login: string;
    displayName: string;
    password: string;
    totpCode: string;
    deviceBinding: boolean;
  }): Promise<SetupResult>;
  signIn(input: {
    login: string;
    password: string;
    totpCode?: string;
    recoveryCode?: string;
  }): Promise<SignedInUser>;
  resetPasswordWithRecoveryKey: RecoveryFlows['resetPasswordWithRecoveryKey'];
  revealDataKey: RecoveryFlows['revealDataKey'];
  changePassword(session: Session, current: string, next: string): Promise<void>;
  /** Ends a restricted first sign-in: own password, 2FA confirmed, restriction lifted. */
  completeFirstSignIn(
    session: Session,
    input: { newPassword?: string | undefined; totpCode: string },
  ): Promise<FirstSignInResult>;
  lock(): void;
  signOut(): void;
  /** The app's clock, password rules and slot options, for the users service. */
  staffTools: StaffTools;
}

export { tables } from './account-view';

/** Creates the auth service of one app instance. */
export function createAuthService(o: AuthServiceOptions): AuthService {
  const { state, deviceStore } = o;
  const clock = o.clock ?? Date.now;
  const enrollments = new Map<string, { secret: string; at: number }>();
  const facts = o.networkFacts ?? machineFacts;
  // The device id of sessions and audit entries: re-resolved whenever a vault is unlocked.
  let deviceId = o.deviceId;
  async function resolveDevice(): Promise<string> {
    if (o.deviceIdentity) deviceId = await o.deviceIdentity.resolve(state.vaultDir);
    return deviceId;
  }

  const lockoutStore = (): Promise<LockoutStore> =>
    openVaultLockout(state.vaultDir, deviceStore, clock);

  /**
   * Starts a session. `grants` are the role's live grants (custom roles are read from the vault by
   * the async callers); without them a built-in role's code grants apply and a custom role gets
   * none until the session guard refreshes it.
   */
  function startSession(
    vault: OpenVault,
    row: User,
    extra: { grants?: Grants; restricted?: boolean } = {},
  ): SignedInUser {
    const session: Session = {
      userId: row.id,
      login: row.login,
      role: row.role,
      grants: extra.grants ?? (isBuiltInRole(row.role) ? BUILT_IN_GRANTS[row.role] : {}),
      teamId: row.teamId,
      deviceId,
      ...(extra.restricted ? { restricted: 'first_sign_in' as const } : {}),
    };
    state.signIn(vault, session);
    return signedInUser(row, session.grants, extra.restricted === true);
  }

  async function slotOptions(): Promise<SlotOptions> {
    // Keep the vault's binding choice: a vault made without device binding must still open elsewhere.
    return { kdf: await o.kdf(), deviceStore, deviceBinding: vaultIsBound(state.vaultDir) };
  }

  /** The 2FA secret handed out by beginTotpEnrollment for `login`, while fresh. */
  function pendingEnrollment(login: string): string | null {
    const pending = enrollments.get(normalizeLogin(login));
    return pending && clock() - pending.at <= ENROLLMENT_TTL_MS ? pending.secret : null;
  }

  const staffTools: StaffTools = { slotOptions, enforcePolicy, now: () => new Date(clock()) };

  async function status(): Promise<AppStatus> {
    const dir = state.vaultDir;
    const session = state.session;
    const base = {
      vaultDir: dir,
      keychainAvailable: await o.keychainAvailable(),
      autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
    };
    if (!vaultExists(dir)) return { ...base, state: 'no_vault' };
    const vault = state.openVault();
    if (!session || !vault) {
      return state.lockedLogin
        ? { ...base, state: 'locked', lockedLogin: state.lockedLogin }
        : { ...base, state: 'locked' };
    }
    const row = await findUserById(tables(vault), session.userId);
    if (!row) throw new CallFailure('unauthenticated', 'Please sign in again.');
    const office = await readOfficeSettings(vault.db);
    return {
      ...base,
      autoLockMinutes: office.autoLockMinutes,
      office,
      state: 'signed_in',
      user: signedInUser(row, session.grants, session.restricted !== undefined),
    };
  }

  function beginTotpEnrollment(login: string): TotpEnrollment {
    const secret = newTotpSecret();
    enrollments.set(normalizeLogin(login), { secret, at: clock() });
    return { secret, uri: totpUri(secret, login) };
  }

  async function createVaultAndOwner(input: Parameters<AuthService['createVault']>[0]) {
    if (vaultExists(input.vaultDir)) {
      throw new VaultError('vault_exists', 'This folder already holds a vault; open it instead.');
    }
    // Setup is for an app without a vault: a public call must not move a locked (or signed-in) app
    // to a new folder and its new owner.
    if (vaultExists(state.vaultDir)) {
      throw new VaultError('vault_exists', 'This app already has a vault; sign in to it.');
    }
    enforcePolicy(input.password, input.login, input.displayName);
    const login = normalizeLogin(input.login);
    const secret = pendingEnrollment(login);
    if (secret === null) {
      throw new CallFailure(
        'invalid_input',
        'The two-factor setup expired. Start that step again.',
      );
    }
    const confirmed = verifyTotpStep(secret, input.totpCode, null, clock());
    if (!confirmed.valid) {
      throw new CallFailure(
        'invalid_input',
        'The code does not match. Check the time on your phone and enter the newest code.',
        { field: 'totpCode' },
      );
    }
    const recoveryCodes = generateRecoveryCodes();
    let owner: User | undefined;
    const created = await createVault({
      dir: input.vaultDir,
      ownerLogin: login,
      ownerPassword: input.password,
      kdf: await o.kdf(),
      deviceStore,
      deviceBinding: input.deviceBinding,
      initialize: async vault => {
        const now = new Date(clock());
        const created = await createUser(
          tables(vault),
          { login, displayName: input.displayName, role: 'owner' },
          now,
        );
        await setTotp(tables(vault), created.id, secret, recoveryCodes, now);
        // The confirming code counts as used: it cannot sign anyone in a second time.
        await acceptTotpStep(tables(vault), created.id, confirmed.step);
        owner = created;
      },
    });
    enrollments.delete(login);
    if (!owner) throw new Error('vault initialisation did not create the owner');
    state.vaultDir = input.vaultDir;
    o.onVaultDirChange?.(input.vaultDir);
    await resolveDevice();
    const user = startSession(created.vault, owner);
    return {
      vaultId: created.vaultId,
      user,
      recoveryKey: created.recoveryKey,
      recoveryCodes,
      deviceBinding: created.deviceBinding,
    };
  }

  async function signIn(input: Parameters<AuthService['signIn']>[0]): Promise<SignedInUser> {
    if (!vaultExists(state.vaultDir)) {
      throw new VaultError('vault_missing', 'There is no vault in this folder yet.');
    }
    const lockout = await lockoutStore();
    const loginId = lockout.loginId(input.login);
    const decision = await lockout.check(loginId, clock());
    if (!decision.allowed) {
      throw lockedOut(decision.retryAfterSeconds);
    }
    const device = await resolveDevice();
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
      return startSession(vault, signedIn, {
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
    const id = await resolveDevice();
    restoreOwnerAccess(vault, { user, deviceId: id, facts: facts(), now: new Date(clock()) });
  }

  async function changePassword(session: Session, current: string, next: string): Promise<void> {
    const vault = state.openVault();
    if (!vault) throw new CallFailure('unauthenticated', 'Please sign in first.');
    // Guessing the current password at an unlocked screen counts like failed sign-ins.
    const lockout = await lockoutStore();
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
    status,
    beginTotpEnrollment,
    createVault: createVaultAndOwner,
    signIn,
    ...createRecoveryFlows(
      { ...o, clock },
      {
        enforcePolicy,
        lockoutStore,
        startSession,
        restoreOwnerAccess: ownerAccessAfterRecovery,
        deviceId: () => deviceId,
      },
    ),
    changePassword,
    completeFirstSignIn: (session, input) =>
      completeFirstSignIn(
        {
          state,
          tools: staffTools,
          pendingEnrollment,
          forgetEnrollment: login => enrollments.delete(normalizeLogin(login)),
          toUser: row => signedInUser(row, state.session?.grants ?? {}),
        },
        session,
        input,
      ),
    lock: () => state.end({ keepLogin: true }),
    signOut: () => state.end({ keepLogin: false }),
    staffTools,
  };
}
