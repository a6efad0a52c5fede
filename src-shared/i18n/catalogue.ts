/**
 * The shape of a shared catalogue, in its own module so the catalogues (./uk.ts, ./en.ts) and
 * ./messages.ts, which collects them, do not import each other.
 */
import type { ErrorCode } from '../ipc/contract';
import type { PasswordIssue } from '../policy/password';

/** The shape every shared catalogue must have: one message per error code and per password issue. */
export interface SharedCatalogue {
  errors: Record<ErrorCode, string>;
  password: Record<PasswordIssue, string>;
}
