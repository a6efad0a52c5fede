/**
 * The owner's approval of a retention list: each approved id that is still a candidate at this
 * moment is erased (reason `retention`, ../erasure/erase.ts); anything else in the list — an id
 * that had activity since, or is not a contact — is skipped, never erased. The report holds counts.
 */
import type { OpenVault } from '../../vault';
import { eraseContact } from '../erasure/erase';
import { markRetentionReviewed, retentionCandidates } from './rules';

/** What an approved run did (counts only). */
export interface RetentionReport {
  approved: number;
  erased: number;
  skipped: number;
  activities: number;
  documents: number;
  auditEntries: number;
  /** Erasure ids, for the audit entry (no personal data). */
  erasureIds: string[];
}

/** Erases the approved ids that are still candidates at `now`. */
export async function approveRetention(
  vault: OpenVault,
  ids: readonly string[],
  by: string,
  now: Date,
): Promise<RetentionReport> {
  const still = new Set(retentionCandidates(vault.sqlite, now).map(c => c.id));
  const approved = [...new Set(ids)];
  const report: RetentionReport = {
    approved: approved.length,
    erased: 0,
    skipped: 0,
    activities: 0,
    documents: 0,
    auditEntries: 0,
    erasureIds: [],
  };
  for (const id of approved) {
    if (!still.has(id)) {
      report.skipped += 1;
      continue;
    }
    const done = await eraseContact(vault, { contactId: id, reason: 'retention', by, at: now });
    report.erased += 1;
    report.activities += done.activities;
    report.documents += done.documents;
    report.auditEntries += done.auditEntries;
    report.erasureIds.push(done.erasureId);
  }
  markRetentionReviewed(vault.sqlite, now);
  return report;
}
