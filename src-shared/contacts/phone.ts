/**
 * Phone numbers: anything a person types in Ukraine ("067 123 45 67", "(044) 123-45-67",
 * "+380 67 123 4567", the old trunk form "8 067 …") becomes E.164 (`+380671234567`) or is refused.
 * libphonenumber-js with the small ("min") metadata: it checks lengths and prefixes per country,
 * enough to reject a number that cannot exist without shipping the full pattern set to the renderer.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { CONTACT_LIMITS } from './codes';

/** The region assumed for numbers written without a country code. */
export const DEFAULT_PHONE_REGION: CountryCode = 'UA';

/** Only digits, spaces and the usual separators; letters ("call me at …") are refused up front. */
const PHONE_TEXT = /^\+?[\d\s().-]+$/u;

/**
 * The E.164 form of a phone number, or null when it is not a valid number. Numbers without a
 * country code are read as Ukrainian (or `region`).
 */
export function normalizePhone(
  text: string,
  region: CountryCode = DEFAULT_PHONE_REGION,
): string | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > CONTACT_LIMITS.phoneText) return null;
  if (!PHONE_TEXT.test(trimmed)) return null;
  let candidate = trimmed;
  const digits = trimmed.replace(/\D/gu, '');
  // The Soviet-era trunk prefix (e.g. "8 067 123 45 67") is still written by older clients.
  if (region === 'UA' && !trimmed.startsWith('+') && /^80\d{9}$/u.test(digits)) {
    candidate = digits.slice(1);
  }
  const parsed = parsePhoneNumberFromString(candidate, region);
  if (!parsed?.isValid()) return null;
  return parsed.number;
}
