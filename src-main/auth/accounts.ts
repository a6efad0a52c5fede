/**
 * Staff accounts in the vault database (migration 0002_accounts). Small kysely functions, `db`
 * first, clock injectable (`now`). Bad input throws `AccountError` before anything is written.
 * Passwords are key slots (src-main/vault), not columns; TOTP and recovery codes: ./account-totp.ts.
 */
import type { Database } from '../vault/schema';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role } from '../../src-shared/permissions';
import {
  AccountError,
  isoTime,
  parseDisplayName,
  parseLogin,
  parseRole,
  parseStatus,
  parseUserId,
  rowToUser,
  type User,
  type UsersTable,
  type UserStatus,
} from './account-schema';

/** What `createUser` needs. */
export interface NewUser {
  login: string;
  displayName: string;
  role: Role;
  /** Set for accounts created with a temporary password by an administrator. */
  mustChangePassword?: boolean;
  /** The user's team (for `team`-scoped grants); none by default. */
  teamId?: string | null;
}

function sqliteCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

/**
 * Adds an active account (no TOTP yet: enrol with `setTotp`). Throws `conflict` when the login is
 * taken (also by a dismissed account: logins are never reused, so the audit trail stays unambiguous).
 */
export async function createUser(
  db: Kysely<Database>,
  input: NewUser,
  now: Date = new Date(),
): Promise<User> {
  const login = parseLogin(input.login);
  const row = {
    id: randomUUID(),
    login,
    display_name: parseDisplayName(input.displayName),
    role: parseRole(input.role),
    status: 'active' as const,
    created_at: isoTime(now),
    last_sign_in_at: null,
    totp_secret: null,
    totp_enabled: 0,
    totp_last_step: null,
    must_change_password: input.mustChangePassword === true ? 1 : 0,
    password_changed_at: null,
    team_id: input.teamId ?? null,
  };
  try {
    await db.insertInto('users').values(row).execute();
  } catch (err) {
    if (sqliteCode(err) === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new AccountError('conflict', 'This login is already taken.');
    }
    throw err;
  }
  return rowToUser(row);
}

/** The account with this login (any case or surrounding spaces), or undefined. */
export async function findUserByLogin(
  db: Kysely<Database>,
  login: string,
): Promise<User | undefined> {
  let normalised: string;
  try {
    normalised = parseLogin(login);
  } catch {
    return undefined; // a string that cannot be a login belongs to nobody
  }
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('login', '=', normalised)
    .executeTakeFirst();
  return row === undefined ? undefined : rowToUser(row);
}

/** The account with this id, or undefined. */
export async function findUserById(db: Kysely<Database>, id: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', parseUserId(id))
    .executeTakeFirst();
  return row === undefined ? undefined : rowToUser(row);
}

/** Accounts ordered by login; optionally only one status. */
export async function listUsers(
  db: Kysely<Database>,
  filter: { status?: UserStatus } = {},
): Promise<User[]> {
  let query = db.selectFrom('users').selectAll();
  if (filter.status !== undefined) query = query.where('status', '=', parseStatus(filter.status));
  const rows = await query.orderBy('login').execute();
  return rows.map(rowToUser);
}

/** How many active accounts hold a role (e.g. refuse to dismiss the last owner). */
export async function countActiveUsersWithRole(db: Kysely<Database>, role: Role): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select(eb => eb.fn.countAll<number>().as('n'))
    .where('role', '=', parseRole(role))
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function updateUser(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Omit<UsersTable, 'id' | 'login' | 'created_at'>>,
): Promise<User> {
  const userId = parseUserId(id);
  const result = await db
    .updateTable('users')
    .set(changes)
    .where('id', '=', userId)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AccountError('not_found', 'No such user.');
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return rowToUser(row);
}

/** Records a successful sign-in time. */
export async function markSignIn(
  db: Kysely<Database>,
  id: string,
  now: Date = new Date(),
): Promise<User> {
  return updateUser(db, id, { last_sign_in_at: isoTime(now) });
}

/** Activates or dismisses an account (its password slot is the vault layer's to remove). */
export async function setStatus(
  db: Kysely<Database>,
  id: string,
  status: UserStatus,
): Promise<User> {
  return updateUser(db, id, { status: parseStatus(status) });
}

/** Changes an account's role. */
export async function setRole(db: Kysely<Database>, id: string, role: Role): Promise<User> {
  return updateUser(db, id, { role: parseRole(role) });
}

/** Changes an account's display name. */
export async function setDisplayName(
  db: Kysely<Database>,
  id: string,
  displayName: string,
): Promise<User> {
  return updateUser(db, id, { display_name: parseDisplayName(displayName) });
}

/** Forces (or lifts) a password change at the next sign-in. */
export async function setMustChangePassword(
  db: Kysely<Database>,
  id: string,
  mustChange: boolean,
): Promise<User> {
  return updateUser(db, id, { must_change_password: mustChange ? 1 : 0 });
}

/** Records that the user set a new password (clears `mustChangePassword`). */
export async function markPasswordChanged(
  db: Kysely<Database>,
  id: string,
  now: Date = new Date(),
): Promise<User> {
  return updateUser(db, id, { password_changed_at: isoTime(now), must_change_password: 0 });
}
