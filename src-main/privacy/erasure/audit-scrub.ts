/**
 * The audit side of an erasure: entries about the person keep their place in the chain, their
 * hash and their ids, but their `changes` and `details` are replaced by a keyed pseudonym
 * (HMAC-SHA256 with a key derived from the data key, so the same person always maps to the same
 * pseudonym inside this vault and to nothing outside it). Field names stay, values become
 * `[erased]`. Version 2 entries lose their payload salt too (src-main/audit/canonical-v2.ts);
 * version 1 entries are marked and reported by `verifyAuditChain` as erased, not broken.
 *
 * Which entries: those whose entity is the contact or one of its activities or documents, and any
 * other entry whose payload contains one of the person's distinctive strings (surname, e-mail,
 * phone, a document's file name). Runs inside the erasure transaction; the migration 0023 trigger
 * lets these columns change only while `audit_erasure_gate` holds its row.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { scrubOfficeAudit } from '../../sync/audit-erase';
import type { ScrubTarget } from './scrub-target';

/** Text that replaces an erased value. */
export const ERASED = '[erased]';

/** The vault's pseudonym key: HKDF-SHA256(data key, salt = vault id, "zamok privacy pseudonym"). */
export function pseudonymKey(dataKey: Buffer, vaultId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, vaultId, 'zamok privacy pseudonym v1', 32));
}

/** `psn:` + the first 32 hex digits of HMAC-SHA256(key, "contact:" + id). */
export function pseudonymOf(key: Buffer, entityType: string, id: string): string {
  return `psn:${createHmac('sha256', key).update(`${entityType}:${id}`).digest('hex').slice(0, 32)}`;
}

export type { ScrubTarget } from './scrub-target';

interface PayloadRow {
  seq: number;
  changes: string | null;
  details: string | null;
}

function erasedChanges(changes: string | null): string | null {
  if (changes === null) return null;
  try {
    const parsed: unknown = JSON.parse(changes);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return '{}';
    const out: Record<string, { after: string; before: string }> = {};
    for (const key of Object.keys(parsed).sort()) out[key] = { after: ERASED, before: ERASED };
    return JSON.stringify(out);
  } catch {
    return '{}';
  }
}

/** Scrubs the entries about the person; returns how many were changed. */
export function scrubAudit(sqlite: Database.Database, target: ScrubTarget): number {
  const seqs = new Set<number>();
  const byEntity = sqlite.prepare<[string, string], { seq: number }>(
    'SELECT seq FROM audit_log WHERE entity_type = ? AND entity_id = ? AND erasure_id IS NULL',
  );
  for (const [type, id] of target.entities) {
    for (const row of byEntity.all(type, id)) seqs.add(row.seq);
  }
  const byText = sqlite.prepare<[string, string], { seq: number }>(
    `SELECT seq FROM audit_log WHERE erasure_id IS NULL
       AND (instr(coalesce(changes, ''), ?) > 0 OR instr(coalesce(details, ''), ?) > 0)`,
  );
  for (const needle of target.needles) {
    // Stored payloads are JSON text: look for the needle as JSON.stringify writes it.
    const encoded = JSON.stringify(needle).slice(1, -1);
    for (const row of byText.all(encoded, encoded)) seqs.add(row.seq);
  }
  // Other laptops' entries this one holds (office sync) lose the person the same way.
  scrubOfficeAudit(sqlite, target, erasedChanges);
  if (seqs.size === 0) return 0;
  const read = sqlite.prepare<[number], PayloadRow>(
    'SELECT seq, changes, details FROM audit_log WHERE seq = ?',
  );
  const update = sqlite.prepare<[string | null, string, string, number]>(
    `UPDATE audit_log SET changes = ?, details = ?, payload_salt = NULL, erasure_id = ?
     WHERE seq = ?`,
  );
  const details = JSON.stringify({ erased: target.pseudonym });
  sqlite.prepare('INSERT OR IGNORE INTO audit_erasure_gate (id) VALUES (1)').run();
  try {
    for (const seq of seqs) {
      const row = read.get(seq);
      if (row) update.run(erasedChanges(row.changes), details, target.erasureId, seq);
    }
  } finally {
    sqlite.prepare('DELETE FROM audit_erasure_gate').run();
  }
  return seqs.size;
}
