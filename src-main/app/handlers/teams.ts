/** Handlers of the `teams` channels: thin calls into src-main/teams; the router checks and audits. */
import type { teamsContract } from '../../../src-shared/ipc/teams';
import type { Handlers } from '../../ipc';
import {
  assignToTeam,
  createTeam,
  deleteTeam,
  listTeams,
  renameTeam,
  setTeamHead,
} from '../../teams/teams';
import { staffContext, type StaffHandlerDeps } from './roles';
import { target } from './kit';

/** The `teams` feature's handlers for the router. */
export function teamsHandlers(
  deps: StaffHandlerDeps,
): Handlers<{ teams: typeof teamsContract }>['teams'] {
  return {
    list: ctx => listTeams(staffContext(deps, ctx).db),
    create: async (ctx, input) => {
      const team = await createTeam(staffContext(deps, ctx).db, input.name, deps.now());
      target(ctx, 'team', team.id);
      ctx.audit.changes = { name: { after: team.name } };
      return team;
    },
    rename: async (ctx, input) => {
      const db = staffContext(deps, ctx).db;
      const { before, after } = await renameTeam(db, input.id, input.name, deps.now());
      target(ctx, 'team', after.id);
      if (before.name !== after.name) {
        ctx.audit.changes = { name: { before: before.name, after: after.name } };
      }
      return after;
    },
    delete: async (ctx, input) => {
      const { team, unassigned } = await deleteTeam(staffContext(deps, ctx).db, input.id);
      target(ctx, 'team', team.id);
      ctx.audit.changes = {
        name: { before: team.name },
        headUserId: { before: team.headUserId },
      };
      ctx.audit.details = { unassignedUserIds: unassigned };
      return { deleted: true, unassigned: unassigned.length } as const;
    },
    assign: async (ctx, input) => {
      const db = staffContext(deps, ctx).db;
      const { before, after } = await assignToTeam(db, input.userId, input.teamId ?? null);
      target(ctx, 'user', input.userId);
      if (before !== after) ctx.audit.changes = { teamId: { before, after } };
      return listTeams(db);
    },
    setHead: async (ctx, input) => {
      const db = staffContext(deps, ctx).db;
      const { before, after, movedFrom } = await setTeamHead(
        db,
        input.id,
        input.userId ?? null,
        deps.now(),
      );
      target(ctx, 'team', after.id);
      if (before.headUserId !== after.headUserId) {
        ctx.audit.changes = { headUserId: { before: before.headUserId, after: after.headUserId } };
      }
      if (movedFrom !== undefined) {
        ctx.audit.details = { joinedTeam: { userId: input.userId ?? null, from: movedFrom } };
      }
      return after;
    },
  };
}
