/**
 * The caller's scope as a SQL condition on `deals`: the only place that decides which deal rows a
 * query may touch. Deals are not shared: own = I own it; team = its owner is in my team (a team
 * scope without a team is own); all = every row. An id outside the scope behaves exactly like an id
 * that does not exist.
 */
import type { Database } from '../../vault/schema';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Viewer } from './tables';

/** `WHERE` condition limiting `deals` rows to the viewer's scope. */
export function dealScopeCondition(
  eb: ExpressionBuilder<Database, 'deals'>,
  viewer: Viewer,
): Expression<SqlBool> {
  if (viewer.scope === 'all') return sql<SqlBool>`1`;
  const own = eb('deals.owner_id', '=', viewer.userId);
  if (viewer.scope !== 'team' || viewer.teamId === null) return own;
  return eb.or([
    own,
    eb(
      'deals.owner_id',
      'in',
      eb.selectFrom('users').select('users.id').where('users.team_id', '=', viewer.teamId),
    ),
  ]);
}
