/**
 * The stored search text (`search_text`) and its words: folded like the sort key, each word a
 * substring of the column. The lists filter live rows through FTS5 (./text-filter.ts); these words
 * match the deleted rows a restore view shows, which the index does not hold.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { collationText } from '../../../src-shared/contacts';

/** At most this many words of the text filter are used. */
const MAX_WORDS = 8;

/** Search words folded like the stored search text; a phone-like query is one run of digits. */
export function searchWords(text: string): string[] {
  const trimmed = text.trim();
  const digits = trimmed.replace(/\D/gu, '');
  if (/^\+?[\d\s().-]+$/u.test(trimmed) && digits.length >= 3) return [digits];
  return [...new Set(trimmed.split(/\s+/u).map(collationText))]
    .filter(word => word.length > 0)
    .slice(0, MAX_WORDS);
}

/** Every word appears in `column` (a fixed column reference, never input). */
export function wordsSql(column: string, words: readonly string[]): RawBuilder<SqlBool> {
  const each = words.map(word => sql<SqlBool>`instr(${sql.ref(column)}, ${word}) > 0`);
  return sql<SqlBool>`(${sql.join(each, sql` AND `)})`;
}

/** The stored search text of a record: its parts folded like the sort key, empty ones left out. */
export function foldedSearchText(parts: readonly string[]): string {
  return parts
    .map(collationText)
    .filter(part => part.length > 0)
    .join(' ');
}
