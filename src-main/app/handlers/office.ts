/**
 * Handlers of the `office` channels: joining with an enrolment code from the sync panel, and an
 * owner device's invitations and approvals (src-main/sync/invite.ts). The router has checked the
 * permission; office errors become typed call errors (`details.office` keeps the office's code
 * for the panel's next-step sentence); audit entries name devices and counts, never names or keys.
 */
import type { officeContract } from '../../../src-shared/ipc/office';
import { CallFailure, requireSession, type Handlers } from '../../ipc';
import {
  BadCodeError,
  approveWaiting,
  createInviteCode,
  joinWithCode,
  listWaitingDevices,
  refuseWaiting,
} from '../../sync/invite';
import { forgetOffice } from '../../sync/forget';
import { requireVault, type VaultSource } from './kit';
import { officeCall } from './sync';

async function withCode<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await officeCall(work);
  } catch (error) {
    if (error instanceof BadCodeError) {
      throw new CallFailure('invalid_input', error.message, { office: 'bad_code' });
    }
    throw error;
  }
}

/** The `office` feature's handlers for the router. */
export function officeHandlers(
  deps: VaultSource,
): Handlers<{ office: typeof officeContract }>['office'] {
  const db = () => requireVault(deps).db;
  return {
    join: (ctx, input) =>
      withCode(async () => {
        const session = requireSession(ctx);
        const user = await db()
          .selectFrom('users')
          .select('display_name')
          .where('id', '=', session.userId)
          .executeTakeFirstOrThrow();
        const done = await joinWithCode(db(), {
          server: input.server,
          codeText: input.code,
          userId: session.userId,
          name: user.display_name,
        });
        ctx.audit.details = { ...done };
        return done;
      }),
    invite: ctx =>
      officeCall(async () => {
        const done = await createInviteCode(db());
        ctx.audit.details = { expiresAt: done.expiresAt };
        return done;
      }),
    waiting: () =>
      officeCall(async () =>
        (await listWaitingDevices(db())).map(device => ({
          deviceId: device.deviceId,
          userId: device.userId,
          name: device.name,
          requestedAt: device.createdAt,
          roles: device.roles,
          teamId: device.teamId,
          asHead: device.asHead,
        })),
      ),
    approve: (ctx, input) =>
      officeCall(async () => {
        const done = await approveWaiting(db(), {
          deviceId: input.deviceId,
          role: input.role,
          teamId: input.teamId ?? null,
        });
        ctx.audit.details = {
          deviceId: input.deviceId,
          role: input.role,
          partitions: done.partitions,
        };
        return { deviceId: input.deviceId, ...done };
      }),
    forget: ctx =>
      officeCall(async () => {
        const done = await forgetOffice(db());
        ctx.audit.details = { ...done };
        return done;
      }),
    refuse: (ctx, input) =>
      officeCall(async () => {
        await refuseWaiting(db(), input.deviceId);
        ctx.audit.details = { deviceId: input.deviceId };
        return { deviceId: input.deviceId };
      }),
  };
}
