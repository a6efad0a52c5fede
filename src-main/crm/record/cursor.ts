/**
 * Keyset paging shared by the record lists: a page ends with the last row's sort value and id, the
 * next page starts strictly after them (never OFFSET: page 500 costs the same as page 1, and rows
 * added or removed between two pages neither repeat nor vanish). A cursor is opaque base64url
 * JSON `[...list key, value, id]`; one made for another list or order is `invalid_input`.
 */
import { sql, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { SortDirection } from '../../../src-shared/contacts';
import { RecordError } from './errors';

/** A position in a list: the sort value and id of the last row shown. */
export interface Cursor<V extends string | number = string> {
  value: V;
  id: string;
}

/** The cursor text of position (`value`, `id`) in the list identified by `key`. */
export function encodeCursor(key: readonly string[], value: string | number, id: string): string {
  return Buffer.from(JSON.stringify([...key, value, id]), 'utf8').toString('base64url');
}

/**
 * The position in `text`; `invalid_input` with `message` when it is damaged, was made for another
 * list key or holds a value of another type.
 */
export function decodeCursor<T extends 'string' | 'number'>(
  text: string,
  key: readonly string[],
  valueType: T,
  message = 'cursor: not from this list; start from the first page',
): Cursor<T extends 'number' ? number : string> {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parts = null;
  }
  const n = key.length;
  if (
    !Array.isArray(parts) ||
    parts.length !== n + 2 ||
    key.some((k, i) => parts[i] !== k) ||
    typeof parts[n] !== valueType ||
    typeof parts[n + 1] !== 'string'
  ) {
    throw new RecordError('invalid_input', message);
  }
  return { value: parts[n] as T extends 'number' ? number : string, id: parts[n + 1] as string };
}

/**
 * `(column, idColumn)` strictly after the cursor in `direction` (a row-value comparison on the
 * list's index); no cursor (the first page): true. Columns are fixed references, never input.
 */
export function afterCursorSql(
  column: string,
  idColumn: string,
  direction: SortDirection,
  cursor: Cursor<string | number> | undefined,
): RawBuilder<SqlBool> {
  if (cursor === undefined) return sql<SqlBool>`1`;
  const op = direction === 'asc' ? sql`>` : sql`<`;
  return sql<SqlBool>`(${sql.ref(column)}, ${sql.ref(idColumn)}) ${op} (${cursor.value}, ${cursor.id})`;
}

/** A keyset list's order: its sort column, id column and direction (fixed references, never input). */
export interface KeysetOrder {
  column: string;
  idColumn: string;
  direction: SortDirection;
}

/**
 * `query` in `order`, continuing strictly after `cursor` (none: from the top), `limit + 1` rows
 * (the extra row only says there is more: `keysetPage` cuts it).
 */
export function afterCursor<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  order: KeysetOrder,
  cursor: Cursor<string | number> | undefined,
  limit: number,
): SelectQueryBuilder<DB, TB, O> {
  const { column, idColumn, direction } = order;
  const after =
    cursor === undefined ? query : query.where(afterCursorSql(column, idColumn, direction, cursor));
  return after
    .orderBy(sql.ref(column), direction)
    .orderBy(sql.ref(idColumn), direction)
    .limit(limit + 1);
}

/**
 * The page of `rows` fetched with `limit + 1` (the extra row only says there is more) and the
 * cursor after its last row, or null at the end.
 */
export function pageOf<R extends { id: string; sort_value: string | number }, T>(
  rows: readonly R[],
  limit: number,
  key: readonly string[],
  item: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  return keysetPage(rows, limit, key, row => row.sort_value, item);
}

/**
 * `pageOf` for rows whose sort value is a column read by `sortValue`: the cursor after the last row
 * shown, or null at the end (or when that row has no sort value, e.g. a task without a due time).
 */
export function keysetPage<R extends { id: string }, T>(
  rows: readonly R[],
  limit: number,
  key: readonly string[],
  sortValue: (row: R) => string | number | null,
  item: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  const value = last === undefined || rows.length <= limit ? null : sortValue(last);
  return {
    items: shown.map(item),
    nextCursor: last !== undefined && value !== null ? encodeCursor(key, value, last.id) : null,
  };
}

/** What every record list is asked: an order, a page size, a cursor and a text filter. */
export interface ListRequest<S extends string> {
  sort: S;
  direction: SortDirection;
  cursor?: string | undefined;
  limit: number;
  filter?: { text?: string | undefined } | undefined;
}

/**
 * A list request read: the sort column, the cursor's list key (`prefix`, order, direction), the
 * position to continue after and the filter's text (read by `readTextFilter`). Sorts in `numeric`
 * have number values.
 */
export function readListRequest<S extends string, C extends string>(
  query: ListRequest<S>,
  columns: Record<S, C>,
  prefix: readonly string[],
  numeric: readonly S[] = [],
): { column: C; key: string[]; cursor: Cursor<string | number> | undefined; text?: string } {
  const key = [...prefix, query.sort, query.direction];
  const valueType = numeric.includes(query.sort) ? 'number' : 'string';
  return {
    column: columns[query.sort],
    key,
    cursor: query.cursor ? decodeCursor(query.cursor, key, valueType) : undefined,
    ...(query.filter?.text ? { text: query.filter.text } : {}),
  };
}
