/**
 * What an office audit change says once opened: one laptop's audit entries, exactly as its own
 * chain stored them (redacted values and erased people's pseudonyms as stored, the v2 payload
 * salt and digest, the chain hash), with the office device that wrote them and the first seq it
 * ever sent (`from`: where its segment starts, so a dropped first change is seen). And the check
 * a receiver runs on each entry: its hash, its payload digest, and its link to the previous entry
 * of the same device.
 */
import { z } from 'zod';
import { hashRow } from '../audit/canonical';
import { payloadDigest } from '../audit/canonical-v2';
import { officeIdSchema } from '../../src-shared/office/contracts';

const text = (max: number) => z.string().max(max).nullable();

/** One audit_log row as stored on the laptop that wrote it. */
export const officeAuditEntrySchema = z
  .object({
    seq: z.number().int().min(1),
    at: z.string().min(1).max(64),
    user_id: text(200),
    user_login: text(200),
    device_id: text(200),
    action: z.string().min(1).max(100),
    entity_type: text(64),
    entity_id: text(200),
    outcome: z.string().min(1).max(16),
    changes: text(200_000),
    details: text(200_000),
    prev_hash: z.string().max(64),
    hash: z.string().max(64),
    payload_salt: text(64),
    payload_digest: text(64),
    erasure_id: text(64),
  })
  .strict();
/** One entry as sent. */
export type OfficeAuditEntry = z.infer<typeof officeAuditEntrySchema>;

/** An opened audit change: consecutive entries of one device's chain. */
export const officeAuditChangeSchema = z
  .object({
    v: z.literal(1),
    kind: z.literal('audit'),
    deviceId: officeIdSchema,
    from: z.number().int().min(1),
    entries: z.array(officeAuditEntrySchema).min(1).max(10_000),
  })
  .strict();
/** An opened audit change. */
export type OfficeAuditChange = z.infer<typeof officeAuditChangeSchema>;

/** Why a received entry does not verify (the office_audit.problem values). */
export const OFFICE_AUDIT_PROBLEMS = [
  'hash_mismatch',
  'digest_mismatch',
  'seq_gap',
  'prev_mismatch',
  'wrong_device',
] as const;
/** One problem. */
export type OfficeAuditProblem = (typeof OFFICE_AUDIT_PROBLEMS)[number];

/**
 * Checks `entry` against the previous entry of the same device held here (`previous`, null when
 * none) and the device's segment start `from`. Answers the first problem or null.
 */
export function entryProblem(
  entry: OfficeAuditEntry,
  previous: { seq: number; hash: string } | null,
  from: number,
): OfficeAuditProblem | null {
  // An erased version 1 entry (payload hashed directly) can no longer be re-hashed; every entry
  // written since office sync exists is version 2, whose hash survives an erasure.
  const erasedV1 = entry.payload_digest === null && entry.erasure_id !== null;
  if (!erasedV1 && hashRow(entry) !== entry.hash) return 'hash_mismatch';
  // A v2 entry not erased still carries its salt: the payload must match the hashed digest.
  if (
    entry.payload_digest !== null &&
    entry.payload_salt !== null &&
    entry.erasure_id === null &&
    payloadDigest(entry.payload_salt, entry.changes, entry.details) !== entry.payload_digest
  ) {
    return 'digest_mismatch';
  }
  const expected = previous ? previous.seq + 1 : from;
  if (entry.seq !== expected) return 'seq_gap';
  if (previous && entry.prev_hash !== previous.hash) return 'prev_mismatch';
  return null;
}
