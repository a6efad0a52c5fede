/**
 * Personal data as law No. 2297-VI asks (and the draft No. 8153): the processing register's
 * purposes, each contact's legal basis per purpose, objections. Plain types shared by main and the
 * renderer; the schemas that check input are in ./schema.ts.
 */

/** The legal grounds of Art. 11 (and of the draft's Art. 6 / GDPR Art. 6). */
export const LEGAL_GROUNDS = [
  'consent',
  'contract',
  'legal_obligation',
  'legitimate_interest',
  'vital_interest',
  'public_task',
] as const;
export type LegalGround = (typeof LEGAL_GROUNDS)[number];

/** How a consent (or the basis) was obtained. */
export const CONSENT_CHANNELS = [
  'in_person',
  'paper',
  'email',
  'phone',
  'website',
  'messenger',
  'other',
] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/** One purpose of the processing register. */
export interface Purpose {
  id: string;
  name: string;
  ground: LegalGround;
  /** Categories of data processed for it (free words: "контакти", "здоров’я", …). */
  categories: string[];
  retentionMonths: number | null;
  retentionText: string;
  recipients: string;
  /** Health, criminal records, biometric, location…: the Ombudsman must be notified. */
  highRisk: boolean;
  /** The owner's "notify the Ombudsman" task created when high risk was turned on. */
  ombudsmanTaskId: string | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

/** A purpose as a consent block and an export dialog name it. */
export type PurposeRef = Pick<Purpose, 'id' | 'name' | 'ground'>;

/** One recorded legal basis of a contact for a purpose (the newest per pair is the current one). */
export interface ConsentRecord {
  id: string;
  contactId: string;
  purposeId: string;
  ground: LegalGround;
  channel: ConsentChannel;
  obtainedAt: string;
  /** SHA-256 (hex) of the consent text the person agreed to: its version. */
  textHash: string | null;
  evidenceDocumentId: string | null;
  recordedBy: string;
  recordedAt: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
}

/**
 * What the contacts export would leave out for privacy reasons (counts only, never who), and the
 * active purposes an export can be made for.
 */
export interface ExportPreview {
  purposes: PurposeRef[];
  /** Contacts the export's filter matches in the caller's export scope, before privacy. */
  total: number;
  /** Left out because they objected to processing (from every export). */
  objected: number;
  /** Left out for the chosen purpose: basis withdrawn, or no consent where the ground is consent. */
  noBasis: number;
}

/** A contact's objection to processing (excluded from every export and mailing). */
export interface Objection {
  objectedAt: string;
  recordedBy: string;
}

/** A contact's consent block: every active purpose with its current basis, and the objection. */
export interface ContactConsentState {
  contactId: string;
  objection: Objection | null;
  purposes: { purpose: PurposeRef; current: ConsentRecord | null; history: number }[];
}

/** What a data subject asked for (Art. 8). */
export const REQUEST_KINDS = ['access', 'rectification', 'objection', 'erasure'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Where a subject's request stands. */
export const REQUEST_STATUSES = ['open', 'answered', 'refused'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** One subject request of the register, due 30 calendar days after receipt. */
export interface PrivacyRequest {
  id: string;
  contactId: string;
  /** The person's name as the contact card has it ('' once the contact is gone). */
  contactName: string;
  kind: RequestKind;
  receivedAt: string;
  dueAt: string;
  status: RequestStatus;
  answeredAt: string | null;
  note: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** The request register with what needs attention (open and due within 7 days, or overdue). */
export interface RequestList {
  items: PrivacyRequest[];
  dueSoon: number;
  overdue: number;
  now: string;
}

/** Counts of a subject export's sections (the audit entry and the CLI print these). */
export type SubjectExportCounts = Record<string, number>;

/** Where a breach stands: open, the Ombudsman notified, closed. */
export const BREACH_STATUSES = ['open', 'notified', 'closed'] as const;
export type BreachStatus = (typeof BREACH_STATUSES)[number];

/** One incident of the breach register (notify within 72 hours of detection: draft No. 8153). */
export interface Breach {
  id: string;
  title: string;
  detectedAt: string;
  /** detectedAt + 72 hours. */
  deadlineAt: string;
  status: BreachStatus;
  /** Categories of data affected (free words). */
  categories: string[];
  subjectsCount: number;
  recordsCount: number;
  actions: string;
  /** The security alert it was opened from. */
  alertId: string | null;
  notifiedAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}
