/**
 * Validation issue codes for companies and the limits they enforce. Each code is a message key
 * (`company.<issue>`) translated by ./messages.ts; the same code reaches the renderer's live
 * validation and the router's `invalid_input` details.
 */

/** Every issue a company field can have. */
export const COMPANY_ISSUES = [
  'name_required',
  'text_too_long',
  'text_malformed',
  'edrpou_format',
  'edrpou_checksum',
  'rnokpp_format',
  'rnokpp_checksum',
  'phone_invalid',
  'phones_too_many',
  'label_too_long',
  'website_invalid',
  'patch_empty',
  'invalid',
] as const;
export type CompanyIssue = (typeof COMPANY_ISSUES)[number];

/** A message key of the companies catalogue, e.g. `company.edrpou_checksum`. */
export type CompanyIssueCode = `company.${CompanyIssue}`;

/** True for `company.<issue>` strings this build knows. */
export function isCompanyIssueCode(value: unknown): value is CompanyIssueCode {
  return (
    typeof value === 'string' &&
    value.startsWith('company.') &&
    (COMPANY_ISSUES as readonly string[]).includes(value.slice('company.'.length))
  );
}

/** Length and count limits (characters after trimming). Exported so forms can show counters. */
export const COMPANY_LIMITS = {
  name: 200,
  address: 500,
  website: 200,
  notes: 10_000,
  label: 40,
  phones: 10,
  /** Raw phone text before normalisation. */
  phoneText: 40,
  /** Raw code text ("3285 5961"). */
  codeText: 20,
} as const;
