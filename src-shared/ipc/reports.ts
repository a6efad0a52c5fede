/**
 * Reports: the access regulation (a printable document generated from the live settings, uk/en) and
 * the monthly review of staff activity (sign-ins, record changes, alerts: ids and counts only).
 * The regulation needs `reports.regulation` (owner, administrator); the review needs
 * `reports.review` (owner; head for their team — the handler's SQL decides who is covered: callers
 * who may read the whole audit log see everyone, others only the users of their own team).
 */
import { z } from 'zod';
import { channel } from './contract';
import type { ReportDocument } from '../reports/document';
import type { RegulationFacts } from '../reports/regulation-facts';

/** Languages a report can be written in. */
export const REPORT_LANGS = ['uk', 'en'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];

/** A month: `YYYY-MM` (2000–2099). */
export const monthSchema = z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/, 'month: YYYY-MM');

const langSchema = z.enum(REPORT_LANGS);

/** Largest report file a channel returns (base64 of a PDF grows by a third). */
export const REPORT_FILE_MAX_BYTES = 8 * 1024 * 1024;

/** A file for download in the renderer (Blob) or to write from the CLI. */
export type ReportFile = { fileName: string; mimeType: string } & (
  { base64: string; text?: never } | { text: string; base64?: never }
);

/** The regulation: the facts it was built from and the document in the requested language. */
export interface RegulationReport {
  facts: RegulationFacts;
  document: ReportDocument;
}

/**
 * Counts for one kind of record (`contacts`, `companies`, `deals`): audited creates, changes
 * (update, reassign, share, unshare, restore) and deletes, and the number of records exported.
 */
export interface ReviewRecordCounts {
  feature: string;
  created: number;
  changed: number;
  deleted: number;
  exported: number;
}

/** One member of staff in the monthly review. Staff names are fine; no client data. */
export interface ReviewUserRow {
  userId: string;
  login: string;
  displayName: string;
  role: string;
  status: 'active' | 'dismissed';
  signIns: number;
  firstSignInAt: string | null;
  lastSignInAt: string | null;
  /** Device ids used for successful sign-ins (hashes, not names). */
  devices: string[];
  /**
   * Wrong password or code (recorded at the login's next successful sign-in), and sign-ins refused
   * for an unapproved computer or another network.
   */
  failedSignIns: number;
  records: ReviewRecordCounts[];
  totals: Omit<ReviewRecordCounts, 'feature'>;
  alertsRaised: number;
  alertsAcknowledged: number;
}

/** The monthly review. Times are ISO 8601 UTC; the month is in `timeZone`. */
export interface MonthlyReview {
  month: string;
  timeZone: string;
  from: string;
  to: string;
  /** `all`: every account; `team`: the caller's team (or only the caller without a team). */
  coverage: 'all' | 'team';
  generatedAt: string;
  users: ReviewUserRow[];
  /** Alerts raised in the month by nobody in particular (no signed-in user), when coverage is all. */
  systemAlerts: number;
}

/** The review covers everyone for an `audit.read` holder (the owner), else the caller's team. */
const REVIEW_COVERAGE = ['audit.read'] as const;

export const reportsContract = {
  /** The access regulation as structured data and a document (audited: it lists the staff). */
  regulation: channel<RegulationReport>()({
    input: z.object({ lang: langSchema }).strict(),
    permission: 'reports.regulation',
  }),
  /** The regulation as a PDF (base64). */
  regulationPdf: channel<ReportFile>()({
    input: z.object({ lang: langSchema }).strict(),
    permission: 'reports.regulation',
  }),
  /** The monthly review (audited with the month and the number of users covered). */
  review: channel<MonthlyReview>()({
    input: z.object({ month: monthSchema }).strict(),
    permission: 'reports.review',
    grants: REVIEW_COVERAGE,
  }),
  /** The monthly review as CSV text (UTF-8 with BOM, formula-safe cells). */
  reviewCsv: channel<ReportFile>()({
    input: z.object({ month: monthSchema, lang: langSchema }).strict(),
    permission: 'reports.review',
    grants: REVIEW_COVERAGE,
  }),
  /** The monthly review as a PDF (base64). */
  reviewPdf: channel<ReportFile>()({
    input: z.object({ month: monthSchema, lang: langSchema }).strict(),
    permission: 'reports.review',
    grants: REVIEW_COVERAGE,
  }),
} as const;
