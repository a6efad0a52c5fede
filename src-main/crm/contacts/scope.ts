/**
 * The caller's scope as a SQL condition on `contacts`: the only place that decides which rows a
 * query may touch. Every read and write of a contact goes through it, so an id outside the scope
 * behaves exactly like an id that does not exist.
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../vault/schema';
import { inScope, type Viewer } from '../record/viewer';

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
  const owned = inScope('contacts', viewer);
  if (viewer.scope === 'all' || access === 'manage') return owned;
  return eb.or([
    owned,
    eb(
      'contacts.id',
      'in',
      eb
        .selectFrom('contact_shares')
        .select('contact_shares.contact_id')
        .where('contact_shares.user_id', '=', viewer.userId),
    ),
  ]);
}
