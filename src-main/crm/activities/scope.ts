/**
 * Scopes as SQL: the only place that decides which activities, and which records' timelines, a
 * query may touch. An activity is seen by its owner scope (own = owner is me; team = owner in my
 * team; all); a record (contact, company, deal) by the caller's read scope of that record type.
 * Everything here is a SQL condition: nothing is filtered after fetching.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Scope } from '../../../src-shared/permissions';
import { ownerScopeSql, type ScopeOwner } from '../record/viewer';

/** A record id: a bound value, or a column of the outer query (`activities.contact_id`). */
export type RecordIdSql = string | RawBuilder<unknown>;

/**
 * A live contact the caller may read (owner scope, or — in scope own and team — a share naming the
 * caller, as in src-main/crm/contacts/scope.ts with access `use`).
 */
export function contactReadableSql(
  id: RecordIdSql,
  who: ScopeOwner,
  scope: Scope,
): RawBuilder<SqlBool> {
  const shared =
    scope === 'all'
      ? sql<SqlBool>`0`
      : sql<SqlBool>`contacts.id IN (SELECT contact_shares.contact_id FROM contact_shares WHERE contact_shares.user_id = ${who.userId})`;
  return sql<SqlBool>`EXISTS (SELECT 1 FROM contacts WHERE contacts.id = ${id} AND contacts.deleted_at IS NULL AND (${ownerScopeSql('contacts.owner_id', who, scope)} OR ${shared}))`;
}

/** A live company the caller may read (companies are not shared). */
export function companyReadableSql(
  id: RecordIdSql,
  who: ScopeOwner,
  scope: Scope,
): RawBuilder<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM companies WHERE companies.id = ${id} AND companies.deleted_at IS NULL AND ${ownerScopeSql('companies.owner_id', who, scope)})`;
}

/** A deal the caller may read (`live` adds `deleted_at IS NULL` when the deals table has it). */
export function dealReadableSql(
  id: RecordIdSql,
  who: ScopeOwner,
  scope: Scope,
  hasDeletedAt: boolean,
): RawBuilder<SqlBool> {
  const live = hasDeletedAt ? sql<SqlBool>`deals.deleted_at IS NULL` : sql<SqlBool>`1`;
  return sql<SqlBool>`EXISTS (SELECT 1 FROM deals WHERE deals.id = ${id} AND ${live} AND ${ownerScopeSql('deals.owner_id', who, scope)})`;
}
