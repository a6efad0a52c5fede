/**
 * Sort and search keys for names. SQLite compares text byte by byte, and neither its NOCASE nor
 * code-point order knows Cyrillic: "Ігнатенко" (і = U+0456) would sort after "Яковенко", and "Є",
 * "Ї", "Ґ" likewise. So the key is computed here, once, when a contact is written: lower case
 * ('uk' locale), apostrophes dropped (the Ukrainian alphabet ignores them), and every Cyrillic letter
 * mapped to a private-use code point in alphabet order. The database then sorts the key as bytes.
 */

/** Ukrainian alphabet with the extra Russian letters where Russian puts them. */
const CYRILLIC_ORDER = 'абвгґдеёєжзиіїйклмнопрстуфхцчшщъыьэюя';
const PRIVATE_BASE = 0xe000;
const RANK = new Map([...CYRILLIC_ORDER].map((letter, i) => [letter, i]));
const APOSTROPHES = /['ʼ’`]/gu;

/** Separates surname, given name and patronymic; lower than any letter so "Іван" < "Іванов". */
export const SORT_KEY_SEPARATOR = '\u0001';

/** Lower case, NFC, no apostrophes, runs of spaces as one, Cyrillic mapped to its alphabet rank. */
export function collationText(text: string): string {
  const folded = text
    .normalize('NFC')
    .toLocaleLowerCase('uk')
    .replace(APOSTROPHES, '')
    .replace(/\s+/gu, ' ')
    .trim();
  let out = '';
  for (const char of folded) {
    const rank = RANK.get(char);
    out += rank === undefined ? char : String.fromCharCode(PRIVATE_BASE + rank);
  }
  return out;
}

/** The stored sort key of a contact: surname, given name, patronymic in alphabet order. */
export function contactSortKey(
  surname: string,
  givenName: string,
  patronymic?: string | null,
): string {
  const parts = [surname, givenName, patronymic ?? ''].map(collationText);
  while (parts.length > 1 && parts.at(-1) === '') parts.pop();
  return parts.join(SORT_KEY_SEPARATOR);
}
