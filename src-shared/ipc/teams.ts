/**
 * Teams: the groups `team`-scoped grants reach. Listed for anyone with `users.read`; created,
 * renamed, deleted and staffed by `teams.manage` (owner, administrator). A user is in at most one
 * team; the head is one of its members. Deleting a team leaves its members without a team.
 */
import { z } from 'zod';
import { channel } from './contract';
import { userIdSchema } from './users';

/** A team id: `team-<uuid>` for new teams, the old free text for teams made by migration 0025. */
export const teamIdSchema = z.string().trim().min(1).max(200);

/** A team's name as shown in the app (unique regardless of letter case). */
export const teamNameSchema = z.string().trim().min(1).max(60);

/** A team as the admin screen shows it. */
export interface TeamSummary {
  id: string;
  name: string;
  /** The head (always a member), or null. */
  headUserId: string | null;
  /** Members' ids, the head included, by display name. */
  memberIds: string[];
}

export const teamsContract = {
  /** Every team by name, with its head and members. */
  list: channel<TeamSummary[]>()({
    input: z.object({}).strict(),
    permission: 'users.read',
    audit: false,
  }),
  /** A new empty team; `conflict` when the name is taken (letter case aside). */
  create: channel<TeamSummary>()({
    input: z.object({ name: teamNameSchema }).strict(),
    permission: 'teams.manage',
  }),
  /** A new name for a team. */
  rename: channel<TeamSummary>()({
    input: z.object({ id: teamIdSchema, name: teamNameSchema }).strict(),
    permission: 'teams.manage',
  }),
  /** Deletes a team; its members are left without a team (their records stay theirs). */
  delete: channel<{ deleted: true; unassigned: number }>()({
    input: z.object({ id: teamIdSchema }).strict(),
    permission: 'teams.manage',
  }),
  /** Puts an active user into a team (`teamId` left out: out of any team). */
  assign: channel<TeamSummary[]>()({
    input: z.object({ userId: userIdSchema, teamId: teamIdSchema.optional() }).strict(),
    permission: 'teams.manage',
  }),
  /** The team's head (`userId` left out: none). A head from outside the team joins it. */
  setHead: channel<TeamSummary>()({
    input: z.object({ id: teamIdSchema, userId: userIdSchema.optional() }).strict(),
    permission: 'teams.manage',
  }),
} as const;
