/**
 * The `privacy` channels: a contact's legal basis and consents (managers, for the contacts they
 * can read), the processing register, subject requests and breaches (privacy.read / .manage).
 */
import { z } from 'zod';
import { channel } from '../ipc/contract';
import { contactExportFilterSchema, SEE_DELETED_CONTACTS } from '../ipc/contacts';
import type { ReportFile } from '../ipc/reports';
import {
  objectionInputSchema,
  privacyIdSchema,
  breachInputSchema,
  breachUpdateInputSchema,
  purposeInputSchema,
  purposeUpdateInputSchema,
  recordConsentInputSchema,
  requestInputSchema,
  requestUpdateInputSchema,
  subjectExportInputSchema,
  withdrawConsentInputSchema,
} from './schema';
import type {
  Breach,
  ConsentRecord,
  ContactConsentState,
  ExportPreview,
  PrivacyRequest,
  Purpose,
  RequestList,
  SubjectExportCounts,
} from './types';

const langSchema = z.enum(['uk', 'en']);

/** The contact reach consent calls are checked with (the caller's contacts.read scope). */
const CONTACT_REACH = ['contacts.read'] as const;

export const privacyContract = {
  /** A contact's consent block: active purposes, the current basis of each, the objection. */
  consentState: channel<ContactConsentState>()({
    input: z.object({ contactId: privacyIdSchema }).strict(),
    permission: 'contacts.read',
    audit: false,
  }),
  /** Records a basis (a consent) for a purpose; audited with ids, ground and channel only. */
  recordConsent: channel<ConsentRecord>()({
    input: recordConsentInputSchema,
    permission: 'consent.record',
    grants: CONTACT_REACH,
  }),
  /** Withdraws the current basis for a purpose (time and who kept). */
  withdrawConsent: channel<ConsentRecord>()({
    input: withdrawConsentInputSchema,
    permission: 'consent.record',
    grants: CONTACT_REACH,
  }),
  /** Sets or clears the contact's objection (excluded from every export while set). */
  setObjection: channel<ContactConsentState>()({
    input: objectionInputSchema,
    permission: 'consent.record',
    grants: CONTACT_REACH,
  }),
  /**
   * The contacts export dialog's purpose picker: the active purposes, and how many contacts the
   * export of this filter (for this purpose) would leave out, and why. Counts only; same scope as
   * `contacts.export`.
   */
  exportPreview: channel<ExportPreview>()({
    input: z
      .object({
        filter: contactExportFilterSchema.optional(),
        purposeId: privacyIdSchema.optional(),
      })
      .strict(),
    permission: 'contacts.export',
    also: [{ ...SEE_DELETED_CONTACTS, when: input => input.filter?.includeDeleted === true }],
    grants: ['companies.read'],
    audit: false,
  }),
  /** The processing register: every purpose, archived ones last. */
  listPurposes: channel<Purpose[]>()({
    input: z.object({}).strict(),
    permission: 'privacy.read',
    audit: false,
  }),
  /** Adds a purpose; a high-risk one creates the owner's "notify the Ombudsman" task. */
  createPurpose: channel<Purpose>()({
    input: z.object({ purpose: purposeInputSchema }).strict(),
    permission: 'privacy.manage',
  }),
  /** Changes or archives a purpose; turning high risk on creates the Ombudsman task. */
  updatePurpose: channel<Purpose>()({
    input: purposeUpdateInputSchema,
    permission: 'privacy.manage',
  }),
  /** The register as a printable PDF (base64), beside the access regulation. */
  registerPdf: channel<ReportFile>()({
    input: z.object({ lang: langSchema.default('uk') }).strict(),
    permission: 'privacy.read',
  }),
  /** The subject request register, open ones first, with the due-soon and overdue counts. */
  listRequests: channel<RequestList>()({
    input: z.object({}).strict(),
    permission: 'privacy.read',
    audit: false,
  }),
  /** Registers a subject's request (due 30 calendar days after receipt). */
  createRequest: channel<PrivacyRequest>()({
    input: z.object({ request: requestInputSchema }).strict(),
    permission: 'privacy.manage',
  }),
  /** Answers, refuses or annotates a request. */
  updateRequest: channel<PrivacyRequest>()({
    input: requestUpdateInputSchema,
    permission: 'privacy.manage',
  }),
  /**
   * Everything about one person as a ZIP (subject.json, index.html, documents/), base64, bounded:
   * a larger one is `conflict` (use `zamok privacy export-subject`). Audited with section counts.
   */
  exportSubject: channel<ReportFile & { counts: SubjectExportCounts }>()({
    input: subjectExportInputSchema,
    permission: 'privacy.manage',
  }),
  /** The same ZIP written to a file (command line only: a path). */
  exportSubjectFile: channel<{ out: string; bytes: number; counts: SubjectExportCounts }>()({
    input: subjectExportInputSchema.extend({ out: z.string().min(1).max(4096) }),
    permission: 'privacy.manage',
    hosts: ['cli'],
  }),
  /** The breach register, newest first (each with its 72-hour deadline). */
  listBreaches: channel<Breach[]>()({
    input: z.object({}).strict(),
    permission: 'privacy.read',
    audit: false,
  }),
  /** Records an incident. */
  createBreach: channel<Breach>()({
    input: z.object({ breach: breachInputSchema }).strict(),
    permission: 'privacy.manage',
  }),
  /** Opens an incident from a security alert in one step (titled by its rule, detected then). */
  openBreachFromAlert: channel<Breach>()({
    input: z.object({ alertId: z.uuid(), lang: langSchema.default('uk') }).strict(),
    permission: 'privacy.manage',
  }),
  /** Changes an incident; `notified` stamps the notification time. */
  updateBreach: channel<Breach>()({
    input: breachUpdateInputSchema,
    permission: 'privacy.manage',
  }),
  /** The breach register as CSV (UTF-8 with BOM, `;`) or PDF (base64). */
  breachesFile: channel<ReportFile>()({
    input: z.object({ format: z.enum(['csv', 'pdf']), lang: langSchema.default('uk') }).strict(),
    permission: 'privacy.read',
  }),
} as const;
