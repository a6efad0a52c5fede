/** Handlers of the `users` channels: thin calls into src-main/users with the caller as actor. */
import type { usersContract } from '../../../src-shared/ipc/users';
import type { Handlers } from '../../ipc';
import { dismissStaff } from '../../users/dismiss';
import {
  changeStaffRole,
  createStaff,
  listStaff,
  resetStaffTwoFactor,
  type StaffTools,
} from '../../users/staff';
import type { VaultState } from '../vault-state';
import { staffContext } from './roles';

/** The `users` feature's handlers for the router. */
export function usersHandlers(deps: {
  state: VaultState;
  tools: StaffTools;
}): Handlers<{ users: typeof usersContract }>['users'] {
  const base = { state: deps.state, now: () => deps.tools.now() };
  return {
    list: ctx => listStaff(staffContext(base, ctx).db),
    colleagues: async ctx =>
      (await listStaff(staffContext(base, ctx).db))
        .filter(user => user.status === 'active')
        .map(user => ({ id: user.id, displayName: user.displayName }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName, 'uk')),
    create: (ctx, input) => {
      const { vault, db, actor } = staffContext(base, ctx);
      return createStaff(vault, db, actor, input, deps.tools, ctx.audit);
    },
    changeRole: (ctx, input) => {
      const { db, actor } = staffContext(base, ctx);
      return changeStaffRole(db, actor, input, ctx.audit);
    },
    resetTwoFactor: (ctx, input) => {
      const { db, actor } = staffContext(base, ctx);
      return resetStaffTwoFactor(db, actor, input.userId, ctx.audit);
    },
    dismiss: (ctx, input) => {
      const { vault, db, actor } = staffContext(base, ctx);
      return dismissStaff(vault, db, actor, input, deps.tools.now(), ctx.audit);
    },
  };
}
