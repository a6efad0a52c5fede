/**
 * Joining with an owner's invitation: an owner device asks for a one-use invitation (7 days;
 * only its SHA-256 is stored), a new laptop sends a join request with it (signed by the new device
 * key; its user's name sealed to the inviting owner device), and owner devices list the waiting
 * requests and refuse them; approval is `POST /v1/devices/approve` (devices.ts), after which the
 * request is no longer listed. A head's device does the same for its own team (./heads.ts): its
 * invitations are bound to its team, and it sees and refuses only that team's requests.
 */
import {
  INVITE_TTL_MS,
  joinStatement,
  type InviteResponse,
  type JoinRequestBody,
  type PendingJoin,
} from '../src-shared/office/joins';
import { random, sha256, verifyEd25519 } from './crypto';
import type { Caller } from './devices';
import { headTeam, teamJoinsWhere } from './heads';
import { OfficeError } from './errors';
import type { ServerContext } from './office';

const bytes = (base64: string) => Buffer.from(base64, 'base64');
const b64 = (value: Uint8Array) => Buffer.from(value).toString('base64');

/**
 * An owner device's new invitation, or a head's bound to its team (the secret is answered once,
 * never stored).
 */
export async function createInvite(ctx: ServerContext, caller: Caller): Promise<InviteResponse> {
  const team = caller.role === 'owner' ? null : await headTeam(ctx.db, caller);
  const invite = random(24).toString('base64url');
  const expiresAt = ctx.now() + INVITE_TTL_MS;
  await ctx.db.query(
    `INSERT INTO invites (code_hash, created_by, expires_at, team_id)
     VALUES ($1, $2, to_timestamp($3::float8 / 1000), $4)`,
    [sha256(invite), caller.deviceId, expiresAt, team],
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
    const [invite] = await tx.query<{ created_by: string; team_id: string | null }>(
      `UPDATE invites i SET used_by = $2 FROM devices d
       WHERE i.code_hash = $1 AND i.used_by IS NULL AND i.expires_at > to_timestamp($3::float8 / 1000)
         AND d.device_id = i.created_by AND d.status = 'active'
       RETURNING i.created_by, i.team_id`,
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
      `INSERT INTO join_requests
         (device_id, user_id, sign_key, box_key, sealed_name, invited_by, team_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        body.deviceId,
        body.userId,
        bytes(body.signKey),
        bytes(body.boxKey),
        bytes(body.sealedName),
        invite.created_by,
        invite.team_id,
      ],
    );
  });
}

/**
 * The waiting join requests: all of them to owner devices, a head's team's to a head (./heads.ts);
 * approved ones are dropped on the way.
 */
export async function listJoins(ctx: ServerContext, caller: Caller): Promise<PendingJoin[]> {
  const team = caller.role === 'owner' ? null : await headTeam(ctx.db, caller);
  await ctx.db.query('DELETE FROM join_requests j USING devices d WHERE d.device_id = j.device_id');
  const rows = await ctx.db.query<{
    device_id: string;
    user_id: string;
    sign_key: Uint8Array;
    box_key: Uint8Array;
    sealed_name: Uint8Array;
    invited_by: string;
    team_id: string | null;
    created_at: Date | string;
  }>(
    `SELECT device_id, user_id, sign_key, box_key, sealed_name, invited_by, team_id, created_at
     FROM join_requests j WHERE $1::text IS NULL OR ${teamJoinsWhere(1)}
     ORDER BY created_at, device_id`,
    [team],
  );
  return rows.map(r => ({
    deviceId: r.device_id,
    userId: r.user_id,
    signKey: b64(r.sign_key),
    boxKey: b64(r.box_key),
    sealedName: b64(r.sealed_name),
    invitedBy: r.invited_by,
    teamId: r.team_id,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** Refuses a waiting request (owner devices; a head its team's); 404 when there is none. */
export async function refuseJoin(
  ctx: ServerContext,
  caller: Caller,
  deviceId: string,
): Promise<void> {
  const team = caller.role === 'owner' ? null : await headTeam(ctx.db, caller);
  const gone = await ctx.db.query(
    `DELETE FROM join_requests j WHERE j.device_id = $2 AND ($1::text IS NULL OR ${teamJoinsWhere(1)})
     RETURNING 1`,
    [team, deviceId],
  );
  if (gone.length === 0) throw new OfficeError('not_found', 'No such join request.');
}
