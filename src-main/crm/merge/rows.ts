/**
 * The rows a merge touches, as stored: captured before and after the merge, compared, and put back
 * by unmerge. Generic over the tables in ./links.ts (fixed names, never input), every value bound
 * as a parameter. A document's `file_key` is never copied: a merge never changes it, and a copy in
 * the merge record would outlive the document's own crypto-erasure.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../vault/schema';
import { recordChanged, storedRow, type OwnedTable } from '../record/changes';
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

/**
 * Puts `change.before` back: updates a row the merge changed, inserts one it removed, deletes one
 * it added. Owned records (contacts, companies, deals, activities) go to the sync outbox.
 */
export async function putBack(db: Kysely<Database>, change: RowChange): Promise<void> {
  const owned = OWNED.has(change.table) ? (change.table as OwnedTable) : null;
  const id = typeof change.key.id === 'string' ? change.key.id : null;
  const stored = owned && id ? await storedRow(db, owned, id) : null;
  const table = sql.table(change.table);
  if (change.before === null) {
    await sql`DELETE FROM ${table} WHERE ${whereKey(change.key)}`.execute(db);
  } else if (change.after === null) {
    const entries = Object.entries(change.before);
    await sql`INSERT INTO ${table} (${sql.join(entries.map(([c]) => sql.ref(c)))})
      VALUES (${sql.join(entries.map(([, v]) => v))})`.execute(db);
  } else {
    const sets = Object.entries(change.before).map(([c, v]) => sql`${sql.ref(c)} = ${v}`);
    await sql`UPDATE ${table} SET ${sql.join(sets)} WHERE ${whereKey(change.key)}`.execute(db);
  }
  if (owned && id) await recordChanged(db, owned, id, stored);
}
