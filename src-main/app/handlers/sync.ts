/**
 * Handlers of the `sync` channels: this laptop's office sync (src-main/sync). The router has
 * checked the permission; office errors become typed call errors (an unreachable or untrusted
 * server is `office_unreachable`, a refusal keeps its meaning), and the audit entry names the
 * device and counts, never record data or keys.
 */
import type { syncContract } from '../../../src-shared/ipc/sync';
import { CallFailure, requireSession, type Handlers } from '../../ipc';
import { OfficeCallError } from '../../sync/client';
import {
  AlreadyJoinedError,
  approveJoin,
  enrolOwner,
  parseJoinRequest,
  requestToJoin,
} from '../../sync/enrol';
import { syncStatus } from '../../sync/status';
import { verifyOfficeChain } from '../../sync/verify';
import { NotJoinedError, syncNow } from '../../sync/worker';
import { DeviceRemovedError, wipeRemovedVault } from '../../sync/wipe';
import { vaultEraser } from '../../sync/erasure-in';
import { dismissFromOffice } from '../../sync/rotate';
import { ConflictError, listConflicts, resolveConflict } from '../../sync/conflicts';
import { vaultPaths } from '../../vault';
import { requireVault, type VaultSource } from './kit';

const BY_STATUS: Record<
  number,
  'invalid_input' | 'auth_failed' | 'forbidden' | 'not_found' | 'conflict'
> = {
  400: 'invalid_input',
  401: 'auth_failed',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
};

/** Runs `work`, turning office errors into call failures (`details.office`: the office's code). */
export async function officeCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NotJoinedError) throw new CallFailure('not_found', error.message);
    if (error instanceof AlreadyJoinedError) throw new CallFailure('conflict', error.message);
    if (error instanceof OfficeCallError) {
      const code = BY_STATUS[error.status];
      if (code) throw new CallFailure(code, error.message, { office: error.code });
      if (
        error.code === 'bad_url' ||
        error.code === 'insecure' ||
        error.code === 'no_fingerprint'
      ) {
        throw new CallFailure('invalid_input', error.message, { office: error.code });
      }
      throw new CallFailure('office_unreachable', error.message, { office: error.code });
    }
    throw error;
  }
}

/** The `sync` feature's handlers for the router. */
export function syncHandlers(deps: VaultSource): Handlers<{ sync: typeof syncContract }>['sync'] {
  const db = () => requireVault(deps).db;
  return {
    status: () => syncStatus(db()),
    now: ctx =>
      officeCall(async () => {
        const vault = requireVault(deps);
        const report = await syncNow(vault.db, {
          attachments: vaultPaths(vault.dir).attachments,
          eraser: vaultEraser(vault),
          audit: vault,
        }).catch(async (error: unknown) => {
          if (!(error instanceof DeviceRemovedError)) throw error;
          // Removed from the office: the vault is audited, closed and shredded (./sync/wipe.ts).
          await wipeRemovedVault(vault);
          throw new CallFailure('office_removed', error.message);
        });
        ctx.audit.details = { ...report };
        return report;
      }),
    enrol: (ctx, input) =>
      officeCall(async () => {
        const session = requireSession(ctx);
        const endpoint = { url: input.server, fingerprint: input.fingerprint ?? null };
        const done = await enrolOwner(db(), { endpoint, code: input.code, userId: session.userId });
        ctx.audit.details = {
          deviceId: done.deviceId,
          officeId: done.officeId,
          queued: done.queued,
        };
        return done;
      }),
    join: (ctx, input) =>
      officeCall(async () => {
        const session = requireSession(ctx);
        const endpoint = { url: input.server, fingerprint: input.fingerprint ?? null };
        const user = await db()
          .selectFrom('users')
          .select('display_name')
          .where('id', '=', session.userId)
          .executeTakeFirstOrThrow();
        const request = await requestToJoin(db(), {
          endpoint,
          userId: session.userId,
          name: user.display_name,
        });
        const deviceId = parseJoinRequest(request)?.deviceId ?? '';
        ctx.audit.details = { deviceId };
        return { request, deviceId };
      }),
    approve: (ctx, input) =>
      officeCall(async () => {
        const request = parseJoinRequest(input.request);
        if (!request) throw new CallFailure('invalid_input', 'This is not a join request.');
        const done = await approveJoin(db(), {
          request,
          role: input.role,
          teamId: input.teamId ?? null,
        });
        ctx.audit.details = {
          deviceId: request.deviceId,
          role: input.role,
          partitions: done.partitions,
        };
        return { deviceId: request.deviceId, userId: request.userId, partitions: done.partitions };
      }),
    dismiss: (ctx, input) =>
      officeCall(async () => {
        const done = await dismissFromOffice(db(), input.userId);
        const value = {
          revokedDevices: done.revokedDevices,
          rotated: done.rotated.length,
          notRotated: done.notRotated.length,
        };
        ctx.audit.details = { userId: input.userId, ...value };
        return value;
      }),
    conflicts: () => listConflicts(db()),
    resolve: async (ctx, input) => {
      const session = requireSession(ctx);
      try {
        const done = await resolveConflict(db(), { ...input, userId: session.userId });
        ctx.audit.details = { changeId: input.changeId, field: input.field, keep: input.keep };
        return done;
      } catch (error) {
        if (error instanceof ConflictError) throw new CallFailure(error.code, error.message);
        throw error;
      }
    },
    verifyOffice: ctx =>
      officeCall(async () => {
        const result = await verifyOfficeChain(db());
        ctx.audit.details = {
          verdict: result.ok ? 'ok' : 'broken',
          partitions: result.partitions.length,
        };
        return result;
      }),
  };
}
