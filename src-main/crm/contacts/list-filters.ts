/**
 * The contact list's view filters (issue 18, point 6): source, date created (from / before),
 * company. The list and the export apply the same SQL, next to the scope, so an export "of what
 * the list shows" holds exactly the shown rows.
 */
import { sql, type SqlBool } from 'kysely';
import { tidyText } from '../../../src-shared/contacts';

/** The view filters of a contacts query (all optional; absent = no narrowing). */
export interface ContactViewFilter {
  /** The contact's source, e.g. "OLX" (ASCII letters match case-insensitively). */
  source?: string | undefined;
  /** Created at or after this instant (ISO 8601). */
  createdFrom?: string | undefined;
  /** Created before this instant (ISO 8601). */
  createdBefore?: string | undefined;
  /** Linked to this company. */
  companyId?: string | undefined;
}

/** True when any view filter narrows the list. */
export function hasViewFilter(filter: ContactViewFilter): boolean {
  return (
    Boolean(filter.source?.trim()) ||
    filter.createdFrom !== undefined ||
    filter.createdBefore !== undefined ||
    filter.companyId !== undefined
  );
}

/** The view filters as one SQL condition on `contacts` (true when none is set). */
export function viewFilterSql(filter: ContactViewFilter) {
  const parts = [];
  const source = filter.source ? tidyText(filter.source) : '';
  if (source) parts.push(sql<SqlBool>`contacts.source = ${source} collate nocase`);
  if (filter.createdFrom !== undefined)
    parts.push(sql<SqlBool>`contacts.created_at >= ${filter.createdFrom}`);
  if (filter.createdBefore !== undefined)
    parts.push(sql<SqlBool>`contacts.created_at < ${filter.createdBefore}`);
  if (filter.companyId !== undefined)
    parts.push(sql<SqlBool>`contacts.company_id = ${filter.companyId}`);
  if (parts.length === 0) return sql<SqlBool>`1`;
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}
