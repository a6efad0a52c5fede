/**
 * Joining with an owner's invitation: an owner device asks for a one-use invitation (7 days;
 * only its SHA-256 is stored), a new laptop sends a join request with it (signed by the new device
 * key; its user's name sealed to the inviting owner device), and owner devices list the waiting
 * requests and refuse them; approval is `POST /v1/devices/approve` (devices.ts), after which the
 * request is no longer listed. Heads cannot approve: the server lets only owner devices sign
 * device statements.
 */
import {
  INVITE_TTL_MS,
  joinStatement,
  type InviteResponse,
  type JoinRequestBody,
  type PendingJoin,
} from '../src-shared/office/joins';
import { random, sha256, verifyEd25519 } from './crypto';
import { requireOwner, type Caller } from './devices';
import { OfficeError } from './errors';
import type { ServerContext } from './office';

const bytes = (base64: string) => Buffer.from(base64, 'base64');
const b64 = (value: Uint8Array) => Buffer.from(value).toString('base64');

/** An owner device's new invitation (the secret is answered once, never stored). */
export async function createInvite(ctx: ServerContext, caller: Caller): Promise<InviteResponse> {
  requireOwner(caller);
  const invite = random(24).toString('base64url');
  const expiresAt = ctx.now() + INVITE_TTL_MS;
  await ctx.db.query(
    `INSERT INTO invites (code_hash, created_by, expires_at)
     VALUES ($1, $2, to_timestamp($3::float8 / 1000))`,
    [sha256(invite), caller.deviceId, expiresAt],
  );
  return { invite, expiresAt };
}

/**
 * A laptop asks to join: the invitation must be unused, unexpired and its owner device still
 * active; the request must be signed by the device key it names; device ids are never reused.
 * The invitation is used up in the same transaction.
 */
export async function requestJoin(ctx: ServerContext, body: JoinRequestBody): Promise<void> {
  const { signature, ...signed } = body;
  if (!verifyEd25519(bytes(body.signKey), joinStatement(ctx.officeId, signed), bytes(signature))) {
    throw new OfficeError('unauthenticated', 'The join request signature does not match.');
  }
  await ctx.db.transaction(async tx => {
    const [invite] = await tx.query<{ created_by: string }>(
      `UPDATE invites i SET used_by = $2 FROM devices d
       WHERE i.code_hash = $1 AND i.used_by IS NULL AND i.expires_at > to_timestamp($3::float8 / 1000)
         AND d.device_id = i.created_by AND d.status = 'active'
       RETURNING i.created_by`,
      [sha256(body.invite), body.deviceId, ctx.now()],
    );
    if (!invite) {
      throw new OfficeError('unauthenticated', 'The invitation is wrong, used or expired.');
    }
    const taken = await tx.query(
      `SELECT 1 FROM devices WHERE device_id = $1
       UNION ALL SELECT 1 FROM join_requests WHERE device_id = $1`,
      [body.deviceId],
    );
    if (taken.length > 0) throw new OfficeError('conflict', 'That device id is taken.');
    await tx.query(
      `INSERT INTO join_requests (device_id, user_id, sign_key, box_key, sealed_name, invited_by)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        body.deviceId,
        body.userId,
        bytes(body.signKey),
        bytes(body.boxKey),
        bytes(body.sealedName),
        invite.created_by,
      ],
    );
  });
}

/** The waiting join requests (owner devices only); approved ones are dropped on the way. */
export async function listJoins(ctx: ServerContext, caller: Caller): Promise<PendingJoin[]> {
  requireOwner(caller);
  await ctx.db.query('DELETE FROM join_requests j USING devices d WHERE d.device_id = j.device_id');
  const rows = await ctx.db.query<{
    device_id: string;
    user_id: string;
    sign_key: Uint8Array;
    box_key: Uint8Array;
    sealed_name: Uint8Array;
    invited_by: string;
    created_at: Date | string;
  }>(
    `SELECT device_id, user_id, sign_key, box_key, sealed_name, invited_by, created_at
     FROM join_requests ORDER BY created_at, device_id`,
  );
  return rows.map(r => ({
    deviceId: r.device_id,
    userId: r.user_id,
    signKey: b64(r.sign_key),
    boxKey: b64(r.box_key),
    sealedName: b64(r.sealed_name),
    invitedBy: r.invited_by,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** Refuses a waiting request (owner devices only); 404 when there is none. */
export async function refuseJoin(
  ctx: ServerContext,
  caller: Caller,
  deviceId: string,
): Promise<void> {
  requireOwner(caller);
  const gone = await ctx.db.query('DELETE FROM join_requests WHERE device_id = $1 RETURNING 1', [
    deviceId,
  ]);
  if (gone.length === 0) throw new OfficeError('not_found', 'No such join request.');
}
