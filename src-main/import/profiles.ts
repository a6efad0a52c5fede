/**
 * Header sets of the exports people bring: Google Contacts CSV and Outlook CSV (English headers;
 * Outlook's Ukrainian and Russian versions translate them, which the synonym mapping handles).
 * Recognising one tells the mapping which columns hold what without asking.
 */

/** The export a header row comes from, when recognised. */
export type HeaderProfile = 'google' | 'outlook' | 'vcard' | null;

/** Headers only Google Contacts writes (either its current or its older export). */
const GOOGLE_MARKERS = [
  'given name',
  'family name',
  'first name',
  'last name',
  'e-mail 1 - value',
  'phone 1 - value',
  'organization name',
  'organization 1 - name',
  'group membership',
  'labels',
];

/** Headers of Outlook's CSV export ("Export to a file → Comma Separated Values"). */
const OUTLOOK_MARKERS = [
  'first name',
  'middle name',
  'last name',
  'e-mail address',
  'mobile phone',
  'business phone',
  'company',
  'job title',
];

function hits(headers: Set<string>, markers: string[]): number {
  return markers.filter(m => headers.has(m)).length;
}

/** Which export a header row looks like (at least three of its characteristic headers). */
export function recogniseProfile(headers: readonly string[]): HeaderProfile {
  const set = new Set(headers.map(h => h.trim().toLowerCase()));
  const google = hits(set, GOOGLE_MARKERS) + (set.has('e-mail 1 - value') ? 2 : 0);
  const outlook = hits(set, OUTLOOK_MARKERS) + (set.has('e-mail address') ? 2 : 0);
  if (Math.max(google, outlook) < 3) return null;
  return google >= outlook ? 'google' : 'outlook';
}
