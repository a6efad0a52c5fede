/**
 * The "date created", amount and "date closed" view filters of the company and deal lists (issue 18,
 * points 2 and 6), as SQL conditions applied next to the scope (the contact list has its own, with source and
 * company: ../contacts/list-filters.ts).
 */
import { sql, type SqlBool } from 'kysely';

/** Created at or after `createdFrom`, before `createdBefore` (ISO 8601 instants; absent = open). */
export interface CreatedRange {
  createdFrom?: string | undefined;
  createdBefore?: string | undefined;
}

/** The range as one condition on `table.created_at`, or null when it does not narrow. */
export function createdRangeSql(table: 'companies' | 'deals', range: CreatedRange) {
  const column = sql.ref(`${table}.created_at`);
  const parts = [];
  if (range.createdFrom !== undefined) parts.push(sql<SqlBool>`${column} >= ${range.createdFrom}`);
  if (range.createdBefore !== undefined)
    parts.push(sql<SqlBool>`${column} < ${range.createdBefore}`);
  if (parts.length === 0) return null;
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/** Closed (won or lost) at or after `closedFrom`, before `closedBefore` (ISO instants; absent = open). */
export interface ClosedRange {
  closedFrom?: string | undefined;
  closedBefore?: string | undefined;
}

/**
 * The range as one condition on `deals.closed_at`, or null when it does not narrow. An open deal
 * has no closing time, so any bound leaves it out (the dashboard's won/lost months read the same
 * column: src-main/crm/analytics/queries.ts).
 */
export function closedRangeSql(range: ClosedRange) {
  const parts = [];
  if (range.closedFrom !== undefined)
    parts.push(sql<SqlBool>`deals.closed_at >= ${range.closedFrom}`);
  if (range.closedBefore !== undefined)
    parts.push(sql<SqlBool>`deals.closed_at < ${range.closedBefore}`);
  if (parts.length === 0) return null;
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/** An amount range in integer minor units (kopiyky, cents), both ends inclusive; absent = open. */
export interface AmountRange {
  amountMin?: number | undefined;
  amountMax?: number | undefined;
}

/** The range as one condition on `deals.amount_minor`, or null when it does not narrow. */
export function amountRangeSql(range: AmountRange) {
  const parts = [];
  if (range.amountMin !== undefined)
    parts.push(sql<SqlBool>`deals.amount_minor >= ${range.amountMin}`);
  if (range.amountMax !== undefined)
    parts.push(sql<SqlBool>`deals.amount_minor <= ${range.amountMax}`);
  if (parts.length === 0) return null;
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}
