/**
 * The record lists' text filter through the per-entity FTS5 tables that global search uses
 * (migrations 0013 and 0015): the same match expressions (src-main/crm/search/query.ts: Cyrillic and
 * Latin case folded, apostrophes ' ʼ ’ ‘ ` removed, every word a prefix of at most 8 letters,
 * digits-only input also a substring of phone digits and codes), the same indexed text. Scope,
 * the other filters, the order and the keyset cursor stay in the list's SQL.
 *
 * Two plans, chosen per request by a bounded count of the matches (FTS5 only, stops at
 * `FEW_MATCHES + 1`):
 * - `matches` (up to 4 000): the matches drive — FTS5 → search_rows → the record by id, scope and
 *   filters checked per match, the page sorted from them. A rare word costs what its matches cost
 *   (the old `instr` filter read every row: 285–300 ms at 100 000 contacts).
 * - `walk` (many): the list walks its order's index as without a filter and keeps rows whose key is
 *   among the matches (the matched rowids are collected once); with many matches a page fills
 *   after a few rows, while sorting them all would cost as much as the matches.
 *
 * Deleted rows are not in the index (a soft delete removes their text); lists that show them
 * (`includeDeleted`) match them with the stored `search_text` as before (`wordsSql`), and use the
 * `walk` plan.
 */
import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../vault/schema';
import { searchTerms, type SearchTerms } from '../search/query';
import { KEY_RANGE } from '../search/sources';
import { searchWords, wordsSql } from './search-words';

/** A list's full-text index: its FTS5 text table and its key range in search_rows. */
export interface TextIndex {
  /** `search_rows.entity_type`. */
  entityType: 'contact' | 'company' | 'deal';
  /** Key range `[code × 2^40, (code + 1) × 2^40)` (migration 0013). */
  code: number;
  textTable: 'search_text_contacts' | 'search_text_companies' | 'search_text_deals';
  /** Whether its phones and codes are in `search_digits`. */
  digits: boolean;
}

/** The indexes of the three filtered lists (the same as global search's sources). */
export const TEXT_INDEX = {
  contacts: { entityType: 'contact', code: 1, textTable: 'search_text_contacts', digits: true },
  companies: { entityType: 'company', code: 2, textTable: 'search_text_companies', digits: true },
  deals: { entityType: 'deal', code: 3, textTable: 'search_text_deals', digits: false },
} as const satisfies Record<string, TextIndex>;

/**
 * Up to this many matches the matches drive the page; above it the list walks its index. Not the
 * uniform-spread crossover (√(page × rows) ≈ 2 000 at 100 000 contacts): a name typed into a list
 * sorted by name matches rows that sit together in that order, and the walk must pass every row
 * before them. Measured at 100 000 contacts (bench/README.md): a surname with 2 077 matches cost
 * 15 ms driven and 172 ms walked for the owner; a tag on 15% of contacts 100 ms driven, 15 ms
 * walked.
 */
export const FEW_MATCHES = 4000;

/** The threshold in use: `FEW_MATCHES`; tests lower it to reach the `walk` plan with a few rows. */
export const TEXT_FILTER_PLAN = { fewMatches: FEW_MATCHES };

/** A read text filter: what to match and how the list should run it. */
export interface TextFilter {
  index: TextIndex;
  terms: SearchTerms;
  /** The stored-text words for deleted rows (not in the index). */
  words: string[];
  plan: 'matches' | 'walk';
}

/** The rowids (search_rows keys) of the index's matches; `union` drops the rare duplicates. */
function matchedKeys(index: TextIndex, terms: SearchTerms): RawBuilder<{ rowid: number }> {
  const text = sql.table(index.textTable);
  const parts: RawBuilder<unknown>[] = [];
  if (terms.text !== null) {
    parts.push(sql`SELECT rowid FROM ${text} WHERE ${text} MATCH ${terms.text}`);
  }
  if (index.digits && terms.digits !== null) {
    const lo = index.code * KEY_RANGE;
    // search_digits is shared by the entities: the key range picks this one's rows (a seek).
    parts.push(
      sql`SELECT rowid FROM search_digits WHERE search_digits MATCH ${terms.digits}
        AND rowid BETWEEN ${sql.lit(lo)} AND ${sql.lit(lo + KEY_RANGE - 1)}`,
    );
  }
  return sql<{ rowid: number }>`${sql.join(parts, sql` UNION `)}`;
}

/** The text filter for `text` on `index` with the `walk` plan, or null without one. */
export function parseTextFilter(index: TextIndex, text: string | undefined): TextFilter | null {
  if (text === undefined || text.trim().length === 0) return null;
  return { index, terms: searchTerms(text), words: searchWords(text), plan: 'walk' };
}

/**
 * The text filter for `text` on `index`, or null without one. Counts the matches (at most
 * `FEW_MATCHES + 1`, FTS5 only) to pick the plan; lists showing deleted rows always walk.
 */
export async function readTextFilter(
  db: Kysely<Database>,
  index: TextIndex,
  text: string | undefined,
  o: { includeDeleted?: boolean | undefined } = {},
): Promise<TextFilter | null> {
  const filter = parseTextFilter(index, text);
  const { terms } = filter ?? {};
  if (!filter || !terms || (terms.text === null && terms.digits === null)) return filter;
  if (o.includeDeleted === true) return filter;
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (
      SELECT rowid FROM (${matchedKeys(index, terms)}) LIMIT ${TEXT_FILTER_PLAN.fewMatches + 1})`.execute(
    db,
  );
  const few = Number(rows[0]?.n ?? 0) <= TEXT_FILTER_PLAN.fewMatches;
  return few ? { ...filter, plan: 'matches' } : filter;
}

/**
 * The filter as a condition on `table` (a fixed table name, never input; no filter: true), for the
 * `walk` plan: its live rows whose key is among the matches (collected once), and with `includeDeleted` its deleted rows whose stored `searchColumn`
 * holds every word. Text with nothing searchable in it (only punctuation) matches nothing, as in
 * global search.
 */
export function textMatchSql(
  table: 'contacts' | 'companies' | 'deals',
  filter: TextFilter | null,
  o: { includeDeleted?: boolean | undefined; searchColumn?: string } = {},
): RawBuilder<SqlBool> {
  if (filter === null) return sql<SqlBool>`1`;
  const { index, terms } = filter;
  if (terms.text === null && terms.digits === null) return sql<SqlBool>`0`;
  const t = sql.table(table);
  const live = sql<SqlBool>`(SELECT search_rows.id FROM search_rows
    WHERE search_rows.entity_type = ${sql.lit(index.entityType)}
      AND search_rows.entity_id = ${t}.id) IN (${matchedKeys(index, terms)})`;
  if (o.includeDeleted !== true || o.searchColumn === undefined || filter.words.length === 0) {
    return live;
  }
  return sql<SqlBool>`((${t}.deleted_at IS NULL AND ${live})
    OR (${t}.deleted_at IS NOT NULL AND ${wordsSql(o.searchColumn, filter.words)}))`;
}

/**
 * For the `matches` plan: the matched records' ids as a FROM source; join the record table after it
 * with CROSS JOIN (`... CROSS JOIN contacts WHERE contacts.id = matched.id`), which fixes that
 * order in SQLite, so the matches drive and no index walk is tried.
 */
export function matchedIdsSql(filter: TextFilter): RawBuilder<{ id: string }> {
  const { index, terms } = filter;
  // Parenthesised: kysely aliases a raw builder as it is.
  return sql<{ id: string }>`(SELECT search_rows.entity_id AS id
    FROM (${matchedKeys(index, terms)}) AS matched
    CROSS JOIN search_rows ON search_rows.id = matched.rowid)`;
}

/**
 * What a list of `table` selects from: the table, or for the `matches` plan the matched ids first
 * and the table after them (CROSS JOIN: SQLite keeps that order) joined by id.
 */
export function listSource<T extends 'contacts' | 'companies' | 'deals'>(
  db: Kysely<Database>,
  table: T,
  filter: TextFilter | null,
): SelectQueryBuilder<Database, T, object> {
  if (filter?.plan !== 'matches')
    return db.selectFrom(table) as SelectQueryBuilder<Database, T, object>;
  const query = db
    .selectFrom(matchedIdsSql(filter).as('matched'))
    .crossJoin(table as 'companies')
    .where(sql<SqlBool>`${sql.table(table)}.id = matched.id`);
  // The extra source changes only the builder's type: the list qualifies every column.
  return query as unknown as SelectQueryBuilder<Database, T, object>;
}
