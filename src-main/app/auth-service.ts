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
  SetupResult,
  SignedInUser,
  TotpEnrollment,
} from '../../src-shared/ipc/auth';
import { checkPassword } from '../../src-shared/policy/password';
import { isBuiltInRole } from '../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../src-shared/roles';
import { appendAudit } from '../audit';
import type { AccountsSchema, User } from '../auth/account-schema';
import { acceptTotpStep, consumeRecoveryCode, getTotpState, setTotp } from '../auth/account-totp';
import { createUser, findUserByLogin, markSignIn } from '../auth/accounts';
import {
  compareLockoutSeq,
  openLockoutStore,
  type LockoutStore,
  type LoginId,
} from '../auth/lockout';
import { readSavedLockoutSeq, saveLockoutSeq } from '../auth/lockout-seq';
import { generateRecoveryCodes } from '../auth/recovery-codes';
import { newTotpSecret, totpUri, verifyTotp, verifyTotpStep } from '../auth/totp';
import { CallFailure, type Session } from '../ipc';
import {
  createVault,
  normalizeLogin,
  setPasswordSlot,
  unlockWithPassword,
  vaultExists,
  readKeyringInfo,
  VaultError,
  withTables,
  type DeviceSecretStore,
  type KdfParams,
  type OpenVault,
} from '../vault';
import { createRecoveryFlows, type RecoveryFlows } from './recovery-flows';
import type { VaultState } from './vault-state';

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
  /** This device's id, recorded in sessions and the audit log. */
  deviceId: string;
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
  lock(): void;
  signOut(): void;
}

/** The vault's connection typed with the account tables. */
export function tables(vault: OpenVault) {
  return withTables<AccountsSchema>(vault);
}

/** Creates the auth service of one app instance. */
export function createAuthService(o: AuthServiceOptions): AuthService {
  const { state, deviceStore } = o;
  const clock = o.clock ?? Date.now;
  const enrollments = new Map<string, { secret: string; at: number }>();

  function enforcePolicy(password: string, login: string, displayName?: string): void {
    const verdict = checkPassword({ password, login, ...(displayName ? { displayName } : {}) });
    if (!verdict.ok) {
      throw new CallFailure('weak_password', 'The new password does not meet the password rules.', {
        issues: verdict.issues,
      });
    }
  }

  async function lockoutStore(): Promise<LockoutStore> {
    const { vaultId } = readKeyringInfo(state.vaultDir);
    return openLockoutStore({ dir: state.vaultDir, vaultId, deviceStore, clock });
  }

  function toUser(row: User): SignedInUser {
    return { id: row.id, login: row.login, displayName: row.displayName, role: row.role };
  }

  function startSession(vault: OpenVault, row: User): SignedInUser {
    const session: Session = {
      userId: row.id,
      login: row.login,
      role: row.role,
      grants: isBuiltInRole(row.role) ? BUILT_IN_GRANTS[row.role] : {},
      teamId: null,
      deviceId: o.deviceId,
    };
    state.signIn(vault, session);
    return toUser(row);
  }

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
    const row = await findUserByLogin(tables(vault), session.login);
    if (!row) throw new CallFailure('unauthenticated', 'Please sign in again.');
    return { ...base, state: 'signed_in', user: toUser(row) };
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
    enforcePolicy(input.password, input.login, input.displayName);
    const login = normalizeLogin(input.login);
    const pending = enrollments.get(login);
    if (!pending || clock() - pending.at > ENROLLMENT_TTL_MS) {
      throw new CallFailure(
        'invalid_input',
        'The two-factor setup expired. Start that step again.',
      );
    }
    if (!verifyTotp(pending.secret, input.totpCode, clock())) {
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
        await setTotp(tables(vault), created.id, pending.secret, recoveryCodes, now);
        owner = created;
      },
    });
    enrollments.delete(login);
    if (!owner) throw new Error('vault initialisation did not create the owner');
    state.vaultDir = input.vaultDir;
    o.onVaultDirChange?.(input.vaultDir);
    const user = startSession(created.vault, owner);
    return {
      vaultId: created.vaultId,
      user,
      recoveryKey: created.recoveryKey,
      recoveryCodes,
      deviceBinding: created.deviceBinding,
    };
  }

  /** Records failures that happened while the vault was closed, now that it is open. */
  async function auditEarlierFailures(
    vault: OpenVault,
    lockout: LockoutStore,
    loginId: LoginId,
  ): Promise<void> {
    const savedSeq = await readSavedLockoutSeq(tables(vault));
    if (compareLockoutSeq(lockout.seq(clock()), savedSeq) === 'rolled_back') {
      appendAudit(vault, {
        deviceId: o.deviceId,
        action: 'auth.lockout_file_rolled_back',
        outcome: 'failed',
      });
    }
    const report = lockout.recordSuccess(loginId, clock());
    for (const failure of report.failures) {
      appendAudit(vault, {
        deviceId: o.deviceId,
        action: 'auth.sign_in',
        outcome: 'failed',
        details: {
          loginId: failure.loginId,
          count: failure.count,
          firstAt: failure.times[0] ? new Date(failure.times[0]).toISOString() : null,
          lastAt: failure.times.at(-1) ? new Date(failure.times.at(-1) ?? 0).toISOString() : null,
        },
      });
    }
    if (report.tamperedAt !== null) {
      appendAudit(vault, {
        deviceId: o.deviceId,
        action: 'auth.lockout_file_tampered',
        outcome: 'failed',
        details: { detectedAt: new Date(report.tamperedAt).toISOString() },
      });
    }
    await saveLockoutSeq(tables(vault), report.seq);
  }

  async function signIn(input: Parameters<AuthService['signIn']>[0]): Promise<SignedInUser> {
    if (!vaultExists(state.vaultDir)) {
      throw new VaultError('vault_missing', 'There is no vault in this folder yet.');
    }
    const lockout = await lockoutStore();
    const loginId = lockout.loginId(input.login);
    const decision = lockout.check(loginId, clock());
    if (!decision.allowed) {
      throw new CallFailure('locked_out', 'Too many failed attempts. Wait, then try again.', {
        retryAfterSeconds: decision.retryAfterSeconds,
      });
    }
    const fail = (): never => {
      const next = lockout.recordFailure(loginId, clock());
      if (!next.allowed) {
        throw new CallFailure('locked_out', 'Too many failed attempts. Wait, then try again.', {
          retryAfterSeconds: next.retryAfterSeconds,
        });
      }
      throw new CallFailure('auth_failed', SIGN_IN_FAILED);
    };
    let vault: OpenVault;
    try {
      vault = await unlockWithPassword(state.vaultDir, input.login, input.password, {
        deviceStore,
      });
    } catch (error) {
      if (error instanceof VaultError && error.code === 'auth_failed') return fail();
      throw error;
    }
    try {
      const row = await findUserByLogin(tables(vault), input.login);
      if (!row || row.status !== 'active') return fail();
      const now = clock();
      let secondFactorOk = false;
      const totp = await getTotpState(tables(vault), row.id);
      if (input.totpCode !== undefined && totp?.enabled && totp.secret) {
        const result = verifyTotpStep(totp.secret, input.totpCode, totp.lastStep, now);
        secondFactorOk = result.valid && (await acceptTotpStep(tables(vault), row.id, result.step));
      } else if (input.recoveryCode !== undefined) {
        secondFactorOk = await consumeRecoveryCode(
          tables(vault),
          row.id,
          input.recoveryCode,
          new Date(now),
        );
      }
      if (!secondFactorOk) return fail();
      await auditEarlierFailures(vault, lockout, loginId);
      const signedIn = await markSignIn(tables(vault), row.id, new Date(now));
      return startSession(vault, signedIn);
    } catch (error) {
      vault.close();
      throw error;
    }
  }

  async function changePassword(session: Session, current: string, next: string): Promise<void> {
    const vault = state.openVault();
    if (!vault) throw new CallFailure('unauthenticated', 'Please sign in first.');
    try {
      (await unlockWithPassword(state.vaultDir, session.login, current, { deviceStore })).close();
    } catch (error) {
      if (error instanceof VaultError && error.code === 'auth_failed') {
        throw new CallFailure('auth_failed', 'The current password is not right.');
      }
      throw error;
    }
    const row = await findUserByLogin(tables(vault), session.login);
    enforcePolicy(next, session.login, row?.displayName);
    const bound = readKeyringInfo(state.vaultDir).slots.some(
      s => s.kind === 'password' && s.deviceBound,
    );
    await setPasswordSlot(vault, session.login, next, {
      kdf: await o.kdf(),
      deviceStore,
      deviceBinding: bound,
    });
  }

  return {
    status,
    beginTotpEnrollment,
    createVault: createVaultAndOwner,
    signIn,
    ...createRecoveryFlows({ ...o, clock }, { enforcePolicy, lockoutStore, startSession }),
    changePassword,
    lock: () => state.end({ keepLogin: true }),
    signOut: () => state.end({ keepLogin: false }),
  };
}
