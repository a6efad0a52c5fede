/**
 * Breaks in other laptops' audit chains, as an audit reader finds them on arrival (./audit-in.ts),
 * recorded once per device and break in this laptop's own audit log (`sync.office_audit_broken`,
 * entity `office_device`: the device's office id, counts only), so the guard's rule raises its
 * alert through the usual path (src-main/guard/office-audit-rule.ts: stored alert, notification).
 *
 * A break is named by the device and the last entry of its chain held here before it (`afterSeq`,
 * 0 when none): a change that does not open and the gap its missing entries leave after it are
 * one break, even when they arrive in different rounds, and a problem right after a flagged entry
 * continues that entry's break. What broke is counted: entries edited (hash or payload digest
 * wrong, another entry under the same seq, pushed by another device, or a whole change that does
 * not open) and entries missing (a gap in the device's seq).
 */
import type { Kysely } from 'kysely';
import { OFFICE_AUDIT_BROKEN_ACTION } from '../../src-shared/office/audit';
import { appendAudit, type SqliteSource } from '../audit';
import type { Database } from '../vault/schema';

/** The entry of a device held here just before a problem: its seq and whether it was flagged. */
export interface HeldBefore {
  seq: number;
  problem: string | null;
}

interface Break {
  deviceId: string;
  afterSeq: number;
  edited: number;
  missing: number;
}

/** The breaks found while one pull answer is applied (see the file comment). */
export class AuditBreaks {
  private readonly found = new Map<string, Break>();

  /**
   * Notes a problem found right after `before` (the device's entry held just before it): entries
   * edited and entries missing (a gap's size).
   */
  note(deviceId: string, before: HeldBefore | null, edited: number, missing: number): void {
    // A problem right after a flagged entry continues that entry's break.
    if (before?.problem) return;
    const afterSeq = before?.seq ?? 0;
    const key = `${deviceId}@${afterSeq}`;
    const entry = this.found.get(key) ?? { deviceId, afterSeq, edited: 0, missing: 0 };
    entry.edited += edited;
    entry.missing += missing;
    this.found.set(key, entry);
  }

  /**
   * Writes one audit entry per break not recorded before (inside the caller's transaction, so it
   * commits with the entries and the cursor). Answers how many were written.
   */
  async record(trx: Kysely<Database>, audit: SqliteSource): Promise<number> {
    let written = 0;
    for (const found of this.found.values()) {
      if (await recorded(trx, found.deviceId, found.afterSeq)) continue;
      appendAudit(audit, {
        action: OFFICE_AUDIT_BROKEN_ACTION,
        entityType: 'office_device',
        entityId: found.deviceId,
        outcome: 'ok',
        details: { afterSeq: found.afterSeq, edited: found.edited, missing: found.missing },
      });
      written += 1;
    }
    this.found.clear();
    return written;
  }
}

/** Whether this laptop's own log already records the break of `deviceId` after `afterSeq`. */
async function recorded(
  trx: Kysely<Database>,
  deviceId: string,
  afterSeq: number,
): Promise<boolean> {
  const rows = await trx
    .selectFrom('audit_log')
    .select('details')
    .where('action', '=', OFFICE_AUDIT_BROKEN_ACTION)
    .where('entity_id', '=', deviceId)
    .execute();
  return rows.some(row => {
    try {
      return (JSON.parse(row.details ?? '{}') as { afterSeq?: unknown }).afterSeq === afterSeq;
    } catch {
      return false;
    }
  });
}
