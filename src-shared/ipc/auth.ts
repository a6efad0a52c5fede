/**
 * Vault setup, sign-in, lock and password channels. The few `public` calls here are the only ones
 * that run before sign-in.
 */
import { z } from 'zod';
import type { OfficeSettings } from '../settings/office';
import { channel } from './contract';
import type { Grants, Role } from '../permissions';

/** Limits shared by every text field that reaches the vault, so huge strings are rejected early. */
export const loginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(64)
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'login: letters, digits, . _ @ - only');
export const passwordSchema = z.string().min(1).max(1024);
export const totpCodeSchema = z.string().regex(/^\d{6}$/, 'code: 6 digits');
export const recoveryCodeSchema = z.string().trim().min(8).max(32);
export const recoveryKeySchema = z.string().trim().min(20).max(200);
export const displayNameSchema = z.string().trim().min(1).max(120);
export const vaultDirSchema = z.string().trim().min(1).max(4096);

/**
 * `details.reason` of an `auth_failed` sign-in refused because this computer's keychain lacks the
 * vault's device secret (a vault restored onto a new computer): the way in is the recovery key.
 */
export const DEVICE_SECRET_MISSING = 'device_secret_missing';

export interface SignedInUser {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  /** What the role grants (for showing only usable screens; the main process enforces). */
  grants: Grants;
  /**
   * Present while the session is restricted to its first sign-in (a new account, or one whose 2FA
   * was reset): what `auth.completeFirstSignIn` must do before anything else is allowed.
   */
  setupRequired?: { changePassword: boolean; enrollTotp: boolean };
}

/** What finishing the first sign-in returns. */
export interface FirstSignInResult {
  user: SignedInUser;
  /** Ten new one-time codes when 2FA was enrolled now (shown once); empty otherwise. */
  recoveryCodes: string[];
}

export type AppState = 'no_vault' | 'locked' | 'signed_in';

export interface AppStatus {
  state: AppState;
  /** The vault folder the app will open (default or last used). */
  vaultDir: string;
  /** Present when state is 'signed_in'. */
  user?: SignedInUser;
  /** Login of the user whose session is locked (lock screen), when known. */
  lockedLogin?: string;
  /** Whether the OS keychain is available for device binding. */
  keychainAvailable: boolean;
  /** Idle auto-lock in minutes (office setting; default 10 until signed in). */
  autoLockMinutes: number;
  /** The office settings (name, currency, week start, auto-lock), when signed in. */
  office?: OfficeSettings;
}

export interface TotpEnrollment {
  /** Base32 secret, shown as the manual key. */
  secret: string;
  /** otpauth:// URI, shown as a QR code. */
  uri: string;
}

export interface SetupResult {
  vaultId: string;
  user: SignedInUser;
  /** Shown exactly once; never stored in plaintext. */
  recoveryKey: string;
  /** Ten one-time codes, shown once. */
  recoveryCodes: string[];
  deviceBinding: 'bound' | 'unavailable' | 'off';
}

export const authContract = {
  /** What the first screen should be: setup wizard, sign-in/lock, or the app. */
  status: channel<AppStatus>()({
    input: z.object({}).strict(),
    permission: 'public',
    audit: false,
  }),
  /** Step 3 of the setup wizard: a fresh TOTP secret held in memory until `createVault`. */
  beginTotpEnrollment: channel<TotpEnrollment>()({
    input: z.object({ login: loginSchema }).strict(),
    permission: 'public',
    audit: false,
  }),
  /** Creates the vault and the owner account, confirms the TOTP code, and signs the owner in. */
  createVault: channel<SetupResult>()({
    input: z
      .object({
        vaultDir: vaultDirSchema,
        login: loginSchema,
        displayName: displayNameSchema,
        password: passwordSchema,
        totpCode: totpCodeSchema,
        deviceBinding: z.boolean().default(true),
      })
      .strict(),
    permission: 'public',
    // Opens a vault connection of its own (see `atomic` in contract.ts).
    atomic: false,
  }),
  /**
   * login + password + at most one of TOTP code / recovery code. Every failure answers the same
   * `auth_failed`. An account with 2FA needs a code; an account that must still set its password or
   * enrol 2FA gets a session restricted to `completeFirstSignIn` (`user.setupRequired`).
   */
  signIn: channel<SignedInUser>()({
    input: z
      .object({
        login: loginSchema,
        password: passwordSchema,
        totpCode: totpCodeSchema.optional(),
        recoveryCode: recoveryCodeSchema.optional(),
      })
      .strict()
      .refine(v => v.totpCode === undefined || v.recoveryCode === undefined, {
        message: 'give totpCode or recoveryCode, not both',
      }),
    permission: 'public',
    atomic: false,
  }),
  /** Every password forgotten: the owner's recovery key sets a new password for a login. */
  resetPasswordWithRecoveryKey: channel<{ login: string }>()({
    input: z
      .object({ recoveryKey: recoveryKeySchema, login: loginSchema, newPassword: passwordSchema })
      .strict(),
    permission: 'public',
    atomic: false,
  }),
  /** Closes the database and wipes key buffers; the lock screen follows. */
  lock: channel<{ locked: true }>()({ input: z.object({}).strict(), permission: 'session' }),
  /** Ends the session and forgets the user on this screen. */
  /**
   * Ends the session and forgets the user on this screen. Public so that "sign in as someone else"
   * on the lock screen (no session any more) also forgets the locked login.
   */
  signOut: channel<{ signedOut: true }>()({ input: z.object({}).strict(), permission: 'public' }),
  /**
   * Ends a restricted first sign-in: sets the user's own password (required when
   * `setupRequired.changePassword`) and confirms the 2FA secret from `beginTotpEnrollment` with a code.
   */
  completeFirstSignIn: channel<FirstSignInResult>()({
    input: z.object({ newPassword: passwordSchema.optional(), totpCode: totpCodeSchema }).strict(),
    permission: 'session',
  }),
  changePassword: channel<{ changed: true }>()({
    input: z.object({ currentPassword: passwordSchema, newPassword: passwordSchema }).strict(),
    permission: 'session',
  }),
} as const;
