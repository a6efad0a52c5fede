/**
 * The error report of an import: the rows that were not imported, as the file had them, with one
 * more column, «Помилка» / «Error», saying why in the user's language — a CSV for Ukrainian Excel
 * (UTF-8 with a BOM, `;`, formula-safe cells as the exports write them), so the person can fix
 * the rows and import the report itself (the extra column is not a field and is skipped).
 * The file is the importer's own: the rows come from it, and a duplicate of a record they cannot
 * see is explained without naming that record (the same message as the dry run).
 */
import { importProblemText } from '../../src-shared/import';
import { csvCell } from '../exports/csv';
import { editedRows, type RowEdits } from './edits';
import type { RowProblem } from './plan';
import type { ImportTable } from './read';

/** The extra column's header. */
export const ERROR_COLUMN = { uk: 'Помилка', en: 'Error' } as const;

/** Collects every problem of a run (not only the listed ones), by row number. */
export class ProblemRows {
  readonly byRow = new Map<number, RowProblem[]>();

  /** The listener to hand to the dry run or the commit. */
  readonly listen = (problem: RowProblem): void => {
    const list = this.byRow.get(problem.row) ?? [];
    list.push(problem);
    this.byRow.set(problem.row, list);
  };
}

/**
 * Reads the file again and writes the rows `problems` names (data rows numbered from 1, as the
 * run numbered them), each with its reason. Only a header row when nothing was refused.
 */
export async function errorReportCsv(
  table: ImportTable,
  problems: ProblemRows,
  locale: 'uk' | 'en',
  edits?: RowEdits,
): Promise<string> {
  const line = (cells: readonly string[]) => `${cells.map(c => csvCell(c, ';')).join(';')}\r\n`;
  const out = [`\uFEFF${line([...table.headers, ERROR_COLUMN[locale]])}`];
  if (problems.byRow.size === 0) return out.join('');
  for await (const [row, cells] of editedRows(table, edits)) {
    const found = problems.byRow.get(row);
    if (found === undefined) continue;
    const reason = found.map(p => importProblemText(locale, p)).join(' ');
    out.push(line([...cells, reason]));
  }
  return out.join('');
}
