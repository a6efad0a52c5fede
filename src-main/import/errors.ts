/**
 * The import's one error: a file the readers cannot read, or a mapping or batch the service
 * refuses. A `RecordError` with `invalid_input` (or `forbidden` / `not_found`), so the router answers
 * it as any record error; `details.reason` says which rule, never a cell's value.
 */
import { RecordError, type RecordErrorCode } from '../crm/record/errors';

/** Why an import file or request was refused (the renderer translates the reason). */
export const IMPORT_FAILURES = [
  'file_unreadable',
  'file_empty',
  'format_unknown',
  'encoding_mixed',
  'row_too_large',
  'too_many_columns',
  'xlsx_invalid',
  'vcard_invalid',
  'mapping_invalid',
  'cancelled',
] as const;
export type ImportFailure = (typeof IMPORT_FAILURES)[number];

/** A refused import: `details.reason` names the rule; messages carry no personal data. */
export function importError(
  reason: ImportFailure,
  message: string,
  code: RecordErrorCode = 'invalid_input',
): RecordError {
  return new RecordError(code, message, { reason });
}
