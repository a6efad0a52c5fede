/** Global search (FTS5, migration 0013_search): query building, per-entity sources, the scoped search. */
export { searchTerms, MAX_QUERY_CHARS, MIN_DIGITS, type SearchTerms } from './query';
export { searchRecords, type SearchQuery, type Searcher } from './search';
export { KEY_RANGE, SEARCH_SOURCES, type SearchSource, type SearchViewer } from './sources';
