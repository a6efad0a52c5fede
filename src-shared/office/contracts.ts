/**
 * The office sync protocol's request bodies (zod): shared by the office server (src-server/) and,
 * later, the laptop's sync worker. Bytes travel as standard base64 strings. Ids are opaque (the
 * laptop's uuids): the server never learns a name. See docs/SYNC.md.
 */
import { z } from 'zod';

/** An opaque id: user, device or partition (a uuid or similar; never a name). */
export const officeIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/** A change id: a uuid chosen by the laptop, unique office-wide (replays are answered, not stored). */
export const changeIdSchema = z.uuid();
/** Base64 bytes, at most `maxBytes` once decoded. */
export function base64Schema(maxBytes: number) {
  return z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4)
    .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'base64');
}
/** A raw 32-byte public key (Ed25519 or X25519). */
export const publicKeySchema = base64Schema(32).length(44);
/** An Ed25519 signature (64 bytes). */
export const signatureSchema = base64Schema(64).length(88);

/** Office roles as the server knows them (the vault's built-in roles). */
export const OFFICE_ROLES = ['owner', 'administrator', 'head', 'manager', 'auditor'] as const;
/** Partition kinds: an owner's records, the audit stream, office settings. */
export const PARTITION_KINDS = ['owner', 'audit', 'settings'] as const;

/** Largest sealed change accepted (a change is one record's fields; documents come in chunks). */
export const MAX_SEALED_BYTES = 256 * 1024;
/** Most changes in one push. */
export const MAX_PUSH_CHANGES = 500;
/** Most changes one pull returns per partition. */
export const MAX_PULL_CHANGES = 1000;
/** Longest a pull waits for new changes (long polling). */
export const MAX_PULL_WAIT_MS = 30_000;

/** A device's public half: who it is, whose it is, and its two keys. */
export const deviceStatementSchema = z
  .object({
    deviceId: officeIdSchema,
    userId: officeIdSchema,
    role: z.enum(OFFICE_ROLES),
    teamId: officeIdSchema.nullable(),
    signKey: publicKeySchema,
    boxKey: publicKeySchema,
  })
  .strict();
export type DeviceStatement = z.infer<typeof deviceStatementSchema>;

/** First owner device: the one-time enrolment code and the device, signed by its own key. */
export const enrolRequestSchema = z
  .object({
    code: z.string().min(1).max(100),
    device: deviceStatementSchema.extend({ role: z.literal('owner') }),
    signature: signatureSchema,
  })
  .strict();

/** Asks for a sign-in challenge. */
export const challengeRequestSchema = z.object({ deviceId: officeIdSchema }).strict();

/** Answers a challenge: its signature by the device key → a short-lived token. */
export const tokenRequestSchema = z
  .object({ deviceId: officeIdSchema, challenge: base64Schema(32), signature: signatureSchema })
  .strict();

/** An owner device approves a new device: the statement, signed by the owner device's key. */
export const approveRequestSchema = z
  .object({ device: deviceStatementSchema, signature: signatureSchema })
  .strict();

/** An owner device creates a partition. */
export const createPartitionSchema = z
  .object({
    partitionId: officeIdSchema,
    kind: z.enum(PARTITION_KINDS),
    ownerUserId: officeIdSchema.nullable(),
  })
  .strict();

/** A partition key wrapped to one device's X25519 key (ciphertext only). */
export const envelopeSchema = z
  .object({ deviceId: officeIdSchema, wrapped: base64Schema(1024).min(1) })
  .strict();

/** An owner device lets a device pull (and maybe push) a partition, with its key envelope. */
export const grantRequestSchema = z
  .object({
    partitionId: officeIdSchema,
    mayPush: z.boolean(),
    keyVersion: z.number().int().min(1),
    envelope: envelopeSchema,
  })
  .strict();

/** An owner device takes a partition away from a device. */
export const revokeRequestSchema = z
  .object({ partitionId: officeIdSchema, deviceId: officeIdSchema })
  .strict();

/**
 * Key rotation: the next key version with envelopes for every device that keeps the partition;
 * devices without one lose it (their ACL row and envelopes go).
 */
export const rotateRequestSchema = z
  .object({
    partitionId: officeIdSchema,
    keyVersion: z.number().int().min(2),
    envelopes: z.array(envelopeSchema).max(1000),
  })
  .strict();

/** Dismissal: the user's devices are refused from now on. */
export const dismissRequestSchema = z.object({ userId: officeIdSchema }).strict();

/** One sealed change as the laptop pushes it. */
export const sealedChangeSchema = z
  .object({
    changeId: changeIdSchema,
    partitionId: officeIdSchema,
    keyVersion: z.number().int().min(1),
    sealed: base64Schema(MAX_SEALED_BYTES).min(4),
  })
  .strict();

/** A push: a batch of sealed changes, stored all or nothing. */
export const pushRequestSchema = z
  .object({ changes: z.array(sealedChangeSchema).min(1).max(MAX_PUSH_CHANGES) })
  .strict();

/** A pull: per partition, the last sequence number the laptop has (0 = none). */
export const pullRequestSchema = z
  .object({
    cursors: z
      .array(z.object({ partitionId: officeIdSchema, after: z.number().int().min(0) }).strict())
      .min(1)
      .max(1000),
    limit: z.number().int().min(1).max(MAX_PULL_CHANGES).default(MAX_PULL_CHANGES),
    waitMs: z.number().int().min(0).max(MAX_PULL_WAIT_MS).default(0),
  })
  .strict();

/** A push's answer: each change's sequence number, in the order pushed. */
export interface PushResponse {
  accepted: { changeId: string; partitionId: string; seq: number; replayed: boolean }[];
}

/** One change as a pull returns it. */
export interface PulledChange {
  seq: number;
  changeId: string;
  keyVersion: number;
  deviceId: string;
  /** Base64 sealed bytes; empty for a change the office erased (`erasedHash` then). */
  sealed: string;
  /** SHA-256 (base64) of the sealed bytes of an erased change, for the office chain. */
  erasedHash?: string;
  receivedAt: string;
}

/** A pull's answer, per partition asked for. */
export interface PullResponse {
  partitions: { partitionId: string; keyVersion: number; changes: PulledChange[]; more: boolean }[];
}

/** An error answer: a stable code and a sentence (English; the laptop translates by code). */
export interface OfficeErrorBody {
  error: { code: string; message: string };
}
