/**
 * Verifies the audit chain end to end, streaming (flat memory whatever the log size).
 *
 * What is detected, with the raw key and the sqlcipher CLI in an attacker's hands:
 * - an entry edited (any column): hash_mismatch at that seq, or, if its hash was recomputed too,
 *   prev_mismatch at the next seq (or head_mismatch if it was the newest);
 * - an entry deleted in the middle: seq_gap at the missing seq;
 * - the newest entries deleted (truncation): head_mismatch at the first missing seq, thanks to the
 *   head anchor in vault_meta;
 * - an entry inserted (renumbering the rest) or entries reordered: prev_mismatch / hash_mismatch at
 *   the first moved seq; an entry added after the newest one, even with a correctly computed hash:
 *   head_mismatch at head seq + 1;
 * - the head anchor deleted or garbled while entries exist: head_mismatch at seq 1.
 * What is NOT detected locally: an attacker who rewrites the whole chain from the first changed
 * entry onwards AND the head (the algorithm is public, the key is all they need). Only a copy of the
 * head kept elsewhere catches that: each backup manifest records it, and it can be printed/exported.
 *
 * Erased entries (migration 0023, src-main/privacy/erasure): a version 2 entry's hash is still
 * checked (it covers the payload's digest, not the payload); a version 1 entry's stored hash is
 * trusted as the link, since its content is gone. Either must name an erasure recorded in the
 * vault, or it counts as tampered (`hash_mismatch`). The result counts them in `erased`.
 */
import { hashRow, GENESIS_HASH } from './canonical';
import { payloadDigest } from './canonical-v2';
import { readAuditHead, sqliteOf, EMPTY_HEAD, type SqliteSource } from './head';
import type { AuditLogTable } from './rows';
import type { AuditBreakReason, AuditVerifyResult } from './types';

/** Whether a row's content checks out: its hash, and for v2 its payload digest unless erased. */
function rowChecks(row: AuditLogTable, erasureKnown: (id: string) => boolean): boolean {
  const erased = typeof row.erasure_id === 'string';
  if (erased && !erasureKnown(row.erasure_id as string)) return false;
  if (typeof row.payload_digest !== 'string') return erased || hashRow(row) === row.hash;
  if (hashRow(row) !== row.hash) return false;
  return (
    erased ||
    (typeof row.payload_salt === 'string' &&
      payloadDigest(row.payload_salt, row.changes, row.details) === row.payload_digest)
  );
}

function broken(brokenAt: number, reason: AuditBreakReason): AuditVerifyResult {
  return { ok: false, brokenAt, reason };
}

/** Walks every entry in seq order and checks numbering, links, hashes and the head anchor. */
export function verifyAuditChain(target: SqliteSource): AuditVerifyResult {
  const sqlite = sqliteOf(target);
  // One read transaction: the head and the rows come from the same snapshot, so an append by
  // another connection in between cannot cause a false alarm.
  const run = sqlite.transaction((): AuditVerifyResult => {
    const stored = readAuditHead(sqlite);
    const head = stored ?? EMPTY_HEAD;
    let expected = 1;
    let prev = GENESIS_HASH;
    let found: AuditVerifyResult | null = null;
    let erased = 0;
    const known = sqlite.prepare<[string], { id: string }>('SELECT id FROM erasures WHERE id = ?');
    const erasureKnown = (id: string) => known.get(id) !== undefined;
    const rows = sqlite
      .prepare<[], AuditLogTable>(
        `SELECT seq, at, user_id, user_login, device_id, action, entity_type, entity_id, outcome,
           changes, details, prev_hash, hash, payload_salt, payload_digest, erasure_id
         FROM audit_log ORDER BY seq`,
      )
      .iterate();
    for (const row of rows) {
      if (row.seq !== expected) {
        found = broken(row.seq < expected ? row.seq : expected, 'seq_gap');
      } else if (row.prev_hash !== prev) {
        found = broken(row.seq, 'prev_mismatch');
      } else if (!rowChecks(row, erasureKnown)) {
        found = broken(row.seq, 'hash_mismatch');
      } else if (head !== 'invalid' && row.seq === head.seq && row.hash !== head.hash) {
        found = broken(row.seq, 'head_mismatch');
      }
      if (found) return found; // for…of closes the iterator, releasing the statement
      prev = row.hash;
      expected += 1;
      if (typeof row.erasure_id === 'string') erased += 1;
    }
    const count = expected - 1;
    if (head === 'invalid') return broken(1, 'head_mismatch');
    if (head.seq !== count) return broken(Math.min(head.seq, count) + 1, 'head_mismatch');
    const result = { ok: true as const, count, head: { seq: head.seq, hash: head.hash } };
    return erased > 0 ? { ...result, erased } : result;
  });
  return run.deferred();
}
