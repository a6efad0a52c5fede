/**
 * Accounts: table types (migrations 0002_accounts, 0004_roles), the `User` domain type, row mapping, input
 * validation and the typed error every account function throws on bad input.
 */
import { displayNameSchema, loginSchema } from '../../src-shared/ipc/auth';
import type { ErrorCode } from '../../src-shared/ipc/contract';
import { ROLES, type Role } from '../../src-shared/permissions';
import { normalizeLogin } from '../vault';
import type { UsersTable } from '../vault/schema';

export type { RecoveryCodesTable, UsersTable } from '../vault/schema';

/** Account statuses. A dismissed user keeps their history but can no longer sign in. */
export const USER_STATUSES = ['active', 'dismissed'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** A staff account as the rest of the app sees it. Never carries the TOTP secret. */
export interface User {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  status: UserStatus;
  createdAt: string;
  lastSignInAt: string | null;
  totpEnabled: boolean;
  mustChangePassword: boolean;
  passwordChangedAt: string | null;
  /** The user's team for `team`-scoped grants; null: no team. */
  teamId: string | null;
}

/** Codes an account function can fail with (each is a bridge `ErrorCode`). */
export const ACCOUNT_ERROR_CODES = [
  'invalid_input',
  'conflict',
  'not_found',
] as const satisfies readonly ErrorCode[];
export type AccountErrorCode = (typeof ACCOUNT_ERROR_CODES)[number];

/** Thrown for bad input, a taken login or an unknown user; nothing was written. Messages hold no personal data. */
export class AccountError extends Error {
  readonly code: AccountErrorCode;

  constructor(code: AccountErrorCode, message: string) {
    super(message);
    this.name = 'AccountError';
    this.code = code;
  }
}

/** True when `err` is an `AccountError`, optionally with the given code. */
export function isAccountError(err: unknown, code?: AccountErrorCode): err is AccountError {
  return err instanceof AccountError && (code === undefined || err.code === code);
}

/** `users` row → `User`. */
export function rowToUser(row: UsersTable): User {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: parseRole(row.role),
    status: row.status,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
    totpEnabled: row.totp_enabled === 1,
    mustChangePassword: row.must_change_password === 1,
    passwordChangedAt: row.password_changed_at,
    teamId: row.team_id,
  };
}

/** The stored form of a login, or `invalid_input` (same rules as the bridge's loginSchema, plus NFC). */
export function parseLogin(login: string): string {
  const parsed = loginSchema.safeParse(typeof login === 'string' ? normalizeLogin(login) : login);
  if (!parsed.success)
    throw new AccountError('invalid_input', 'login: 2–64 letters, digits, . _ @ -');
  return parsed.data;
}

/** A trimmed display name, or `invalid_input`. */
export function parseDisplayName(displayName: string): string {
  const parsed = displayNameSchema.safeParse(displayName);
  if (!parsed.success) throw new AccountError('invalid_input', 'displayName: 1–120 characters');
  return parsed.data;
}

/** Ids of custom roles (table `roles`, migration 0004): `custom-` and a lowercase UUID. */
export const CUSTOM_ROLE_ID =
  /^custom-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A built-in role id or a well-formed custom role id, or `invalid_input`. Whether a custom role
 * exists is the roles service's check (src-main/roles), not this parser's.
 */
export function parseRole(role: string): Role {
  const found = ROLES.find(r => r === role);
  if (found !== undefined) return found;
  if (typeof role === 'string' && CUSTOM_ROLE_ID.test(role)) return role;
  throw new AccountError('invalid_input', 'role: not a known role');
}

/** A known status, or `invalid_input`. */
export function parseStatus(status: string): UserStatus {
  const found = USER_STATUSES.find(s => s === status);
  if (found === undefined) throw new AccountError('invalid_input', 'status: active or dismissed');
  return found;
}

/** A plausible user id, or `invalid_input` (ids are UUIDs; anything huge is refused early). */
export function parseUserId(id: string): string {
  if (typeof id !== 'string' || id.length < 1 || id.length > 100) {
    throw new AccountError('invalid_input', 'user id: 1–100 characters');
  }
  return id;
}

/** ISO 8601 UTC with milliseconds, as audit_log stores times. */
export function isoTime(now: Date): string {
  if (Number.isNaN(now.getTime()))
    throw new AccountError('invalid_input', 'time: not a valid date');
  return now.toISOString();
}
