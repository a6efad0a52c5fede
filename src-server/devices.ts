/**
 * Devices and sign-in: enrolment of the first owner device with the one-time code, approval of
 * further devices by an owner device (a signed statement, kept), Ed25519 challenge → short-lived
 * token, and the per-request check that the device is still active (dismissal refuses at once).
 */
import type { z } from 'zod';
import type {
  approveRequestSchema,
  DeviceStatement,
  enrolRequestSchema,
  tokenRequestSchema,
} from '../src-shared/office/contracts';
import { authStatement, deviceStatement } from '../src-shared/office/statements';
import { random, readToken, sha256, signToken, verifyEd25519 } from './crypto';
import type { Queryable } from './db/db';
import { OfficeError, forbidden } from './errors';
import { requireHeadApproval } from './heads';
import { isEnrolled, normaliseCode, type ServerContext } from './office';

/** How long a sign-in challenge may be answered. */
export const CHALLENGE_TTL_MS = 60_000;
/** How long a token lasts; the device signs in again after. */
export const TOKEN_TTL_MS = 15 * 60_000;

/** The device a request comes from, after its token and status were checked. */
export interface Caller {
  deviceId: string;
  userId: string;
  role: DeviceStatement['role'];
}

const bytes = (base64: string) => Buffer.from(base64, 'base64');

async function insertDevice(
  tx: Queryable,
  device: DeviceStatement,
  approvedBy: string | null,
  approval: Buffer,
): Promise<void> {
  const [existing] = await tx.query<{ role: string; dismissed_at: unknown }>(
    'SELECT role, dismissed_at FROM users WHERE user_id = $1',
    [device.userId],
  );
  if (existing?.dismissed_at) throw new OfficeError('conflict', 'That user was dismissed.');
  if (existing && existing.role !== device.role) {
    throw new OfficeError('conflict', 'That user already has another role.');
  }
  await tx.query(
    `INSERT INTO users (user_id, role, team_id) VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE SET team_id = EXCLUDED.team_id`,
    [device.userId, device.role, device.teamId],
  );
  const inserted = await tx.query(
    `INSERT INTO devices (device_id, user_id, sign_key, box_key, status, approved_by, approval)
     VALUES ($1, $2, $3, $4, 'active', $5, $6) ON CONFLICT (device_id) DO NOTHING RETURNING 1`,
    [
      device.deviceId,
      device.userId,
      bytes(device.signKey),
      bytes(device.boxKey),
      approvedBy,
      approval,
    ],
  );
  if (inserted.length === 0) throw new OfficeError('conflict', 'That device id is taken.');
}

/**
 * Enrols the first owner device: the code must match the stored one-time code, which is cleared
 * in the same transaction (a second use, or a race of two, finds none); the statement must be
 * signed by the device's own key (it holds the private half).
 */
export async function enrolOwner(
  ctx: ServerContext,
  request: z.infer<typeof enrolRequestSchema>,
): Promise<void> {
  const message = deviceStatement('enrol', ctx.officeId, request.device);
  if (!verifyEd25519(bytes(request.device.signKey), message, bytes(request.signature))) {
    throw new OfficeError('unauthenticated', 'The enrolment signature does not match.');
  }
  await ctx.db.transaction(async tx => {
    const used = await tx.query(
      `UPDATE office SET enrolment_code_hash = NULL
       WHERE id = 1 AND enrolment_code_hash = $1 RETURNING 1`,
      [sha256(normaliseCode(request.code))],
    );
    if (used.length === 0 || (await isEnrolled(tx))) {
      throw new OfficeError('unauthenticated', 'The enrolment code is wrong or was used.');
    }
    await insertDevice(tx, request.device, null, bytes(request.signature));
  });
}

/**
 * An owner device (or a head's, for a manager of its team: ./heads.ts) approves a new device: its
 * signature over the statement is checked and kept.
 */
export async function approveDevice(
  ctx: ServerContext,
  caller: Caller,
  request: z.infer<typeof approveRequestSchema>,
): Promise<void> {
  await ctx.db.transaction(async tx => {
    if (caller.role !== 'owner') await requireHeadApproval(tx, caller, request.device);
    const [approver] = await tx.query<{ sign_key: Uint8Array }>(
      'SELECT sign_key FROM devices WHERE device_id = $1',
      [caller.deviceId],
    );
    const message = deviceStatement('approve', ctx.officeId, request.device);
    if (
      !approver ||
      !verifyEd25519(Buffer.from(approver.sign_key), message, bytes(request.signature))
    ) {
      throw new OfficeError('invalid_input', 'The approval is not signed by this device.');
    }
    await insertDevice(tx, request.device, caller.deviceId, bytes(request.signature));
  });
}

/**
 * Dismisses a user: their devices are revoked and lose every partition at once. Answers the
 * revoked device ids and the partitions they could read (the dismissing owner rotates their keys).
 */
export async function dismissUser(
  ctx: ServerContext,
  caller: Caller,
  userId: string,
): Promise<{ revokedDevices: string[]; partitions: string[] }> {
  requireOwner(caller);
  if (userId === caller.userId)
    throw new OfficeError('conflict', 'An owner cannot dismiss themselves.');
  return ctx.db.transaction(async tx => {
    const found = await tx.query(
      'UPDATE users SET dismissed_at = now() WHERE user_id = $1 RETURNING 1',
      [userId],
    );
    if (found.length === 0) throw new OfficeError('not_found', 'No such user.');
    const devices = await tx.query<{ device_id: string }>(
      `UPDATE devices SET status = 'revoked', revoked_at = now() WHERE user_id = $1 RETURNING device_id`,
      [userId],
    );
    const ids = devices.map(d => d.device_id);
    const readable = await tx.query<{ partition_id: string }>(
      `DELETE FROM partition_access WHERE device_id = ANY($1::text[]) RETURNING partition_id`,
      [ids],
    );
    await tx.query('DELETE FROM key_envelopes WHERE device_id = ANY($1::text[])', [ids]);
    await tx.query('DELETE FROM auth_challenges WHERE device_id = ANY($1::text[])', [ids]);
    const partitions = [...new Set(readable.map(r => r.partition_id))].sort();
    return { revokedDevices: ids, partitions };
  });
}

/** A device as an owner device sees it: to wrap keys to it, after checking its approval. */
export interface ListedDevice {
  deviceId: string;
  userId: string;
  role: DeviceStatement['role'];
  teamId: string | null;
  status: 'active' | 'revoked';
  signKey: string;
  boxKey: string;
  /** The approving device (null: the enrolled first owner device, self-signed). */
  approvedBy: string | null;
  /** The approver's signature over the device statement (base64). */
  approval: string | null;
  /** The partitions this device may read. */
  partitions: string[];
}

/** Every device of the office with its ACL (owner devices only). */
export async function listDevices(ctx: ServerContext, caller: Caller): Promise<ListedDevice[]> {
  requireOwner(caller);
  const rows = await ctx.db.query<{
    device_id: string;
    user_id: string;
    role: ListedDevice['role'];
    team_id: string | null;
    status: ListedDevice['status'];
    sign_key: Uint8Array;
    box_key: Uint8Array;
    approved_by: string | null;
    approval: Uint8Array | null;
    partitions: string[] | null;
  }>(
    `SELECT d.device_id, d.user_id, u.role, u.team_id, d.status, d.sign_key, d.box_key,
            d.approved_by, d.approval,
            (SELECT array_agg(a.partition_id ORDER BY a.partition_id) FROM partition_access a
             WHERE a.device_id = d.device_id) AS partitions
     FROM devices d JOIN users u USING (user_id) ORDER BY d.created_at, d.device_id`,
  );
  const b64 = (v: Uint8Array) => Buffer.from(v).toString('base64');
  return rows.map(r => ({
    deviceId: r.device_id,
    userId: r.user_id,
    role: r.role,
    teamId: r.team_id,
    status: r.status,
    signKey: b64(r.sign_key),
    boxKey: b64(r.box_key),
    approvedBy: r.approved_by,
    approval: r.approval ? b64(r.approval) : null,
    partitions: r.partitions ?? [],
  }));
}

/**
 * A fresh one-use challenge (base64) for a known device — a revoked one too, so that a signed
 * answer can tell it it was revoked (and its laptop wipes the vault); unknown devices get a 401.
 */
export async function issueChallenge(ctx: ServerContext, deviceId: string): Promise<string> {
  const challenge = random(32);
  // Expired challenges are swept here: the table stays as small as the sign-ins in flight.
  await ctx.db.query(
    'DELETE FROM auth_challenges WHERE expires_at < to_timestamp($1::float8 / 1000)',
    [ctx.now()],
  );
  const inserted = await ctx.db.query(
    `INSERT INTO auth_challenges (challenge, device_id, expires_at)
     SELECT $1, device_id, to_timestamp($3::float8 / 1000) FROM devices
     WHERE device_id = $2 RETURNING 1`,
    [challenge, deviceId, ctx.now() + CHALLENGE_TTL_MS],
  );
  if (inserted.length === 0) throw new OfficeError('unauthenticated', 'Sign-in refused.');
  return challenge.toString('base64');
}

/** Exchanges a signed challenge for a token; the challenge is used up whether or not it verifies. */
export async function issueToken(
  ctx: ServerContext,
  request: z.infer<typeof tokenRequestSchema>,
): Promise<{ token: string; expiresAt: number }> {
  const refused = new OfficeError('unauthenticated', 'Sign-in refused.');
  const [row] = await ctx.db.query<{
    sign_key: Uint8Array;
    status: string;
    expires_ms: number | string;
  }>(
    `DELETE FROM auth_challenges c USING devices d
     WHERE c.challenge = $1 AND c.device_id = $2 AND d.device_id = c.device_id
     RETURNING d.sign_key, d.status, (extract(epoch FROM c.expires_at) * 1000)::float8 AS expires_ms`,
    [bytes(request.challenge), request.deviceId],
  );
  if (!row || Number(row.expires_ms) <= ctx.now()) throw refused;
  const message = authStatement(ctx.officeId, request.deviceId, request.challenge);
  if (!verifyEd25519(Buffer.from(row.sign_key), message, bytes(request.signature))) throw refused;
  if (row.status !== 'active') throw revoked();
  const expiresAt = ctx.now() + TOKEN_TTL_MS;
  return { token: signToken(ctx.authSecret, { deviceId: request.deviceId, expiresAt }), expiresAt };
}

/** The caller behind a bearer token: valid, unexpired, and the device still active (else 401). */
export async function authenticate(ctx: ServerContext, token: string | null): Promise<Caller> {
  const claims = token ? readToken(ctx.authSecret, token, ctx.now()) : null;
  if (!claims) throw new OfficeError('unauthenticated', 'Sign in first.');
  const [row] = await ctx.db.query<{ user_id: string; role: Caller['role']; status: string }>(
    `SELECT d.user_id, u.role, d.status FROM devices d JOIN users u USING (user_id)
     WHERE d.device_id = $1`,
    [claims.deviceId],
  );
  if (!row) throw new OfficeError('unauthenticated', 'Sign in first.');
  if (row.status !== 'active') throw revoked();
  return { deviceId: claims.deviceId, userId: row.user_id, role: row.role };
}

/** The answer to a revoked device that proved who it is: its laptop wipes the vault on it. */
function revoked(): OfficeError {
  return new OfficeError('device_revoked', 'This device was removed from the office.');
}

/** Refuses (403) anyone but an owner device. */
export function requireOwner(caller: Caller): void {
  if (caller.role !== 'owner') throw forbidden();
}
