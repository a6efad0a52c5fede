/** Test support (never imported by app code): team rows written straight into a test vault. */
import type { Kysely } from 'kysely';
import type { Database } from '../vault/schema';

/** Teams whose id and name are each of `ids` (as migration 0025 makes them from old team ids). */
export async function insertTestTeams(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  const at = '2026-03-01T09:00:00.000Z';
  for (const id of ids) {
    await db
      .insertInto('teams')
      .values({ id, name: id, name_key: id, created_at: at, updated_at: at })
      .onConflict(oc => oc.doNothing())
      .execute();
  }
}
