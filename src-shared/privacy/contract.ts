/**
 * The `privacy` channels: a contact's legal basis and consents (managers, for the contacts they
 * can read), the processing register, subject requests and breaches (privacy.read / .manage).
 */
import { z } from 'zod';
import { channel } from '../ipc/contract';
import {
  objectionInputSchema,
  privacyIdSchema,
  recordConsentInputSchema,
  withdrawConsentInputSchema,
} from './schema';
import type { ConsentRecord, ContactConsentState } from './types';

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
} as const;
