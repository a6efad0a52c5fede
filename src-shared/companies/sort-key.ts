/**
 * The sort key of a company name: people look for "Пекарня Світанок", not for "ТОВ «…»", so the
 * legal form in front (ТОВ, ФОП, ПП, ПрАТ, LLC, …) and the quotes are left out of the key; the rest
 * is folded like contact names (Cyrillic in alphabet order, see ../contacts/sort-key.ts).
 */
import { collationText } from '../contacts/sort-key';

/** Legal forms written before a name (folded to lower case, without dots). */
export const LEGAL_FORMS: readonly string[] = [
  'тов',
  'тзов',
  'фоп',
  'спд',
  'пп',
  'прат',
  'пат',
  'ат',
  'зат',
  'ват',
  'кп',
  'дп',
  'тд',
  'пф',
  'ск',
  'ооо',
  'llc',
  'ltd',
];
const QUOTES = /[«»"„“”‘‚]/gu;

/** The stored sort key of a company: the name without legal form and quotes, in alphabet order. */
export function companySortKey(name: string): string {
  const words = name.replace(QUOTES, ' ').split(/\s+/u).filter(Boolean);
  while (
    words.length > 1 &&
    LEGAL_FORMS.includes((words[0] ?? '').toLowerCase().replace(/\./gu, ''))
  )
    words.shift();
  return collationText(words.join(' '));
}
