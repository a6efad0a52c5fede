/**
 * The office protocol's HTTP routes: each parses its body with the shared zod contract, then calls
 * one service. Routes marked `auth` first turn the bearer token into a `Caller` (401 otherwise);
 * the services refuse anything outside the caller's ACL or role with 403.
 */
import type { z } from 'zod';
import {
  approveRequestSchema,
  challengeRequestSchema,
  createPartitionSchema,
  dismissRequestSchema,
  enrolRequestSchema,
  grantRequestSchema,
  pullRequestSchema,
  pushRequestSchema,
  revokeRequestSchema,
  rotateRequestSchema,
  tokenRequestSchema,
} from '../../src-shared/office/contracts';
import { joinRequestBodySchema, refuseJoinSchema } from '../../src-shared/office/joins';
import { pullChanges, pushChanges } from '../changes';
import { getChunk, putChunk } from '../documents';
import { chunkRefSchema, putChunkSchema } from '../../src-shared/office/documents';
import {
  approveDevice,
  dismissUser,
  enrolOwner,
  issueChallenge,
  issueToken,
  listDevices,
  type Caller,
} from '../devices';
import { OfficeError } from '../errors';
import { describeCaller } from '../heads';
import { createInvite, listJoins, refuseJoin, requestJoin } from '../joins';
import { officeMetrics } from '../metrics';
import { purgeCiphertext } from '../purge';
import { purgeRequestSchema } from '../../src-shared/office/purge';
import type { ServerContext } from '../office';
import {
  createPartition,
  grantPartition,
  listEnvelopes,
  listPartitions,
  revokePartition,
  rotatePartition,
} from '../partitions';

/** What a handler gets: the context, the caller (auth routes), the body, and an abort signal. */
export interface RouteInput {
  ctx: ServerContext;
  caller: Caller | null;
  body: unknown;
  signal: AbortSignal;
}

/**
 * One route: whether it needs a token, and its handler (resolves to the JSON answer). Routes
 * without a token are limited per address (../rate-limit.ts) unless `open` (health checks).
 */
export interface Route {
  auth: boolean;
  open?: true;
  handle(input: RouteInput): Promise<unknown>;
}

/** Parses `body` with `schema`; a mismatch is a 400 naming the first bad field, no values. */
export function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) {
    const path = result.error.issues[0]?.path.join('.') ?? '';
    throw new OfficeError('invalid_input', `The request is not valid${path ? ` (${path})` : ''}.`);
  }
  return result.data;
}

function callerOf(input: RouteInput): Caller {
  if (!input.caller) throw new OfficeError('unauthenticated', 'Sign in first.');
  return input.caller;
}

const ok = { ok: true } as const;

/** The routes, by "METHOD path". */
export const ROUTES: Readonly<Record<string, Route>> = {
  'GET /v1/health': {
    auth: false,
    open: true,
    handle: async ({ ctx }) => ({ status: 'ok', engine: ctx.db.engine, officeId: ctx.officeId }),
  },
  'GET /v1/metrics': {
    auth: true,
    handle: input => officeMetrics(input.ctx, callerOf(input)),
  },
  'POST /v1/enrol': {
    auth: false,
    handle: async ({ ctx, body }) => (await enrolOwner(ctx, parse(enrolRequestSchema, body)), ok),
  },
  'POST /v1/auth/challenge': {
    auth: false,
    handle: async ({ ctx, body }) => ({
      officeId: ctx.officeId,
      challenge: await issueChallenge(ctx, parse(challengeRequestSchema, body).deviceId),
    }),
  },
  'POST /v1/auth/token': {
    auth: false,
    handle: ({ ctx, body }) => issueToken(ctx, parse(tokenRequestSchema, body)),
  },
  'POST /v1/devices/approve': {
    auth: true,
    handle: async input => (
      await approveDevice(input.ctx, callerOf(input), parse(approveRequestSchema, input.body)),
      ok
    ),
  },
  'POST /v1/invites': {
    auth: true,
    handle: input => createInvite(input.ctx, callerOf(input)),
  },
  'POST /v1/join': {
    auth: false,
    handle: async ({ ctx, body }) => {
      const request = parse(joinRequestBodySchema, body);
      ctx.limits.admitInvitation(request.invite);
      await requestJoin(ctx, request);
      return ok;
    },
  },
  'GET /v1/joins': {
    auth: true,
    handle: async input => ({ joins: await listJoins(input.ctx, callerOf(input)) }),
  },
  'POST /v1/joins/refuse': {
    auth: true,
    handle: async input => (
      await refuseJoin(input.ctx, callerOf(input), parse(refuseJoinSchema, input.body).deviceId),
      ok
    ),
  },
  'POST /v1/users/dismiss': {
    auth: true,
    handle: input =>
      dismissUser(input.ctx, callerOf(input), parse(dismissRequestSchema, input.body).userId),
  },
  'GET /v1/me': {
    auth: true,
    handle: input => describeCaller(input.ctx, callerOf(input)),
  },
  'GET /v1/devices': {
    auth: true,
    handle: async input => ({ devices: await listDevices(input.ctx, callerOf(input)) }),
  },
  'GET /v1/partitions': {
    auth: true,
    handle: async input => ({ partitions: await listPartitions(input.ctx, callerOf(input)) }),
  },
  'POST /v1/partitions': {
    auth: true,
    handle: async input => (
      await createPartition(input.ctx, callerOf(input), parse(createPartitionSchema, input.body)),
      ok
    ),
  },
  'POST /v1/partitions/grant': {
    auth: true,
    handle: async input => (
      await grantPartition(input.ctx, callerOf(input), parse(grantRequestSchema, input.body)),
      ok
    ),
  },
  'POST /v1/partitions/revoke': {
    auth: true,
    handle: async input => (
      await revokePartition(input.ctx, callerOf(input), parse(revokeRequestSchema, input.body)),
      ok
    ),
  },
  'POST /v1/partitions/rotate': {
    auth: true,
    handle: input =>
      rotatePartition(input.ctx, callerOf(input), parse(rotateRequestSchema, input.body)),
  },
  'GET /v1/envelopes': {
    auth: true,
    handle: async input => ({ envelopes: await listEnvelopes(input.ctx, callerOf(input)) }),
  },
  'POST /v1/push': {
    auth: true,
    handle: input => pushChanges(input.ctx, callerOf(input), parse(pushRequestSchema, input.body)),
  },
  'POST /v1/pull': {
    auth: true,
    handle: input =>
      pullChanges(input.ctx, callerOf(input), parse(pullRequestSchema, input.body), input.signal),
  },
  'POST /v1/chunks': {
    auth: true,
    handle: input => putChunk(input.ctx, callerOf(input), parse(putChunkSchema, input.body)),
  },
  'POST /v1/purge': {
    auth: true,
    handle: input =>
      purgeCiphertext(input.ctx, callerOf(input), parse(purgeRequestSchema, input.body)),
  },
  'POST /v1/chunks/get': {
    auth: true,
    handle: input => getChunk(input.ctx, callerOf(input), parse(chunkRefSchema, input.body)),
  },
};
