/**
 * The rows a merge touches, as stored: captured before and after the merge, compared, and put back
 * by unmerge. Generic over the tables in ./links.ts (fixed names, never input), every value bound
 * as a parameter. A document's `file_key` is never copied: a merge never changes it, and a copy in
 * the merge record would outlive the document's own crypto-erasure.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../vault/schema';
import { nextTime, recordChanged, storedRow, type OwnedTable } from '../record/changes';
import type { LinkSpec } from './links';

/** A stored value (SQLite text, integer, real or null). */
export type StoredValue = string | number | null;
/** A stored row, column → value. */
export type StoredRecord = Record<string, StoredValue>;

/** One row the merge changed: its key, its columns before and after (null: absent). */
export interface RowChange {
  table: string;
  key: StoredRecord;
  before: StoredRecord | null;
  after: StoredRecord | null;
}

/** Columns never copied into a merge record. */
const SECRET_COLUMNS = new Set(['file_key']);

const OWNED: ReadonlySet<string> = new Set(['contacts', 'companies', 'deals', 'activities']);

async function columnsOf(db: Kysely<Database>, table: string): Promise<string[]> {
  const { rows } = await sql<{
    name: string;
  }>`SELECT name FROM pragma_table_info(${table}) ORDER BY cid`.execute(db);
  return rows.map(r => r.name).filter(name => !SECRET_COLUMNS.has(name));
}

function filterSql(spec: LinkSpec): RawBuilder<unknown> {
  return spec.filter ? sql`AND ${sql.ref(spec.filter.column)} = ${spec.filter.value}` : sql``;
}

function keyOf(spec: { key: readonly string[] }, row: StoredRecord): string {
  return JSON.stringify(spec.key.map(k => row[k]));
}

/** The rows of `spec.table` whose link column names one of `ids`, keyed by primary key. */
async function readLinked(
  db: Kysely<Database>,
  spec: LinkSpec,
  ids: readonly string[],
): Promise<Map<string, StoredRecord>> {
  const columns = await columnsOf(db, spec.table);
  const { rows } = await sql<StoredRecord>`SELECT ${sql.join(columns.map(c => sql.ref(c)))}
    FROM ${sql.table(spec.table)} WHERE ${sql.ref(spec.column)} IN (${sql.join(ids)}) ${filterSql(spec)}`.execute(
    db,
  );
  return new Map(rows.map(row => [keyOf(spec, row), row]));
}

/** What the tables in `specs` hold for `ids`, to compare with {@link changedRows} later. */
export async function captureRows(
  db: Kysely<Database>,
  specs: readonly LinkSpec[],
  ids: readonly string[],
): Promise<Map<string, StoredRecord>[]> {
  const out: Map<string, StoredRecord>[] = [];
  for (const spec of specs) out.push(await readLinked(db, spec, ids));
  return out;
}

function sameRow(a: StoredRecord | null | undefined, b: StoredRecord | null | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The rows that differ between two captures of the same specs and ids. */
export function changedRows(
  specs: readonly LinkSpec[],
  before: Map<string, StoredRecord>[],
  after: Map<string, StoredRecord>[],
): RowChange[] {
  const out: RowChange[] = [];
  specs.forEach((spec, i) => {
    const was = before[i] ?? new Map<string, StoredRecord>();
    const now = after[i] ?? new Map<string, StoredRecord>();
    for (const key of new Set([...was.keys(), ...now.keys()])) {
      const b = was.get(key) ?? null;
      const a = now.get(key) ?? null;
      if (sameRow(b, a)) continue;
      const row = (a ?? b) as StoredRecord;
      const keyRow = Object.fromEntries(spec.key.map(k => [k, row[k] ?? null]));
      out.push({ table: spec.table, key: keyRow, before: b, after: a });
    }
  });
  return out;
}

function whereKey(key: StoredRecord): RawBuilder<unknown> {
  return sql.join(
    Object.entries(key).map(([column, value]) => sql`${sql.ref(column)} = ${value}`),
    sql` AND `,
  );
}

/** The row with `change`'s key as it is stored now (the columns the merge record holds). */
export async function currentRow(
  db: Kysely<Database>,
  change: RowChange,
): Promise<StoredRecord | null> {
  const sample = change.after ?? change.before ?? change.key;
  const columns = Object.keys(sample);
  const { rows } = await sql<StoredRecord>`SELECT ${sql.join(columns.map(c => sql.ref(c)))}
    FROM ${sql.table(change.table)} WHERE ${whereKey(change.key)}`.execute(db);
  return rows[0] ?? null;
}

/** `table.column` for each column where `now` differs from what the merge left (`after`). */
export function driftOf(change: RowChange, now: StoredRecord | null): string[] {
  if (sameRow(now, change.after)) return [];
  if (now === null || change.after === null) return [change.table];
  const after = change.after;
  return Object.keys(after)
    .filter(column => now[column] !== after[column])
    .map(column => `${change.table}.${column}`);
}

/** Who puts rows back, and when: the stamp restored owned rows get. */
export interface PutBackStamp {
  now: Date;
  userId: string;
}

/**
 * The columns to write back: `change.before`, except that an owned record's `updated_at` and
 * `updated_by` say who put it back and when (strictly after what the merge left). Its stored
 * fields come back byte for byte, but its concurrency token moves on: a form opened on the
 * record before the merge, or on the merged record after it, gets `conflict` instead of
 * silently writing over the restored values (the token would otherwise come back to a value a
 * stale form still holds).
 */
function restoredColumns(
  change: RowChange & { before: StoredRecord },
  owned: boolean,
  stamp: PutBackStamp,
): StoredRecord {
  if (!owned || !('updated_at' in change.before)) return change.before;
  const left = change.after?.updated_at ?? change.before.updated_at;
  return {
    ...change.before,
    updated_at: nextTime(stamp.now, typeof left === 'string' ? left : undefined),
    ...('updated_by' in change.before ? { updated_by: stamp.userId } : {}),
  };
}

/**
 * Puts `change.before` back: updates a row the merge changed, inserts one it removed, deletes one
 * it added. Owned records (contacts, companies, deals, activities) get a fresh `updated_at` by
 * `stamp` (see {@link restoredColumns}) and go to the sync outbox.
 */
export async function putBack(
  db: Kysely<Database>,
  change: RowChange,
  stamp: PutBackStamp,
): Promise<void> {
  const owned = OWNED.has(change.table) ? (change.table as OwnedTable) : null;
  const id = typeof change.key.id === 'string' ? change.key.id : null;
  const stored = owned && id ? await storedRow(db, owned, id) : null;
  const table = sql.table(change.table);
  if (change.before === null) {
    await sql`DELETE FROM ${table} WHERE ${whereKey(change.key)}`.execute(db);
  } else {
    const columns = Object.entries(
      restoredColumns({ ...change, before: change.before }, owned !== null, stamp),
    );
    if (change.after === null) {
      await sql`INSERT INTO ${table} (${sql.join(columns.map(([c]) => sql.ref(c)))})
      VALUES (${sql.join(columns.map(([, v]) => v))})`.execute(db);
    } else {
      const sets = columns.map(([c, v]) => sql`${sql.ref(c)} = ${v}`);
      await sql`UPDATE ${table} SET ${sql.join(sets)} WHERE ${whereKey(change.key)}`.execute(db);
    }
  }
  if (owned && id) await recordChanged(db, owned, id, stored);
}
