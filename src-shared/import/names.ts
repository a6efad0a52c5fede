/**
 * Splitting a full name into surname, given name and patronymic. "Шевченко Тарас Григорович"
 * (the order of Ukrainian lists) and "Тарас Григорович Шевченко" (phones, vCard FN) both give
 * Шевченко / Тарас / Григорович: a word that looks like a patronymic (-ович, -івна, -ична, …)
 * fixes the order; without one, `order` decides. Hyphenated and apostrophe names stay one word.
 */
import type { NameOrder } from './fields';

/** The parts of a person's name; empty strings where the text had none. */
export interface NameParts {
  surname: string;
  givenName: string;
  patronymic: string;
}

const PATRONYMIC = /(?:ович|евич|євич|йович|ьович|ич|івна|ївна|овна|евна|ична|інічна)$/iu;
const LATIN_PATRONYMIC = /(?:ovych|ovich|evych|evich|ivna|ovna|ichna)$/iu;

/** True when `word` ends like an East Slavic patronymic. */
export function looksLikePatronymic(word: string): boolean {
  return word.length > 4 && (PATRONYMIC.test(word) || LATIN_PATRONYMIC.test(word));
}

/** Splits `text` into name parts; more than three words keep the rest in the surname. */
export function splitFullName(text: string, order: NameOrder): NameParts {
  const words = text
    .normalize('NFC')
    .replace(/[,]/gu, ' ')
    .split(/\s+/u)
    .filter(w => w.length > 0);
  const none: NameParts = { surname: '', givenName: '', patronymic: '' };
  if (words.length === 0) return none;
  if (words.length === 1) return { ...none, givenName: words[0] ?? '' };
  const last = words.length - 1;
  if (words.length >= 3) {
    // "Surname Given Patronymic"
    if (looksLikePatronymic(words[last] ?? ''))
      return {
        surname: words.slice(0, last - 1).join(' '),
        givenName: words[last - 1] ?? '',
        patronymic: words[last] ?? '',
      };
    // "Given Patronymic Surname"
    if (looksLikePatronymic(words[1] ?? ''))
      return {
        givenName: words[0] ?? '',
        patronymic: words[1] ?? '',
        surname: words.slice(2).join(' '),
      };
  }
  if (order === 'surname-first')
    return { surname: words[0] ?? '', givenName: words.slice(1).join(' '), patronymic: '' };
  return { givenName: words.slice(0, last).join(' '), surname: words[last] ?? '', patronymic: '' };
}
