/**
 * The owner's display name that every record read shows beside the record.
 */
import { sql, type AliasedRawBuilder } from 'kysely';

/** Tables whose rows carry an `owner_id` (a foreign key to `users`, never null). */
export type OwnerNamedTable = 'contacts' | 'companies' | 'activities' | 'documents';

/**
 * `owner_name`: the display name of the row's owner, selected beside `selectAll(table)`. The
 * owner always exists (foreign key), so this reads the same rows as an inner join with `users`.
 */
export function ownerNameSql(table: OwnerNamedTable): AliasedRawBuilder<string, 'owner_name'> {
  const owner = sql.ref(`${table}.owner_id`);
  return sql<string>`(SELECT users.display_name FROM users WHERE users.id = ${owner})`.as(
    'owner_name',
  );
}
