/**
 * The session guard: before every call made with a session, re-read the caller's account (status,
 * role, team, and a custom role's grants) in one indexed query. A dismissed account's session ends
 * at once — even when the dismissal came from another process such as the CLI — and a changed role
 * or team refreshes the session's grants. Placed after the audit wrapper (so the refusal is
 * recorded) and before the permission check (so it judges the live grants).
 */
import type { Database } from '../vault/schema';
import type { Kysely } from 'kysely';
import { isBuiltInRole, type Grants } from '../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../src-shared/roles';
import { CallFailure, type Session, type Wrapper } from '../ipc';
import { parseStoredGrants, sameGrants } from '../roles/schema';
import { type OpenVault } from '../vault';
import type { VaultState } from './vault-state';

/** The account facts a session depends on, read fresh for each call. */
interface LiveAccount {
  status: string;
  role: string;
  teamId: string | null;
  grants: Grants;
}

async function readLiveAccount(vault: OpenVault, userId: string): Promise<LiveAccount | null> {
  const db: Kysely<Database> = vault.db;
  const row = await db
    .selectFrom('users')
    .leftJoin('roles', 'roles.id', 'users.role')
    .select(['users.status', 'users.role', 'users.team_id', 'roles.grants'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  const grants = isBuiltInRole(row.role)
    ? BUILT_IN_GRANTS[row.role]
    : row.grants === null
      ? {} // a custom role that no longer exists grants nothing
      : parseStoredGrants(row.grants);
  return { status: row.status, role: row.role, teamId: row.team_id, grants };
}

/** Builds the guard for an app instance. */
export function createSessionGuard(o: { state: VaultState }): Wrapper {
  const { state } = o;
  return (meta, next) => async (ctx, input) => {
    const session = ctx.session;
    const vault = state.openVault();
    if (!session || !vault || state.session !== session) return next(ctx, input);
    const live = await readLiveAccount(vault, session.userId);
    if (!live || live.status !== 'active') {
      // An unaudited call has no audit wrapper to close the vault after it: close it now.
      state.end({ keepLogin: false, closeNow: meta.spec.audit === false });
      if (meta.spec.permission === 'public') return next({ ...ctx, session: null }, input);
      throw new CallFailure('unauthenticated', 'This account is no longer active.');
    }
    if (
      live.role === session.role &&
      live.teamId === session.teamId &&
      sameGrants(live.grants, session.grants)
    ) {
      return next(ctx, input);
    }
    const refreshed: Session = {
      ...session,
      role: live.role,
      teamId: live.teamId,
      grants: live.grants,
    };
    state.signIn(vault, refreshed);
    return next({ ...ctx, session: refreshed }, input);
  };
}
