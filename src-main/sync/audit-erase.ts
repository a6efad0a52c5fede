/**
 * An erasure on a laptop that holds other laptops' audit entries (office_audit, an audit reader):
 * the entries about the person lose their payload exactly as the laptop's own entries do
 * (src-main/privacy/erasure/audit-scrub.ts: values `[erased]`, details the pseudonym, the v2 salt
 * wiped, `erasure_id` set). Their hash and chain links stay, so each device's segment still
 * verifies (a v2 hash covers the payload's digest, not the payload). Runs inside the erasure's
 * transaction, called by `scrubAudit`.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { ScrubTarget } from '../privacy/erasure/scrub-target';

interface Key {
  device_id: string;
  seq: number;
}

/**
 * Scrubs the office audit entries about the person (`erasedChanges`: the scrub's own rewrite of
 * a `changes` value); answers how many were changed.
 */
export function scrubOfficeAudit(
  sqlite: Database.Database,
  target: ScrubTarget,
  erasedChanges: (changes: string | null) => string | null,
): number {
  const found = new Map<string, Key>();
  const note = (rows: Key[]) => rows.forEach(r => found.set(`${r.device_id}\n${r.seq}`, r));
  const byEntity = sqlite.prepare<[string, string], Key>(
    `SELECT device_id, seq FROM office_audit
     WHERE entity_type = ? AND entity_id = ? AND erasure_id IS NULL`,
  );
  for (const [type, id] of target.entities) note(byEntity.all(type, id));
  const byText = sqlite.prepare<[string, string], Key>(
    `SELECT device_id, seq FROM office_audit WHERE erasure_id IS NULL
       AND (instr(coalesce(changes, ''), ?) > 0 OR instr(coalesce(details, ''), ?) > 0)`,
  );
  for (const needle of target.needles) {
    const encoded = JSON.stringify(needle).slice(1, -1);
    note(byText.all(encoded, encoded));
  }
  const read = sqlite.prepare<[string, number], { changes: string | null }>(
    'SELECT changes FROM office_audit WHERE device_id = ? AND seq = ?',
  );
  const update = sqlite.prepare<[string | null, string, string, string, number]>(
    `UPDATE office_audit SET changes = ?, details = ?, payload_salt = NULL, erasure_id = ?
     WHERE device_id = ? AND seq = ?`,
  );
  const details = JSON.stringify({ erased: target.pseudonym });
  for (const { device_id: deviceId, seq } of found.values()) {
    const row = read.get(deviceId, seq);
    if (row) update.run(erasedChanges(row.changes), details, target.erasureId, deviceId, seq);
  }
  return found.size;
}
