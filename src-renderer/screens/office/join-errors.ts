/**
 * The next-step sentence for a failed join: main keeps the office's own code in
 * `details.office` (unreachable, certificate mismatch, wrong code, too many attempts …); anything else falls back to
 * the general words of the call's error code.
 */
import type { CallError } from '../../../src-shared/ipc/contract';

/** The i18n key of the sentence for `error`. */
export function joinErrorKey(error: CallError): string {
  const office = error.details?.office;
  if (office === 'bad_code') return 'office.join.errors.bad_code';
  if (office === 'certificate_mismatch') return 'office.join.errors.certificate_mismatch';
  if (office === 'no_fingerprint') return 'office.join.errors.no_fingerprint';
  if (office === 'bad_url' || office === 'insecure') return 'office.join.errors.bad_url';
  if (office === 'rate_limited') return 'office.join.errors.rate_limited';
  if (error.code === 'office_unreachable') return 'office.join.errors.offline';
  if (error.code === 'auth_failed') return 'office.join.errors.wrong_code';
  if (error.code === 'forbidden') return 'office.join.errors.forbidden';
  if (error.code === 'conflict') return 'office.join.errors.joined';
  return `errors.${error.code}`;
}
