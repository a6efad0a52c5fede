/**
 * Who asks, and the caller's scope as SQL: an owned record (contact, company, deal, activity) is in
 * scope `own` when the caller owns it, `team` when its owner is the caller or in the caller's team
 * (a team scope without a team is own), `all` always. Contacts add their shares on top
 * (crm/contacts/scope.ts). Everything is a SQL condition: nothing is filtered after fetching.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Scope } from '../../../src-shared/permissions';

/** Who asks: the user and their team (users.team_id). */
export interface ScopeOwner {
  userId: string;
  /** The caller's team, or null: then scope `team` covers only their own records. */
  teamId: string | null;
}

/**
 * Who is asking, and how far their grant for this call reaches. The scope always comes from the
 * caller's role (the router's grant for the channel's permission), never from the request.
 */
export interface Viewer extends ScopeOwner {
  scope: Scope;
  /**
   * The caller's `companies.read` scope, if they have one: which company a contact may be linked
   * to by them, and whose name they see on a contact. Absent: no company is linkable or shown.
   */
  companyScope?: Scope | undefined;
}

/** The viewer that reaches every record: for reading a record back after an allowed write. */
export const UNSCOPED: Viewer = Object.freeze({ userId: '', teamId: null, scope: 'all' });

/** The owner column of each owned table (a fixed reference, never input). */
export type OwnerColumn =
  'contacts.owner_id' | 'companies.owner_id' | 'deals.owner_id' | 'activities.owner_id';

/** `column` (an owner id) in the scope `scope` of `who`. */
export function ownerScopeSql(
  column: OwnerColumn,
  who: ScopeOwner,
  scope: Scope,
): RawBuilder<SqlBool> {
  if (scope === 'all') return sql<SqlBool>`1`;
  const ref = sql.ref(column);
  if (scope === 'team' && who.teamId !== null) {
    return sql<SqlBool>`(${ref} = ${who.userId} OR ${ref} IN (SELECT users.id FROM users WHERE users.team_id = ${who.teamId}))`;
  }
  return sql<SqlBool>`${ref} = ${who.userId}`;
}

/** The viewer's scope over an owned table's rows, by owner (contacts add shares: contacts/scope.ts). */
export function inScope(
  table: 'contacts' | 'companies' | 'deals' | 'activities',
  viewer: Viewer,
): RawBuilder<SqlBool> {
  return ownerScopeSql(`${table}.owner_id`, viewer, viewer.scope);
}
