/**
 * The `privacy` feature's handlers for the router: a contact's consents (./privacy-consent.ts), the
 * contacts export's purpose picker (./privacy-export.ts), the
 * processing register, subject requests and breaches (their own files).
 */
import type { privacyContract } from '../../../src-shared/privacy/contract';
import type { Handlers } from '../../ipc';
import type { RecordHandlerDeps } from './kit';
import { breachHandlers } from './privacy-breaches';
import { consentHandlers } from './privacy-consent';
import { exportPreviewHandlers } from './privacy-export';
import { registerHandlers } from './privacy-register';
import { requestHandlers } from './privacy-requests';

/** What the privacy handlers need from the app: the session's vault and a clock. */
export type PrivacyHandlerDeps = RecordHandlerDeps;

/** The `privacy` feature's handlers. */
export function privacyHandlers(
  deps: PrivacyHandlerDeps,
): Handlers<{ privacy: typeof privacyContract }>['privacy'] {
  return {
    ...consentHandlers(deps),
    ...exportPreviewHandlers(deps),
    ...registerHandlers(deps),
    ...requestHandlers(deps),
    ...breachHandlers(deps),
  };
}
