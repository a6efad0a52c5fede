/**
 * The end of a first sign-in (a new account, or one whose 2FA was reset): the session was started
 * restricted; here the user sets their own password (when the account still has its setup
 * password) and confirms a fresh 2FA secret with a code. Then the restriction is lifted.
 */
import type { Database } from '../vault/schema';
import type { Kysely } from 'kysely';
import type { FirstSignInResult, SignedInUser } from '../../src-shared/ipc/auth';
import type { User } from '../auth/account-schema';
import { acceptTotpStep, getTotpState, setTotp } from '../auth/account-totp';
import { findUserById, markPasswordChanged } from '../auth/accounts';
import { generateRecoveryCodes } from '../auth/recovery-codes';
import { verifyTotpStep } from '../auth/totp';
import { CallFailure, type Session } from '../calls';
import { setPasswordSlot, unlockWithPassword, type OpenVault } from '../vault';
import type { StaffTools } from './staff';

/** The part of the app's vault state the flow uses (the app's `VaultState` is one). */
export interface FirstSignInState {
  vaultDir: string;
  /** The open vault of a signed-in session, or null. */
  openVault(): OpenVault | null;
  /** Opens a session on the vault (here the finished one replaces the restricted one). */
  signIn(vault: OpenVault, session: Session): void;
}

/** What the flow borrows from the auth service. */
export interface FirstSignInDeps {
  state: FirstSignInState;
  tools: StaffTools;
  /** The 2FA secret `auth.beginTotpEnrollment` handed out for this login, if still fresh. */
  pendingEnrollment(login: string): string | null;
  forgetEnrollment(login: string): void;
  toUser(row: User): SignedInUser;
}

/** What is still to do before the account may use the app. */
export function setupRequired(row: User): { changePassword: boolean; enrollTotp: boolean } {
  return { changePassword: row.mustChangePassword, enrollTotp: !row.totpEnabled };
}

const CODE_MISMATCH =
  'The code does not match. Check the time on your phone and enter the newest code.';

/** Finishes the first sign-in of the restricted `session`. */
export async function completeFirstSignIn(
  deps: FirstSignInDeps,
  session: Session,
  input: { newPassword?: string | undefined; totpCode: string },
): Promise<FirstSignInResult> {
  const { state, tools } = deps;
  if (session.restricted !== 'first_sign_in') {
    throw new CallFailure('conflict', 'Your account is already set up.');
  }
  const vault = state.openVault();
  if (!vault) throw new CallFailure('unauthenticated', 'Please sign in first.');
  const db = vault.db;
  const row = await findUserById(db, session.userId);
  if (!row || row.status !== 'active') {
    throw new CallFailure('unauthenticated', 'Please sign in again.');
  }
  const needs = setupRequired(row);
  const slot = await tools.slotOptions();
  const now = tools.now();

  const newPassword = input.newPassword;
  // A new password is required with a setup password, and welcome (a fresh one) otherwise.
  const setPassword = needs.changePassword || newPassword !== undefined;
  if (setPassword) {
    if (newPassword === undefined) {
      throw new CallFailure('invalid_input', 'Choose your own password.', { field: 'newPassword' });
    }
    tools.enforcePolicy(newPassword, row.login, row.displayName);
    // Whoever created the account knows the setup password: it cannot be kept.
    const same = await unlockWithPassword(state.vaultDir, row.login, newPassword, {
      deviceStore: slot.deviceStore,
    }).then(
      opened => {
        opened.close();
        return true;
      },
      () => false,
    );
    if (same) {
      throw new CallFailure('invalid_input', 'Choose a password other than the setup password.', {
        field: 'newPassword',
      });
    }
  }

  let secret: string | null;
  let lastStep: number | null = null;
  if (needs.enrollTotp) {
    secret = deps.pendingEnrollment(row.login);
    if (secret === null) {
      throw new CallFailure(
        'invalid_input',
        'The two-factor setup expired. Start that step again.',
      );
    }
  } else {
    const totp = await getTotpState(db, row.id);
    secret = totp?.secret ?? null;
    lastStep = totp?.lastStep ?? null;
  }
  const checked = secret ? verifyTotpStep(secret, input.totpCode, lastStep, now.getTime()) : null;
  if (!secret || !checked?.valid) {
    throw new CallFailure('invalid_input', CODE_MISMATCH, { field: 'totpCode' });
  }

  if (setPassword && newPassword !== undefined) {
    await setPasswordSlot(vault, row.login, newPassword, slot);
  }
  const recoveryCodes = needs.enrollTotp ? generateRecoveryCodes() : [];
  await db.transaction().execute(async (trx: Kysely<Database>) => {
    if (needs.enrollTotp) await setTotp(trx, row.id, secret, recoveryCodes, now);
    // The confirming code is spent: it cannot sign anyone in again.
    if (!(await acceptTotpStep(trx, row.id, checked.step))) {
      throw new CallFailure('invalid_input', CODE_MISMATCH, { field: 'totpCode' });
    }
    if (setPassword) await markPasswordChanged(trx, row.id, now);
  });
  deps.forgetEnrollment(row.login);
  const updated = (await findUserById(db, row.id)) ?? row;
  const { restricted: _lifted, ...rest } = session;
  state.signIn(vault, rest);
  return { user: deps.toUser(updated), recoveryCodes };
}
