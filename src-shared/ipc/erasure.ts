/**
 * Real erasure and retention (issue 17, points 4 and 5). Erasing needs `privacy.erase`; the
 * retention rules and review need `privacy.retention`, and approving a list erases, so it needs
 * `privacy.erase` too. Results carry ids and counts, never personal data.
 */
import { z } from 'zod';
import { channel } from './contract';
import { recordIdSchema } from './contacts';

/** What one erasure did. */
export interface ErasureResult {
  erasureId: string;
  contactId: string;
  /** False when the id named no contact (the erasure is still recorded and replayed). */
  found: boolean;
  activities: number;
  documents: number;
  shares: number;
  dealsUnlinked: number;
  auditEntries: number;
}

/** What one company erasure did (a sole proprietor's card: one person's data). */
export interface CompanyErasureResult {
  erasureId: string;
  companyId: string;
  /** False when the id named no company (the erasure is still recorded and replayed). */
  found: boolean;
  activities: number;
  documents: number;
  contactsUnlinked: number;
  dealsUnlinked: number;
  auditEntries: number;
}

/** A retention rule as the owner sees it. */
export interface RetentionRuleView {
  recordType: 'contact';
  inactiveMonths: number;
  createdAt: string;
}

/** A dry run: the contacts past their rule, and whether the monthly review is due. */
export interface RetentionCandidates {
  candidates: { id: string; lastActivityAt: string }[];
  count: number;
  reviewDue: boolean;
}

/** What an approved retention list did (counts only). */
export interface RetentionResult {
  approved: number;
  erased: number;
  skipped: number;
}

/** Most ids one approval may hold. */
export const RETENTION_APPROVE_MAX = 10_000;

export const erasureContract = {
  /** Erases a contact and everything about it for good. Not one transaction with its entry. */
  erase: channel<ErasureResult>()({
    input: z.object({ contactId: recordIdSchema }).strict(),
    permission: 'privacy.erase',
    // Shreds files and checkpoints the WAL after its own COMMIT (src-main/privacy/erasure).
    atomic: false,
  }),
  /**
   * Erases a company card that is a person (a sole proprietor, ФОП) for good, like a contact:
   * the row, its activities and documents; contacts and deals keep their rows without the link.
   */
  eraseCompany: channel<CompanyErasureResult>()({
    input: z.object({ companyId: recordIdSchema }).strict(),
    permission: 'privacy.erase',
    atomic: false,
  }),
  retentionRules: channel<RetentionRuleView[]>()({
    input: z.object({}).strict(),
    permission: 'privacy.retention',
    audit: false,
  }),
  /** Sets the contact rule; without `inactiveMonths` it removes the rule. */
  setRetentionRule: channel<RetentionRuleView[]>()({
    input: z
      .object({
        recordType: z.literal('contact'),
        inactiveMonths: z.number().int().min(1).max(1200).optional(),
      })
      .strict(),
    permission: 'privacy.retention',
  }),
  /** Lists the candidates; changes nothing. */
  retentionCandidates: channel<RetentionCandidates>()({
    input: z.object({}).strict(),
    permission: 'privacy.retention',
  }),
  /** Erases the approved ids that are still candidates; skips the rest. */
  retentionApprove: channel<RetentionResult>()({
    input: z.object({ ids: z.array(recordIdSchema).min(1).max(RETENTION_APPROVE_MAX) }).strict(),
    permission: 'privacy.retention',
    also: [
      {
        when: () => true,
        permission: 'privacy.erase',
        message: 'Approving a retention list erases data: that needs the right to erase.',
      },
    ],
    atomic: false,
  }),
};
