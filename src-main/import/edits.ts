/**
 * The wizard's fixes of a dry run: a bad row's cells edited in place, or the row dropped. Rows keep
 * the file's numbering (a dropped row is skipped, not renumbered), so problems, the error report and
 * later edits all name the same rows. Edits never reach the file: they are applied to each pass.
 */
import type { ImportTable } from './read';

/** Row number (data rows from 1) → its new cells, or null to leave it out. */
export type RowEdits = ReadonlyMap<number, readonly string[] | null>;

/** At most this many rows' cells come back for fixing (the first bad rows). */
export const MAX_FIXABLE_ROWS = 200;

/** The edits as main keeps them: cells cut or padded to the header's width. */
export function rowEditsOf(
  edits: readonly { row: number; cells: string[] | null }[] | undefined,
  width: number,
): RowEdits | undefined {
  if (edits === undefined || edits.length === 0) return undefined;
  const out = new Map<number, readonly string[] | null>();
  for (const edit of edits) {
    const cells = edit.cells?.slice(0, width) ?? null;
    while (cells !== null && cells.length < width) cells.push('');
    out.set(edit.row, cells);
  }
  return out;
}

/** The rows of a pass with `edits` applied: `[row number, cells]`, dropped rows left out. */
export async function* editedRows(
  table: ImportTable,
  edits: RowEdits | undefined,
): AsyncGenerator<[number, readonly string[]]> {
  let row = 0;
  for await (const cells of table.rows()) {
    row++;
    const edit = edits?.get(row);
    if (edit === null) continue;
    yield [row, edit ?? cells];
  }
}

/** The (edited) cells of `rows`, at most {@link MAX_FIXABLE_ROWS}: the importer's own file. */
export async function cellsOfRows(
  table: ImportTable,
  rows: ReadonlySet<number>,
  edits: RowEdits | undefined,
): Promise<Record<number, readonly string[]>> {
  const out: Record<number, readonly string[]> = {};
  let left = Math.min(rows.size, MAX_FIXABLE_ROWS);
  if (left === 0) return out;
  for await (const [row, cells] of editedRows(table, edits)) {
    if (!rows.has(row)) continue;
    out[row] = cells;
    if (--left === 0) break;
  }
  return out;
}
