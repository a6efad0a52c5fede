/**
 * Joining an office with an owner's invitation (docs/SYNC.md, "Joining"): the owner device asks
 * the server for a one-use invitation; the enrolment code it hands a colleague carries that
 * invitation, the certificate fingerprint to pin and the owner device's X25519 key. The colleague's
 * laptop sends a join request (ids, public keys, its user's display name sealed to that key, signed
 * by the new device key); owner devices list the waiting requests and approve or refuse them.
 */
import { z } from 'zod';
import { base64Schema, officeIdSchema, publicKeySchema, signatureSchema } from './contracts';

/** How long an invitation can be used. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60_000;

/** An invitation's secret: 24 random bytes, base64url. */
export const inviteSecretSchema = z.string().regex(/^[A-Za-z0-9_-]{32}$/);

/** The answer to `POST /v1/invites`. */
export interface InviteResponse {
  invite: string;
  expiresAt: number;
}

/** `POST /v1/join`: a laptop asks to join with an invitation. */
export const joinRequestBodySchema = z
  .object({
    invite: inviteSecretSchema,
    deviceId: officeIdSchema,
    userId: officeIdSchema,
    signKey: publicKeySchema,
    boxKey: publicKeySchema,
    /** The display name, sealed to the inviting owner device's box key (the server cannot read it). */
    sealedName: base64Schema(1024),
    signature: signatureSchema,
  })
  .strict();
/** A join request body. */
export type JoinRequestBody = z.infer<typeof joinRequestBodySchema>;

/** `POST /v1/joins/refuse`: an owner device refuses a waiting request. */
export const refuseJoinSchema = z.object({ deviceId: officeIdSchema }).strict();

/** A waiting join request as owner devices see it (`GET /v1/joins`). */
export interface PendingJoin {
  deviceId: string;
  userId: string;
  signKey: string;
  boxKey: string;
  sealedName: string;
  invitedBy: string;
  /** The team the request is bound to (made with a head's invitation), else null. */
  teamId: string | null;
  createdAt: string;
}

/** The text the joining device signs: proves it holds the key it asks to be approved with. */
export function joinStatement(officeId: string, body: Omit<JoinRequestBody, 'signature'>): string {
  return [
    'zamok-office/join/v1',
    officeId,
    body.deviceId,
    body.userId,
    body.signKey,
    body.boxKey,
    body.sealedName,
  ].join('\n');
}
