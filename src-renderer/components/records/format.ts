/** Display helpers every record screen uses: phones and dates. Pure functions, no React. */
import { parsePhoneNumber } from 'libphonenumber-js/min';

/**
 * A stored E.164 number as people read it: Ukrainian numbers nationally ("067 123 4567"),
 * foreign ones with their country code. Anything unparsable is shown as stored.
 */
export function formatPhone(e164: string): string {
  try {
    const phone = parsePhoneNumber(e164);
    return phone.countryCallingCode === '380'
      ? phone.formatNational()
      : phone.formatInternational();
  } catch {
    return e164;
  }
}

/** A stored timestamp as a local date and time in the interface language. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'uk' ? 'uk-UA' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}
