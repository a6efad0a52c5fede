/**
 * What the user typed → FTS5 match expressions. The same folding as the index (migration
 * 0013_search): apostrophes (' ʼ ’ ‘ `) are removed, so Мар'яна, Марʼяна and Мар’яна are one word;
 * case and diacritics are folded by the unicode61 tokenizer on both sides. Every word is a quoted
 * prefix (`"іва"*`), all words must match. Words longer than {@link MAX_PREFIX_CHARS} are cut to
 * that length: the text tables index prefixes of 1–8 characters (migration 0015), so every term is
 * one incremental lookup — a longer prefix would make FTS5 merge the doclists of all matching terms
 * first. In Ukrainian the first 8 letters almost always name one word in its inflected forms
 * ("передзвон" finds передзвонити and передзвонив either way). Digits-only input of 3+ digits (phones, ЄДРПОУ) also
 * becomes a trigram substring match on the digits index.
 */

/** The longest input searched (longer text is cut, not refused: it comes from a search box). */
export const MAX_QUERY_CHARS = 200;
/** At most this many words take part in a match (more only slows the query down). */
export const MAX_QUERY_WORDS = 8;
/** The longest prefix the text tables index (their `prefix = '1 … 8'` option in migration 0015). */
export const MAX_PREFIX_CHARS = 8;
/** The shortest digit run the trigram index can match. */
export const MIN_DIGITS = 3;

const APOSTROPHES = /['ʼ’‘`]/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** The FTS5 expressions for one search text; both null when nothing is searchable. */
export interface SearchTerms {
  /** For `search_text_<entity> MATCH ?`: `"w1"* "w2"*`, or null. */
  text: string | null;
  /** For `search_digits MATCH ?` (trigram substring), or null. */
  digits: string | null;
}

/** Builds the match expressions. Words are quoted, so FTS5 syntax in the input is plain text. */
export function searchTerms(input: string): SearchTerms {
  const cut = input.slice(0, MAX_QUERY_CHARS).normalize('NFC').replace(APOSTROPHES, '');
  const words = (cut.match(WORD) ?? []).slice(0, MAX_QUERY_WORDS);
  const prefixes = words.map(w => Array.from(w).slice(0, MAX_PREFIX_CHARS).join(''));
  const text = prefixes.length === 0 ? null : prefixes.map(w => `"${w}"*`).join(' ');
  const hasLetters = /\p{L}/u.test(cut);
  const digitRun = cut.replace(/\D/gu, '');
  const digits = !hasLetters && digitRun.length >= MIN_DIGITS ? `"${digitRun}"` : null;
  return { text, digits };
}
