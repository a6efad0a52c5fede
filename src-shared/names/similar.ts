/**
 * Fuzzy name matching for "можливо, той самий клієнт" suggestions (issue 15 point 3): never a
 * block, never a duplicate key. Two names are close when their folded forms (lower case, no
 * apostrophes, no quotes or punctuation, spaces collapsed, ї→і, є→е, ґ→г and the Russian
 * ё/э/ы/ъ spellings folded too) are equal, when a person's surname and given name are equal
 * (patronymic ignored), or when the folded full names are at most one edit apart (insert,
 * delete or replace one letter). {@link NameIndex} finds such names among many without comparing
 * each pair: every key is filed under itself and under each of its one-letter deletions (two
 * strings one edit apart always share one of those).
 */
import { LEGAL_FORMS } from '../companies/sort-key';

const FOLDS: Record<string, string> = {
  ї: 'і',
  є: 'е',
  ґ: 'г',
  ё: 'е',
  э: 'е',
  ы: 'и',
  ъ: '',
};
const APOSTROPHES = /['ʼ’`]/gu;
const PUNCTUATION = /[«»"„“”.,;:()\-–—_/\\]+/gu;

/** The letters that fold to the same letter as `letter` (itself included): "і" → і, ї. */
export function spellingsOf(letter: string): string[] {
  const folded = foldName(letter);
  if (folded === '') return [];
  const variants = Object.keys(FOLDS).filter(c => FOLDS[c] === folded);
  return [...new Set([folded, folded.toLocaleUpperCase('uk'), ...variants])];
}

/** Shortest folded name compared by edit distance (short names one letter apart are not alike). */
const MIN_FUZZY_LENGTH = 6;

/** The folded form of a name ('' for a blank one). */
export function foldName(text: string): string {
  const lower = text
    .normalize('NFC')
    .toLocaleLowerCase('uk')
    .replace(APOSTROPHES, '')
    .replace(PUNCTUATION, ' ');
  let out = '';
  for (const char of lower) out += FOLDS[char] ?? char;
  return out.replace(/\s+/gu, ' ').trim();
}

/** A person's or a company's name parts, as stored. */
export type NameParts =
  { surname: string; givenName?: string | null; patronymic?: string | null } | { name: string };

/** The folded full name and, for a person with a given name, the folded "surname given name". */
export function nameKeys(parts: NameParts): { full: string; short: string | null } {
  if ('name' in parts) {
    // "ТОВ «Зірка»" and "Зірка" are the same company: the legal form in front is left out.
    const words = foldName(parts.name).split(' ');
    while (words.length > 1 && LEGAL_FORMS.includes(words[0] ?? '')) words.shift();
    return { full: words.join(' '), short: null };
  }
  const surname = foldName(parts.surname);
  const given = foldName(parts.givenName ?? '');
  const full = [surname, given, foldName(parts.patronymic ?? '')].filter(Boolean).join(' ');
  return { full, short: surname && given ? `${surname} ${given}` : null };
}

function deletions(key: string): string[] {
  const chars = [...key];
  return chars.map((_, i) => [...chars.slice(0, i), ...chars.slice(i + 1)].join(''));
}

/** Levenshtein distance, stopping early above 1 (all the suggestions need). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i += 1;
  const tail = (p: string[], q: string[]) => p.slice(i + 1).join('') === q.join('');
  if (x.length === y.length) return tail(x, y.slice(i + 1));
  return x.length > y.length ? tail(x, y.slice(i)) : tail(y, x.slice(i));
}

/** Whether two names are close enough to suggest "maybe the same client". */
export function namesAlike(a: NameParts, b: NameParts): boolean {
  const p = nameKeys(a);
  const q = nameKeys(b);
  if (p.full === '' || q.full === '') return false;
  if (p.full === q.full) return true;
  if (p.short !== null && p.short === q.short) return true;
  return (
    Math.min(p.full.length, q.full.length) >= MIN_FUZZY_LENGTH && withinOneEdit(p.full, q.full)
  );
}

/** Names filed for look-up by closeness (see the module comment); `T` is what a match answers. */
export class NameIndex<T> {
  private readonly byKey = new Map<string, { value: T; parts: NameParts }[]>();

  /**
   * `fuzzy: false` files exact keys only (same folded name, same surname and given name): one
   * entry per name instead of one per letter, for very large sets.
   */
  constructor(private readonly fuzzy = true) {}

  /** Files `value` under the name `parts`. */
  add(parts: NameParts, value: T): void {
    const { full, short } = nameKeys(parts);
    if (full === '') return;
    const keys = new Set([full, ...(short ? [short] : []), ...this.near(full)]);
    for (const key of keys) {
      const list = this.byKey.get(key);
      if (list) list.push({ value, parts });
      else this.byKey.set(key, [{ value, parts }]);
    }
  }

  /** The values whose names are alike `parts` (each once, in filing order). */
  find(parts: NameParts): T[] {
    const { full, short } = nameKeys(parts);
    if (full === '') return [];
    const seen = new Set<T>();
    const out: T[] = [];
    for (const key of new Set([full, ...(short ? [short] : []), ...this.near(full)])) {
      for (const entry of this.byKey.get(key) ?? []) {
        if (seen.has(entry.value) || !namesAlike(parts, entry.parts)) continue;
        seen.add(entry.value);
        out.push(entry.value);
      }
    }
    return out;
  }

  private near(full: string): string[] {
    return this.fuzzy && [...full].length >= MIN_FUZZY_LENGTH ? deletions(full) : [];
  }
}
