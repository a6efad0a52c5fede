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

const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();

/**
 * A stored calendar date (`YYYY-MM-DD`, no time zone) in the interface language: `numeric`
 * ("31.12.2026"; "31/12/2026" in English) for narrow list columns, `long` ("31 грудня 2026 р.")
 * elsewhere. The day is the stored one whatever the computer's time zone. Anything else is shown
 * as stored. One formatter per language and style (making one costs far more than using it).
 */
export function formatDay(day: string, language: string, style: 'numeric' | 'long'): string {
  const date = /^\d{4}-\d{2}-\d{2}$/u.test(day) ? new Date(`${day}T00:00:00Z`) : null;
  // An impossible day (30 February) is not moved to another one: it is shown as stored.
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) return day;
  const key = `${language}/${style}`;
  let format = DAY_FORMATS.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'uk' ? 'uk-UA' : 'en-GB', {
      timeZone: 'UTC',
      day: style === 'numeric' ? '2-digit' : 'numeric',
      month: style === 'numeric' ? '2-digit' : 'long',
      year: 'numeric',
    });
    DAY_FORMATS.set(key, format);
  }
  return format.format(date);
}
