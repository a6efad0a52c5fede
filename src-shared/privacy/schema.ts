/** The input schemas of the privacy channels (./contract.ts). */
import { z } from 'zod';
import {
  BREACH_STATUSES,
  CONSENT_CHANNELS,
  LEGAL_GROUNDS,
  REQUEST_KINDS,
  REQUEST_STATUSES,
} from './types';

/** Record ids (UUIDs in practice); anything odd or huge is refused before the handler. */
export const privacyIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9-]+$/, 'id: letters, digits and -');

const isoTime = z.iso.datetime({ offset: true });

/** Recording a contact's basis for a purpose. The consent text is hashed in main, never stored. */
export const recordConsentInputSchema = z
  .object({
    contactId: privacyIdSchema,
    purposeId: privacyIdSchema,
    ground: z.enum(LEGAL_GROUNDS),
    channel: z.enum(CONSENT_CHANNELS),
    obtainedAt: isoTime,
    /** The text shown to the person; only its SHA-256 is kept (the version). */
    consentText: z.string().max(50_000).optional(),
    evidenceDocumentId: privacyIdSchema.optional(),
  })
  .strict();
export type RecordConsentInput = z.output<typeof recordConsentInputSchema>;

/** Withdrawing the current basis of a contact for a purpose. */
export const withdrawConsentInputSchema = z
  .object({ contactId: privacyIdSchema, purposeId: privacyIdSchema })
  .strict();

/** Setting or clearing a contact's objection. */
export const objectionInputSchema = z
  .object({ contactId: privacyIdSchema, objected: z.boolean() })
  .strict();

const categorySchema = z.string().trim().min(1).max(100);

/** The editable fields of a purpose of the processing register. */
const purposeFields = {
  name: z.string().trim().min(1).max(200),
  ground: z.enum(LEGAL_GROUNDS),
  categories: z.array(categorySchema).max(50),
  retentionMonths: z.number().int().min(1).max(1200).nullable(),
  retentionText: z.string().trim().max(1000),
  recipients: z.string().trim().max(2000),
  highRisk: z.boolean(),
};

/** A new purpose. */
export const purposeInputSchema = z
  .object({
    ...purposeFields,
    categories: purposeFields.categories.default([]),
    retentionMonths: purposeFields.retentionMonths.default(null),
    retentionText: purposeFields.retentionText.default(''),
    recipients: purposeFields.recipients.default(''),
    highRisk: purposeFields.highRisk.default(false),
  })
  .strict();
export type PurposeInput = z.output<typeof purposeInputSchema>;

/** Changes to a purpose (archiving takes it out of consent blocks and new exports). */
export const purposeUpdateInputSchema = z
  .object({
    id: privacyIdSchema,
    patch: z
      .object({ ...purposeFields, archived: z.boolean() })
      .partial()
      .strict()
      .refine(v => Object.keys(v).length > 0, { message: 'give at least one field' }),
  })
  .strict();
export type PurposePatch = z.output<typeof purposeUpdateInputSchema>['patch'];

/** Registering a subject's request (due 30 calendar days after `receivedAt`). */
export const requestInputSchema = z
  .object({
    contactId: privacyIdSchema,
    kind: z.enum(REQUEST_KINDS),
    receivedAt: isoTime,
    note: z.string().trim().max(2000).default(''),
  })
  .strict();
export type RequestInput = z.output<typeof requestInputSchema>;

/** Answering, refusing or annotating a request. */
export const requestUpdateInputSchema = z
  .object({
    id: privacyIdSchema,
    patch: z
      .object({ status: z.enum(REQUEST_STATUSES), note: z.string().trim().max(2000) })
      .partial()
      .strict()
      .refine(v => Object.keys(v).length > 0, { message: 'give at least one field' }),
  })
  .strict();
export type RequestPatch = z.output<typeof requestUpdateInputSchema>['patch'];

/** The export of everything about one person. */
export const subjectExportInputSchema = z
  .object({ contactId: privacyIdSchema, lang: z.enum(['uk', 'en']).default('uk') })
  .strict();

const breachFields = {
  title: z.string().trim().min(1).max(200),
  detectedAt: isoTime,
  categories: z.array(z.string().trim().min(1).max(100)).max(50),
  subjectsCount: z.number().int().min(0).max(100_000_000),
  recordsCount: z.number().int().min(0).max(100_000_000),
  actions: z.string().trim().max(5000),
};

/** A new incident. */
export const breachInputSchema = z
  .object({
    ...breachFields,
    categories: breachFields.categories.default([]),
    subjectsCount: breachFields.subjectsCount.default(0),
    recordsCount: breachFields.recordsCount.default(0),
    actions: breachFields.actions.default(''),
  })
  .strict();
export type BreachInput = z.output<typeof breachInputSchema>;

/** Changes to an incident; `notified` stamps the notification time. */
export const breachUpdateInputSchema = z
  .object({
    id: privacyIdSchema,
    patch: z
      .object({ ...breachFields, status: z.enum(BREACH_STATUSES) })
      .partial()
      .strict()
      .refine(v => Object.keys(v).length > 0, { message: 'give at least one field' }),
  })
  .strict();
export type BreachPatch = z.output<typeof breachUpdateInputSchema>['patch'];
