/**
 * The typed error every document function throws. `code` is a bridge error code; `reason` says
 * which document rule was broken (the renderer translates `documents.errors.<reason>`). Messages
 * never hold file names, contents or keys.
 */
import type { ErrorCode } from '../../../src-shared/ipc/contract';
import { RecordError } from '../record/errors';

/** Why a document operation failed. */
export const DOCUMENT_ERROR_REASONS = [
  'not_found',
  'type_not_allowed',
  'too_large',
  'empty',
  'size_mismatch',
  'tampered',
  'truncated',
  'unsupported_format',
  'ticket_unknown',
  'record_not_found',
  'bad_name',
  'at_office',
  'office_tampered',
  'office_truncated',
] as const;
export type DocumentErrorReason = (typeof DOCUMENT_ERROR_REASONS)[number];

const CODE_OF: Record<DocumentErrorReason, ErrorCode> = {
  not_found: 'not_found',
  type_not_allowed: 'invalid_input',
  too_large: 'invalid_input',
  empty: 'invalid_input',
  size_mismatch: 'invalid_input',
  tampered: 'vault_corrupt',
  truncated: 'vault_corrupt',
  unsupported_format: 'vault_newer',
  ticket_unknown: 'not_found',
  record_not_found: 'not_found',
  bad_name: 'invalid_input',
  at_office: 'office_unreachable',
  office_tampered: 'vault_corrupt',
  office_truncated: 'vault_corrupt',
};

const MESSAGE_OF: Record<DocumentErrorReason, string> = {
  not_found: 'No such document.',
  type_not_allowed:
    'This kind of file cannot be attached (PDF, images, office documents, text and CSV only).',
  too_large: 'The file is larger than 200 MB.',
  empty: 'The file is empty.',
  size_mismatch: 'The file changed while it was being sent. Try again.',
  tampered: 'The stored document is damaged or was altered; it cannot be opened.',
  truncated: 'The stored document is cut short; it cannot be opened.',
  unsupported_format: 'The stored document was written by a newer Zamok.',
  ticket_unknown: 'The transfer expired or was already used. Try again.',
  record_not_found: 'No such record.',
  bad_name: 'The file name is not usable.',
  at_office: 'The file is at the office server; connect to it to open the file.',
  office_tampered: 'The copy at the office server was altered; it was refused.',
  office_truncated: 'The copy at the office server is incomplete; it was refused.',
};

/**
 * A failed document operation; nothing was changed on disk or in the database. A `RecordError`
 * whose `details` are `{ reason }`, so the router answers with the reason like any record error.
 */
export class DocumentError extends RecordError<ErrorCode> {
  readonly reason: DocumentErrorReason;

  constructor(reason: DocumentErrorReason, options?: { cause?: unknown }) {
    super(CODE_OF[reason], MESSAGE_OF[reason], { reason }, options);
    this.name = 'DocumentError';
    this.reason = reason;
  }
}

/** True when `err` is a `DocumentError`, optionally with the given reason. */
export function isDocumentError(err: unknown, reason?: DocumentErrorReason): err is DocumentError {
  return err instanceof DocumentError && (reason === undefined || err.reason === reason);
}
