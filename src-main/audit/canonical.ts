/**
 * Canonical form of an audit entry and its chain hash.
 *
 * The hash must be reproducible by anyone holding the database (an auditor with the sqlcipher CLI and a
 * few lines of script), so the form is deliberately plain: a JSON object with a fixed key order, no
 * whitespace, built from the stored column values exactly as they are in the row. `changes` and
 * `details` are hashed as the stored JSON text, which is itself canonical (sorted keys, see
 * `canonicalJson`), so nothing is re-parsed during verification.
 *
 *   hash = lowercase hex SHA-256( UTF-8( prev_hash || canonicalEntry(row) ) )
 *
 * `prev_hash` of seq 1 is GENESIS_HASH (64 zeros). The canonical form starts with `"v":1` so the format
 * can change later without ambiguity; a change of format must keep verifying old rows with version 1.
 */
import { hash } from 'node:crypto';
import { hashRowV2 } from './canonical-v2';

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Version of the canonical form, written as the first key. */
export const CANONICAL_VERSION = 1;

/** Stored columns that enter the hash, in hash order (everything except `hash` itself). */
export const CANONICAL_FIELDS = [
  'seq',
  'at',
  'user_id',
  'user_login',
  'device_id',
  'action',
  'entity_type',
  'entity_id',
  'outcome',
  'changes',
  'details',
  'prev_hash',
] as const;

/** An audit_log row as stored (snake_case columns), without its own hash. */
export type HashedRow = {
  seq: number;
  at: string;
  user_id: string | null;
  user_login: string | null;
  device_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  outcome: string;
  changes: string | null;
  details: string | null;
  prev_hash: string;
  /** Version 2 only (canonical-v2.ts, migration 0023): the payload's digest; NULL/absent = v1. */
  payload_digest?: string | null;
};

// `"seq":`, `"at":`, … : the key part of each member, built once.
const MEMBER_KEYS = CANONICAL_FIELDS.map(field => `${JSON.stringify(field)}:`);

/** The canonical text of a stored row: `{"v":1,"seq":…,…,"prev_hash":"…"}` in CANONICAL_FIELDS order. */
export function canonicalEntry(row: HashedRow): string {
  let text = `{"v":${CANONICAL_VERSION}`;
  for (let i = 0; i < CANONICAL_FIELDS.length; i += 1) {
    const value: unknown = row[CANONICAL_FIELDS[i] as keyof HashedRow];
    // A column read back from a tampered table may hold any SQLite type; encode what is there so
    // the hash simply fails to match instead of throwing.
    text += `,${MEMBER_KEYS[i] ?? ''}${JSON.stringify(value ?? null) ?? 'null'}`;
  }
  return `${text}}`;
}

/** `SHA-256(prevHash || canonical)` as lowercase hex (one-shot hash: cheaper than a Hash object). */
export function chainHash(prevHash: string, canonical: string): string {
  return hash('sha256', prevHash + canonical, 'hex');
}

/**
 * The hash a row must carry: `chainHash(row.prev_hash, canonicalEntry(row))` for version 1, the
 * v2 form (canonical-v2.ts) when the row carries a payload digest.
 */
export function hashRow(row: HashedRow): string {
  if (typeof row.payload_digest === 'string') return hashRowV2(row);
  return chainHash(row.prev_hash, canonicalEntry(row));
}

/**
 * JSON with object keys sorted (recursively) and no whitespace, so equal values always give equal
 * text. Accepts only JSON values; `undefined` object members are dropped, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    }
    return sorted;
  }
  return value;
}
