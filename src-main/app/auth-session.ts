/**
 * The session side of the auth service: which computer is signing in, the session a successful
 * sign-in starts, the status the renderer reads, and lock and sign-out. The ways in (setup,
 * password and second factor, recovery key, first sign-in) are in sign-in-flows.ts and end here,
 * in `startSession`.
 */
import type { AppStatus, SignedInUser } from '../../src-shared/ipc/auth';
import { isBuiltInRole, type Grants } from '../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../src-shared/roles';
import type { User } from '../auth/account-schema';
import { findUserById } from '../auth/accounts';
import type { LockoutStore } from '../auth/lockout';
import type { DeviceIdentity } from '../guard/devices-identity';
import type { NetworkFacts } from '../guard/networks';
import { CallFailure, type Session } from '../ipc';
import { readOfficeSettings } from '../settings/office-settings';
import { vaultExists, type DeviceSecretStore, type KdfParams, type OpenVault } from '../vault';
import { signedInUser, tables } from './account-view';
import { openVaultLockout } from './vault-lockout';
import type { VaultState } from './vault-state';

const DEFAULT_AUTO_LOCK_MINUTES = 10;

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

/** The session's start, status and end, shared by every way in. */
export interface AuthSessions {
  /** The device id of sessions and audit entries (the last one resolved). */
  deviceId(): string;
  /** Re-resolves the device id for the current vault folder (at each unlock). */
  resolveDevice(): Promise<string>;
  /** The failed-guess counter of the current vault folder. */
  lockoutStore(): Promise<LockoutStore>;
  /**
   * Starts a session. `grants` are the role's live grants (custom roles are read from the vault by
   * the async callers); without them a built-in role's code grants apply and a custom role gets
   * none until the session guard refreshes it.
   */
  startSession(
    vault: OpenVault,
    row: User,
    extra?: { grants?: Grants; restricted?: boolean },
  ): SignedInUser;
  status(): Promise<AppStatus>;
  /** Ends the session, keeping the login for the unlock screen. */
  lock(): void;
  /** Ends the session and forgets the login. */
  signOut(): void;
}

/** Creates the session side of one app instance's auth service. */
export function createAuthSessions(o: AuthServiceOptions & { clock: () => number }): AuthSessions {
  const { state, deviceStore, clock } = o;
  // The device id of sessions and audit entries: re-resolved whenever a vault is unlocked.
  let deviceId = o.deviceId;

  async function resolveDevice(): Promise<string> {
    if (o.deviceIdentity) deviceId = await o.deviceIdentity.resolve(state.vaultDir);
    return deviceId;
  }

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

  return {
    deviceId: () => deviceId,
    resolveDevice,
    lockoutStore: () => openVaultLockout(state.vaultDir, deviceStore, clock),
    startSession,
    status,
    lock: () => state.end({ keepLogin: true }),
    signOut: () => state.end({ keepLogin: false }),
  };
}
