/**
 * Moves the links of merged-away records to the survivor (./links.ts says which). Deals,
 * activities and contacts are owned records: each moved one is stamped as an edit by the person
 * merging (`updated_at` strictly after its own, `updated_by`: a form opened on it before the merge
 * gets `conflict` instead of writing its old link back) and goes to the office sync outbox through
 * the record module (`recordChanged`) in the same transaction.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../vault/schema';
import { nextTime, recordChanged, storedRow, type OwnedTable } from '../record/changes';
import type { LinkSpec } from './links';

const OWNED: ReadonlySet<string> = new Set(['contacts', 'companies', 'deals', 'activities']);

function linkedTo(spec: LinkSpec, ids: readonly string[]): RawBuilder<unknown> {
  const own = sql`${sql.ref(spec.column)} IN (${sql.join(ids)})`;
  return spec.filter ? sql`${own} AND ${sql.ref(spec.filter.column)} = ${spec.filter.value}` : own;
}

/** Who moves links, and when: the stamp moved owned rows get. */
export interface MoveStamp {
  now: Date;
  userId: string;
}

/**
 * Points every `spec` row of `mergedIds` at `survivorId`, owned rows stamped by `stamp`; answers
 * how many rows pointed there.
 */
export async function moveLinks(
  db: Kysely<Database>,
  spec: LinkSpec,
  survivorId: string,
  mergedIds: readonly string[],
  stamp: MoveStamp,
): Promise<number> {
  const table = sql.table(spec.table);
  const where = linkedTo(spec, mergedIds);
  const { rows } = await sql<{
    n: number;
  }>`SELECT count(*) AS n FROM ${table} WHERE ${where}`.execute(db);
  const count = rows[0]?.n ?? 0;
  if (count === 0) return 0;
  const owned = OWNED.has(spec.table) ? (spec.table as OwnedTable) : null;
  const ids = owned
    ? (
        await sql<{
          id: string;
          updated_at: string;
        }>`SELECT id, updated_at FROM ${table} WHERE ${where}`.execute(db)
      ).rows
    : [];
  const stored = [];
  for (const { id } of ids) stored.push({ id, row: owned ? await storedRow(db, owned, id) : null });
  const set = sql`${sql.ref(spec.column)} = ${survivorId}`;
  if (spec.move === 'unique') {
    // The survivor may already have this row (the same colleague, its own objection): keep that one.
    await sql`UPDATE OR IGNORE ${table} SET ${set} WHERE ${where}`.execute(db);
    await sql`DELETE FROM ${table} WHERE ${where}`.execute(db);
  } else {
    await sql`UPDATE ${table} SET ${set} WHERE ${where}`.execute(db);
  }
  for (const { id, updated_at: previous } of ids) {
    const at = nextTime(stamp.now, previous);
    await sql`UPDATE ${table} SET updated_at = ${at}, updated_by = ${stamp.userId} WHERE id = ${id}`.execute(
      db,
    );
  }
  if (owned) for (const { id, row } of stored) await recordChanged(db, owned, id, row);
  return count;
}
