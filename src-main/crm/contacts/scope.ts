/**
 * The caller's scope as a SQL condition on `contacts`: the only place that decides which rows a
 * query may touch. Every read and write of a contact goes through it, so an id outside the scope
 * behaves exactly like an id that does not exist.
 */
import type { Database } from '../../vault/schema';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Viewer } from './tables';

/**
 * What the caller wants to do with the row:
 * - `use` (read, edit): in scope `own`, a contact shared with the caller counts as theirs;
 * - `manage` (delete, reassign, share): only contacts the caller (or, in wider scopes, their team
 *   or anyone) owns. A share lets a colleague work on a client, not dispose of them.
 */
export type ScopeAccess = 'use' | 'manage';

/** `WHERE` condition limiting `contacts` rows to the viewer's scope. */
export function scopeCondition(
  eb: ExpressionBuilder<Database, 'contacts'>,
  viewer: Viewer,
  access: ScopeAccess,
): Expression<SqlBool> {
  if (viewer.scope === 'all') return sql<SqlBool>`1`;
  const alternatives: Expression<SqlBool>[] = [eb('contacts.owner_id', '=', viewer.userId)];
  if (access === 'use') {
    alternatives.push(
      eb(
        'contacts.id',
        'in',
        eb
          .selectFrom('contact_shares')
          .select('contact_shares.contact_id')
          .where('contact_shares.user_id', '=', viewer.userId),
      ),
    );
  }
  if (viewer.scope === 'team' && viewer.teamId !== null) {
    alternatives.push(
      eb(
        'contacts.owner_id',
        'in',
        eb.selectFrom('users').select('users.id').where('users.team_id', '=', viewer.teamId),
      ),
    );
  }
  return eb.or(alternatives);
}
