/**
 * What the user typed → FTS5 match expressions. The same folding as the index (migration
 * 0013_search): apostrophes (' ʼ ’ ‘ `) are removed, so Мар'яна, Марʼяна and Мар’яна are one word;
 * case and diacritics are folded by the unicode61 tokenizer on both sides. Every word is a quoted
 * prefix (`"іва"*`), all words must match. Digits-only input of 3+ digits (phones, ЄДРПОУ) also
 * becomes a trigram substring match on the digits index.
 */

/** The longest input searched (longer text is cut, not refused: it comes from a search box). */
export const MAX_QUERY_CHARS = 200;
/** At most this many words take part in a match (more only slows the query down). */
export const MAX_QUERY_WORDS = 8;
/** The shortest digit run the trigram index can match. */
export const MIN_DIGITS = 3;

const APOSTROPHES = /['ʼ’‘`]/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** The FTS5 expressions for one search text; both null when nothing is searchable. */
export interface SearchTerms {
  /** For `search_index MATCH ?`: `"w1"* "w2"*`, or null. */
  text: string | null;
  /** For `search_digits MATCH ?` (trigram substring), or null. */
  digits: string | null;
}

/** Builds the match expressions. Words are quoted, so FTS5 syntax in the input is plain text. */
export function searchTerms(input: string): SearchTerms {
  const cut = input.slice(0, MAX_QUERY_CHARS).normalize('NFC').replace(APOSTROPHES, '');
  const words = (cut.match(WORD) ?? []).slice(0, MAX_QUERY_WORDS);
  const text = words.length === 0 ? null : words.map(w => `"${w}"*`).join(' ');
  const hasLetters = /\p{L}/u.test(cut);
  const digitRun = cut.replace(/\D/gu, '');
  const digits = !hasLetters && digitRun.length >= MIN_DIGITS ? `"${digitRun}"` : null;
  return { text, digits };
}
