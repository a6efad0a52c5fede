/**
 * Staff management: create an account with a one-time setup password, change its role, reset its
 * 2FA. (Dismissal: ./dismiss.ts.) Every refusal is a `CallFailure` thrown before anything is
 * written. Rules: nobody gives a role stronger than their own; only an owner acts on an owner; an
 * account's own role is changed by someone else; the last active owner stays an owner.
 */
import type { Database } from '../vault/schema';
import type { Kysely } from 'kysely';
import type { UserSummary } from '../../src-shared/ipc/users';
import type { Role } from '../../src-shared/permissions';
import type { User } from '../auth/account-schema';
import { clearTotp } from '../auth/account-totp';
import {
  countActiveUsersWithRole,
  createUser,
  findUserById,
  findUserByLogin,
  listUsers,
  setRole,
} from '../auth/accounts';
import { CallFailure, type AuditNote } from '../calls';
import { requireAssignableRole, requireRemovableRole, type Actor } from '../roles/roles';
import { setPasswordSlot, type DeviceSecretStore, type KdfParams, type OpenVault } from '../vault';

/** How a new password slot is written (the app's KDF, keychain and binding choice). */
export interface SlotOptions {
  kdf: KdfParams;
  deviceStore: DeviceSecretStore;
  deviceBinding: boolean;
}

/** What staff management borrows from the app. */
export interface StaffTools {
  slotOptions(): Promise<SlotOptions>;
  /** Throws `weak_password` when the password breaks the rules. */
  enforcePolicy(password: string, login: string, displayName?: string): void;
  now(): Date;
}

/** `User` → what the users screen shows. */
export function toSummary(user: User): UserSummary {
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    role: user.role,
    status: user.status,
    teamId: user.teamId,
    createdAt: user.createdAt,
    lastSignInAt: user.lastSignInAt,
    totpEnabled: user.totpEnabled,
    mustChangePassword: user.mustChangePassword,
  };
}

/** Every account by login. */
export async function listStaff(db: Kysely<Database>): Promise<UserSummary[]> {
  return (await listUsers(db)).map(toSummary);
}

/**
 * Another active account the actor may manage: exists, is not the actor (unless `allowSelf`), is
 * active, and is not an owner unless the actor is one.
 */
export async function requireManageable(
  db: Kysely<Database>,
  actor: Actor,
  userId: string,
  o: { what: string; allowSelf?: boolean },
): Promise<User> {
  const target = await findUserById(db, userId);
  if (!target) throw new CallFailure('not_found', 'There is no such user.');
  if (target.id === actor.userId && !o.allowSelf) {
    throw new CallFailure('forbidden', `You cannot ${o.what} your own account.`);
  }
  if (target.status !== 'active') {
    throw new CallFailure('conflict', 'This account is dismissed.');
  }
  if (target.role === 'owner' && actor.role !== 'owner') {
    throw new CallFailure('forbidden', `Only an owner can ${o.what} an owner.`);
  }
  return target;
}

/** Refuses to take the owner role away from the last active owner. */
export async function assertNotLastOwner(db: Kysely<Database>, target: User): Promise<void> {
  if (target.role === 'owner' && (await countActiveUsersWithRole(db, 'owner')) <= 1) {
    throw new CallFailure('conflict', 'The vault must keep at least one active owner.');
  }
}

/**
 * Creates an active account that must set its own password and enrol 2FA at first sign-in, with a
 * password slot for the setup password. The row and the slot are written together: if the slot
 * cannot be written, the row is rolled back.
 */
export async function createStaff(
  vault: OpenVault,
  db: Kysely<Database>,
  actor: Actor,
  input: { login: string; displayName: string; role: Role; setupPassword: string },
  tools: StaffTools,
  audit: AuditNote,
): Promise<UserSummary> {
  const role = await requireAssignableRole(db, actor, input.role);
  tools.enforcePolicy(input.setupPassword, input.login, input.displayName);
  if (await findUserByLogin(db, input.login)) {
    throw new CallFailure('conflict', 'This login is already taken.');
  }
  const slot = await tools.slotOptions();
  const user = await db.transaction().execute(async (trx: Kysely<Database>) => {
    const created = await createUser(
      trx,
      {
        login: input.login,
        displayName: input.displayName,
        role: role.id,
        mustChangePassword: true,
      },
      tools.now(),
    );
    await setPasswordSlot(vault, created.login, input.setupPassword, slot);
    return created;
  });
  audit.entityType = 'user';
  audit.entityId = user.id;
  audit.changes = {
    login: { after: user.login },
    displayName: { after: user.displayName },
    role: { after: user.role },
    status: { after: user.status },
  };
  return toSummary(user);
}

/**
 * Gives another account a different role: never one stronger than the actor's, and only when the
 * account's current role is no stronger than the actor's either (so nobody demotes a head whose
 * access they do not have themselves).
 */
export async function changeStaffRole(
  db: Kysely<Database>,
  actor: Actor,
  input: { userId: string; role: Role },
  audit: AuditNote,
): Promise<UserSummary> {
  const target = await requireManageable(db, actor, input.userId, { what: 'change the role of' });
  await requireRemovableRole(db, actor, target.role);
  const role = await requireAssignableRole(db, actor, input.role);
  audit.entityType = 'user';
  audit.entityId = target.id;
  if (role.id === target.role) return toSummary(target);
  if (role.id !== 'owner') await assertNotLastOwner(db, target);
  const updated = await setRole(db, target.id, role.id);
  audit.changes = { role: { before: target.role, after: updated.role } };
  return toSummary(updated);
}

/** Turns an account's 2FA off and deletes its recovery codes: it enrols again at next sign-in. */
export async function resetStaffTwoFactor(
  db: Kysely<Database>,
  actor: Actor,
  userId: string,
  audit: AuditNote,
): Promise<UserSummary> {
  // Not your own: someone at your unlocked desk must not be able to swap your second factor.
  const target = await requireManageable(db, actor, userId, {
    what: 'reset two-factor sign-in of',
  });
  await clearTotp(db, target.id);
  audit.entityType = 'user';
  audit.entityId = target.id;
  audit.changes = { totpEnabled: { before: target.totpEnabled, after: false } };
  const updated = await findUserById(db, target.id);
  if (!updated) throw new CallFailure('not_found', 'There is no such user.');
  return toSummary(updated);
}
