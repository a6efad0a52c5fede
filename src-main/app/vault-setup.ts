/**
 * The setup wizard's last step: a new vault in an empty folder, its owner with a confirmed 2FA
 * secret and recovery codes, and the owner's first session. Only for an app without a vault.
 */
import type { SetupResult } from '../../src-shared/ipc/auth';
import type { User } from '../auth/account-schema';
import { acceptTotpStep, setTotp } from '../auth/account-totp';
import { createUser } from '../auth/accounts';
import { generateRecoveryCodes } from '../auth/recovery-codes';
import { verifyTotpStep } from '../auth/totp';
import { CallFailure } from '../ipc';
import { createVault, normalizeLogin, vaultExists, VaultError } from '../vault';
import { tables } from './account-view';
import type { AuthServiceOptions, AuthSessions } from './auth-session';
import { enforcePolicy } from './password-rules';
import type { TotpEnrollments } from './totp-enrollments';

/** What the owner enters in the setup wizard. */
export interface VaultSetupInput {
  vaultDir: string;
  login: string;
  displayName: string;
  password: string;
  totpCode: string;
  deviceBinding: boolean;
}

/** Creates the vault and its owner, and signs the owner in. */
export async function setUpVault(
  o: AuthServiceOptions & { clock: () => number },
  deps: { sessions: AuthSessions; enrollments: TotpEnrollments },
  input: VaultSetupInput,
): Promise<SetupResult> {
  const { state, clock } = o;
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
  const secret = deps.enrollments.pending(login);
  if (secret === null) {
    throw new CallFailure('invalid_input', 'The two-factor setup expired. Start that step again.');
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
    deviceStore: o.deviceStore,
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
  deps.enrollments.forget(login);
  if (!owner) throw new Error('vault initialisation did not create the owner');
  state.vaultDir = input.vaultDir;
  o.onVaultDirChange?.(input.vaultDir);
  await deps.sessions.resolveDevice();
  const user = deps.sessions.startSession(created.vault, owner);
  return {
    vaultId: created.vaultId,
    user,
    recoveryKey: created.recoveryKey,
    recoveryCodes,
    deviceBinding: created.deviceBinding,
  };
}
