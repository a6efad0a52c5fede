/**
 * Staff accounts: list, create with a one-time setup password, change role, reset 2FA, dismiss.
 * Accounts are never deleted: a dismissed account keeps its history in the audit log.
 */
import { z } from 'zod';
import { displayNameSchema, loginSchema, passwordSchema } from './auth';
import { channel } from './contract';
import { roleIdSchema } from './roles';
import type { Role } from '../permissions';

/** A user id (UUID). */
export const userIdSchema = z.string().uuid();

/** A staff account as the users screen shows it (no secrets). */
export interface UserSummary {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  status: 'active' | 'dismissed';
  teamId: string | null;
  createdAt: string;
  lastSignInAt: string | null;
  totpEnabled: boolean;
  mustChangePassword: boolean;
}

/**
 * A colleague as anyone signed in may see them: the id and name of an active account, nothing else
 * (for "share with" and other pickers of roles without `users.read`).
 */
export interface Colleague {
  id: string;
  displayName: string;
}

/** What a dismissal did. */
/**
 * The office side of a dismissal, on a vault that syncs with an office: the server refuses the
 * user's devices and keys rotated, or why not (the local dismissal stands either way; retry with
 * `sync.dismiss` / `zamok office dismiss`).
 */
export type OfficeDismissalView =
  | { state: 'dismissed'; revokedDevices: number; rotated: number; notRotated: number }
  /** `queued`: not reached yet; the background sync retries it until the server confirms. */
  | { state: 'queued' | 'failed'; code: string; message: string };

export interface DismissResult {
  user: UserSummary;
  /** How many contacts moved to the chosen user. */
  reassignedCount: number;
  /** How many records of each kind moved (contacts, companies, deals, …; kinds this vault has). */
  reassigned: Partial<Record<string, number>>;
  /** Present when this vault syncs with an office. */
  office?: OfficeDismissalView;
}

export const usersContract = {
  /** Every account, active and dismissed, ordered by login. */
  list: channel<UserSummary[]>()({
    input: z.object({}).strict(),
    permission: 'users.read',
    audit: false,
  }),
  /**
   * Active colleagues' ids and names, for pickers (share a contact with…). Any signed-in user: the
   * office's staff names are not client data; logins, roles and statuses stay behind `users.read`.
   */
  colleagues: channel<Colleague[]>()({
    input: z.object({}).strict(),
    permission: 'session',
    audit: false,
  }),
  /**
   * A new account with a one-time setup password (the password rules apply): at first sign-in the
   * user sets their own password and enrols 2FA.
   */
  create: channel<UserSummary>()({
    input: z
      .object({
        login: loginSchema,
        displayName: displayNameSchema,
        role: roleIdSchema,
        setupPassword: passwordSchema,
      })
      .strict(),
    permission: 'users.manage',
  }),
  /**
   * Another user's role; never a role stronger than the caller's — neither the new one nor the one
   * the user holds now — and never the last owner away.
   */
  changeRole: channel<UserSummary>()({
    input: z.object({ userId: userIdSchema, role: roleIdSchema }).strict(),
    permission: 'users.manage',
  }),
  /** Turns 2FA off and deletes recovery codes; the user enrols again at the next sign-in. */
  resetTwoFactor: channel<UserSummary>()({
    input: z.object({ userId: userIdSchema }).strict(),
    permission: 'users.manage',
  }),
  /**
   * One action: the account is disabled, its key slot deleted, its open session ended (at its next
   * call, in any process), its records handed over, and an audit entry written. Choosing who takes
   * them (`reassignToUserId`) needs `users.handover` (the owner); without it they go to the owner.
   */
  dismiss: channel<DismissResult>()({
    input: z.object({ userId: userIdSchema, reassignToUserId: userIdSchema.optional() }).strict(),
    permission: 'users.manage',
    also: [
      {
        when: input => input.reassignToUserId !== undefined,
        permission: 'users.handover',
        message: "Only the owner chooses who takes over a colleague's clients.",
      },
    ],
  }),
} as const;
