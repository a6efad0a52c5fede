/**
 * Canonical form version 2: the chain hashes a salted digest of the payload, not the payload.
 *
 * Why: a person's right to erasure (issue 17) means an entry's `changes`/`details` may have to lose
 * names and values, yet every later hash links through it. With v2 the hashed text is
 *
 *   {"v":2,"seq":…,"at":…,"user_id":…,"user_login":…,"device_id":…,"action":…,"entity_type":…,
 *    "entity_id":…,"outcome":…,"payload_digest":…,"prev_hash":…}
 *
 * and `payload_digest = hex HMAC-SHA256(key = payload_salt, [changes, details] as JSON)`, checked
 * separately while the entry is not erased. Erasing replaces the payload with a pseudonym and wipes
 * the salt: the hash and the chain still verify, and the kept digest cannot confirm a guessed name
 * (without the salt, a dictionary of names is no use). Version 1 rows (payload_digest NULL) keep
 * hashing their payload as canonical.ts describes.
 */
import { createHmac, hash, randomBytes } from 'node:crypto';

/** Columns hashed by version 2, in hash order. */
export const CANONICAL_V2_FIELDS = [
  'seq',
  'at',
  'user_id',
  'user_login',
  'device_id',
  'action',
  'entity_type',
  'entity_id',
  'outcome',
  'payload_digest',
  'prev_hash',
] as const;

const MEMBER_KEYS = CANONICAL_V2_FIELDS.map(field => `${JSON.stringify(field)}:`);

/** A v2 row as stored, without its own hash. */
export type HashedRowV2 = Partial<Record<(typeof CANONICAL_V2_FIELDS)[number], unknown>>;

/** The v2 canonical text of a stored row. */
export function canonicalEntryV2(row: HashedRowV2): string {
  let text = '{"v":2';
  for (let i = 0; i < CANONICAL_V2_FIELDS.length; i += 1) {
    const value = row[CANONICAL_V2_FIELDS[i] as keyof HashedRowV2];
    text += `,${MEMBER_KEYS[i] ?? ''}${JSON.stringify(value ?? null) ?? 'null'}`;
  }
  return `${text}}`;
}

/** `hex HMAC-SHA256(salt, JSON [changes, details])`: the payload as the v2 hash sees it. */
export function payloadDigest(salt: string, changes: unknown, details: unknown): string {
  return createHmac('sha256', salt)
    .update(JSON.stringify([changes ?? null, details ?? null]))
    .digest('hex');
}

/** A fresh salt and the digest of a payload, for a new entry. */
export function sealPayload(
  changes: string | null,
  details: string | null,
): { payload_salt: string; payload_digest: string } {
  const salt = randomBytes(16).toString('hex');
  return { payload_salt: salt, payload_digest: payloadDigest(salt, changes, details) };
}

/** The v2 chain hash: `SHA-256(prev_hash || canonicalEntryV2(row))`. */
export function hashRowV2(row: HashedRowV2): string {
  return hash('sha256', String(row.prev_hash) + canonicalEntryV2(row), 'hex');
}
