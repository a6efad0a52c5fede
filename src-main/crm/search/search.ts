/**
 * The global search query: for each entity the caller may read, its FTS5 matches joined to the
 * record table with the caller's scope in the same SQL statement (never filtered after fetching),
 * newest first, at most `limit` per group.
 */
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../../vault/schema';
import { SEARCH_GROUPS, type SearchHit, type SearchResult } from '../../../src-shared/ipc/search';
import type { Grants } from '../../../src-shared/permissions';
import { grantOf } from '../../../src-shared/roles';
import { searchTerms } from './query';
import {
  KEY_RANGE,
  SEARCH_SOURCES,
  type SearchSource,
  type SearchViewer,
  type SourceRow,
} from './sources';

/** The caller: identity, team and the grants of their role. */
export interface Searcher {
  userId: string;
  teamId: string | null;
  grants: Grants;
}

/** What to search. */
export interface SearchQuery {
  text: string;
  /** Hits per group (1–50). */
  limit: number;
}

/** Stands for the match expression while a statement is compiled; swapped for the real one. */
const EXPR_SLOT = '\u0000zamok-search-expression';
/** Compiled statements kept (per source, table, scope and viewer: a handful per signed-in user). */
const COMPILED_CACHE_SIZE = 64;
const compiled = new Map<string, CompiledQuery<SourceRow>>();

/**
 * One source, one FTS table: the statement, compiled once per source, table, scope and viewer (the
 * viewer's ids are bound parameters of the scope; only the match expression changes per call).
 * `digits` is the shared trigram table (a key-range seek picks the source's rows); otherwise the
 * source's own text table.
 */
function statementFor(
  db: Kysely<Database>,
  source: SearchSource,
  digits: boolean,
  viewer: SearchViewer,
  limit: number,
): CompiledQuery<SourceRow> {
  const key = JSON.stringify([
    source.group,
    digits,
    viewer.scope,
    viewer.userId,
    viewer.teamId,
    limit,
  ]);
  const hit = compiled.get(key);
  if (hit) return hit;
  const lo = source.code * KEY_RANGE;
  const hi = lo + KEY_RANGE - 1;
  const ftsRef = sql.table(digits ? 'search_digits' : source.textTable);
  const range = digits ? sql`AND ${ftsRef}.rowid BETWEEN ${sql.lit(lo)} AND ${sql.lit(hi)}` : sql``;
  const table = sql.table(source.table);
  // CROSS JOIN fixes the order: FTS5 drives (newest first), then key → record.
  const query = sql<SourceRow>`
    SELECT ${source.columns}
    FROM ${ftsRef}
    CROSS JOIN search_rows ON search_rows.id = ${ftsRef}.rowid
    CROSS JOIN ${table} ON ${table}.id = search_rows.entity_id
    WHERE ${ftsRef} MATCH ${EXPR_SLOT}
      ${range}
      AND ${table}.deleted_at IS NULL
      AND ${source.scope(viewer)}
    ORDER BY ${ftsRef}.rowid DESC
    LIMIT ${limit}`.compile(db);
  compiled.set(key, query);
  if (compiled.size > COMPILED_CACHE_SIZE) {
    const oldest = compiled.keys().next().value;
    if (oldest !== undefined) compiled.delete(oldest);
  }
  return query;
}

/** The scoped matches of one source in one FTS table, newest first. */
async function matches(
  db: Kysely<Database>,
  source: SearchSource,
  digits: boolean,
  expr: string,
  viewer: SearchViewer,
  limit: number,
): Promise<SearchHit[]> {
  const statement = statementFor(db, source, digits, viewer, limit);
  const parameters = statement.parameters.map(p => (p === EXPR_SLOT ? expr : p));
  const { rows } = await db.executeQuery<SourceRow>({ ...statement, parameters });
  return rows.map(source.hit);
}

/**
 * Searches every group the caller's grants let them read. Groups without a read grant are absent;
 * text with nothing searchable gives empty groups. Digits-only input of 3+ digits also matches
 * inside phones and codes (listed first).
 */
export async function searchRecords(
  db: Kysely<Database>,
  who: Searcher,
  query: SearchQuery,
): Promise<SearchResult> {
  const terms = searchTerms(query.text);
  const result: SearchResult = {};
  for (const source of SEARCH_SOURCES) {
    const scope = grantOf(who.grants, source.permission);
    if (scope === undefined || scope === true) continue;
    const viewer: SearchViewer = { userId: who.userId, teamId: who.teamId, scope };
    const hits: SearchHit[] = [];
    if (terms.digits !== null && source.digits) {
      hits.push(...(await matches(db, source, true, terms.digits, viewer, query.limit)));
    }
    if (terms.text !== null && hits.length < query.limit) {
      const seen = new Set(hits.map(h => h.id));
      const more = await matches(db, source, false, terms.text, viewer, query.limit);
      for (const h of more) if (!seen.has(h.id) && hits.length < query.limit) hits.push(h);
    }
    result[source.group] = hits;
  }
  // Keep the declared group order in the object as well.
  return Object.fromEntries(
    SEARCH_GROUPS.filter(g => result[g] !== undefined).map(g => [g, result[g]]),
  ) as SearchResult;
}
