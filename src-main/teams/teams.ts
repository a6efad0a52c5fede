/**
 * Teams (migration 0025): small kysely functions, `db` first. A user is in at most one team
 * (`users.team_id`); the head is one of its members (a trigger keeps it so). Every refusal is a
 * `CallFailure` thrown before anything is written; the router's wrappers check `teams.manage` and
 * write the audit entry the handler describes.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { TeamSummary } from '../../src-shared/ipc/teams';
import { CallFailure } from '../calls';
import type { Database } from '../vault/schema';

/** The name as compared for uniqueness: trimmed, lower case in any alphabet. */
export function teamNameKey(name: string): string {
  return name.trim().normalize('NFC').toLocaleLowerCase('uk');
}

/** Every team by name, with its head and its active members (by display name). */
export async function listTeams(db: Kysely<Database>): Promise<TeamSummary[]> {
  const teams = await db
    .selectFrom('teams')
    .select(['id', 'name', 'head_user_id'])
    .orderBy('name_key')
    .execute();
  const members = await db
    .selectFrom('users')
    .select(['id', 'team_id'])
    .where('team_id', 'is not', null)
    .where('status', '=', 'active')
    .orderBy('display_name')
    .execute();
  return teams.map(t => ({
    id: t.id,
    name: t.name,
    headUserId: t.head_user_id,
    memberIds: members.filter(m => m.team_id === t.id).map(m => m.id),
  }));
}

/** One team, or `not_found`. */
export async function requireTeam(db: Kysely<Database>, id: string): Promise<TeamSummary> {
  const team = (await listTeams(db)).find(t => t.id === id);
  if (!team) throw new CallFailure('not_found', 'There is no such team.');
  return team;
}

async function assertNameFree(db: Kysely<Database>, name: string, except?: string) {
  const taken = await db
    .selectFrom('teams')
    .select('id')
    .where('name_key', '=', teamNameKey(name))
    .executeTakeFirst();
  if (taken && taken.id !== except) {
    throw new CallFailure('conflict', 'A team with this name already exists.');
  }
}

/** A new empty team. */
export async function createTeam(
  db: Kysely<Database>,
  name: string,
  now: Date,
): Promise<TeamSummary> {
  const clean = name.trim();
  await assertNameFree(db, clean);
  const id = `team-${randomUUID()}`;
  const at = now.toISOString();
  await db
    .insertInto('teams')
    .values({ id, name: clean, name_key: teamNameKey(clean), created_at: at, updated_at: at })
    .execute();
  return requireTeam(db, id);
}

/** A team's new name; answers the team before and after. */
export async function renameTeam(
  db: Kysely<Database>,
  id: string,
  name: string,
  now: Date,
): Promise<{ before: TeamSummary; after: TeamSummary }> {
  const before = await requireTeam(db, id);
  const clean = name.trim();
  await assertNameFree(db, clean, id);
  await db
    .updateTable('teams')
    .set({ name: clean, name_key: teamNameKey(clean), updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
  return { before, after: await requireTeam(db, id) };
}

/**
 * Deletes a team. Its members (dismissed ones too) are left without a team — their records stay
 * theirs, and `team`-scoped grants then reach only their own — rather than refusing: a team is a
 * grouping, not an owner of data, and the entry lists who was unassigned.
 */
export async function deleteTeam(
  db: Kysely<Database>,
  id: string,
): Promise<{ team: TeamSummary; unassigned: string[] }> {
  const team = await requireTeam(db, id);
  const everyone = await db.selectFrom('users').select('id').where('team_id', '=', id).execute();
  await db.deleteFrom('teams').where('id', '=', id).execute();
  return { team, unassigned: everyone.map(u => u.id) };
}

async function requireActiveUser(db: Kysely<Database>, userId: string) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'status', 'team_id'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) throw new CallFailure('not_found', 'There is no such user.');
  if (user.status !== 'active') throw new CallFailure('conflict', 'This account is dismissed.');
  return user;
}

/**
 * Puts an active user into `teamId` (null: no team); answers the team before and after. Leaving a
 * team they headed ends the headship (trigger).
 */
export async function assignToTeam(
  db: Kysely<Database>,
  userId: string,
  teamId: string | null,
): Promise<{ before: string | null; after: string | null }> {
  const user = await requireActiveUser(db, userId);
  if (teamId !== null) await requireTeam(db, teamId);
  if (user.team_id !== teamId) {
    await db.updateTable('users').set({ team_id: teamId }).where('id', '=', userId).execute();
  }
  return { before: user.team_id, after: teamId };
}

/**
 * Makes `userId` the head of team `id` (null: no head). A user from outside the team (or from no
 * team) joins it first, so the head always sees the team their role's `team` scope reaches.
 */
export async function setTeamHead(
  db: Kysely<Database>,
  id: string,
  userId: string | null,
  now: Date,
): Promise<{ before: TeamSummary; after: TeamSummary; movedFrom?: string | null }> {
  const before = await requireTeam(db, id);
  let movedFrom: string | null | undefined;
  if (userId !== null) {
    const user = await requireActiveUser(db, userId);
    if (user.team_id !== id) {
      movedFrom = user.team_id;
      await assignToTeam(db, userId, id);
    }
  }
  await db
    .updateTable('teams')
    .set({ head_user_id: userId, updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
  const after = await requireTeam(db, id);
  return movedFrom === undefined ? { before, after } : { before, after, movedFrom };
}

/**
 * Makes sure a team `id` exists, as a placeholder named by its id when this vault has never seen it
 * (office sync names colleagues' teams by id only; `users.team_id` must refer to a team row).
 */
export async function ensureTeam(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db
    .insertInto('teams')
    .values({ id, name: id, name_key: teamNameKey(id), created_at: at, updated_at: at })
    .onConflict(oc => oc.doNothing())
    .execute();
}
