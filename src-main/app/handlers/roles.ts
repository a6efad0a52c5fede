/** Handlers of the `roles` channels: thin calls into src-main/roles with the caller as actor. */
import type { rolesContract } from '../../../src-shared/ipc/roles';
import { requireSession, type HandlerContext, type Handlers } from '../../ipc';
import {
  createRole,
  deleteRole,
  listRoles,
  roleMatrix,
  updateRole,
  type Actor,
} from '../../roles/roles';
import type { VaultState } from '../vault-state';
import { requireVault, target } from './kit';

/** What the users and roles handlers need from the app. */
export interface StaffHandlerDeps {
  state: VaultState;
  now(): Date;
}

/** The open vault's connection with the account and role tables, and the caller as actor. */
export function staffContext(deps: StaffHandlerDeps, ctx: HandlerContext) {
  const session = requireSession(ctx);
  const vault = requireVault(deps.state);
  const actor: Actor = { userId: session.userId, role: session.role, grants: session.grants };
  return { vault, db: vault.db, actor };
}

/** The `roles` feature's handlers for the router. */
export function rolesHandlers(
  deps: StaffHandlerDeps,
): Handlers<{ roles: typeof rolesContract }>['roles'] {
  return {
    list: ctx => listRoles(staffContext(deps, ctx).db),
    matrix: ctx => roleMatrix(staffContext(deps, ctx).db),
    create: async (ctx, input) => {
      const { db, actor } = staffContext(deps, ctx);
      const role = await createRole(db, actor, input, deps.now());
      target(ctx, 'role', role.id);
      ctx.audit.changes = { name: { after: role.name }, grants: { after: role.grants } };
      return role;
    },
    update: async (ctx, input) => {
      const { db, actor } = staffContext(deps, ctx);
      const { before, after } = await updateRole(db, actor, input, deps.now());
      target(ctx, 'role', after.id);
      ctx.audit.changes = {
        ...(before.name !== after.name ? { name: { before: before.name, after: after.name } } : {}),
        grants: { before: before.grants, after: after.grants },
      };
      return after;
    },
    delete: async (ctx, input) => {
      const { db, actor } = staffContext(deps, ctx);
      const role = await deleteRole(db, actor, input.id);
      target(ctx, 'role', role.id);
      ctx.audit.changes = { name: { before: role.name }, grants: { before: role.grants } };
      return { deleted: true } as const;
    },
  };
}
