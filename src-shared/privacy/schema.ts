/** The input schemas of the privacy channels (./contract.ts). */
import { z } from 'zod';
import { CONSENT_CHANNELS, LEGAL_GROUNDS } from './types';

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
