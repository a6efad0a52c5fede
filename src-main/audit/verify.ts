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
 */
import { hashRow, GENESIS_HASH } from './canonical';
import { readAuditHead, sqliteOf, EMPTY_HEAD, type SqliteSource } from './head';
import type { AuditLogTable } from './rows';
import type { AuditBreakReason, AuditVerifyResult } from './types';

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
    const rows = sqlite
      .prepare<[], AuditLogTable>(
        `SELECT seq, at, user_id, user_login, device_id, action, entity_type, entity_id, outcome,
           changes, details, prev_hash, hash FROM audit_log ORDER BY seq`,
      )
      .iterate();
    for (const row of rows) {
      if (row.seq !== expected) {
        found = broken(row.seq < expected ? row.seq : expected, 'seq_gap');
      } else if (row.prev_hash !== prev) {
        found = broken(row.seq, 'prev_mismatch');
      } else if (hashRow(row) !== row.hash) {
        found = broken(row.seq, 'hash_mismatch');
      } else if (head !== 'invalid' && row.seq === head.seq && row.hash !== head.hash) {
        found = broken(row.seq, 'head_mismatch');
      }
      if (found) return found; // for…of closes the iterator, releasing the statement
      prev = row.hash;
      expected += 1;
    }
    const count = expected - 1;
    if (head === 'invalid') return broken(1, 'head_mismatch');
    if (head.seq !== count) return broken(Math.min(head.seq, count) + 1, 'head_mismatch');
    return { ok: true, count, head: { seq: head.seq, hash: head.hash } };
  });
  return run.deferred();
}
