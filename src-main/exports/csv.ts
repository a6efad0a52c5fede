/**
 * CSV of an export table. `excel`: UTF-8 with a BOM, `;` between cells, local dates and decimal
 * commas in the app's language, CRLF rows — what Ukrainian Excel opens by double-click without a
 * wizard (its list separator is `;` because `,` is the decimal mark). `plain`: UTF-8 without a BOM,
 * `,`, ISO 8601 UTC times and YYYY-MM-DD days, decimal points — for scripts and other programs.
 * Both are formula-safe: a cell starting with = + - @ (or a tab / carriage return) gets a leading
 * apostrophe, as in the contacts export (src-main/crm/contacts/export-format.ts); the importer
 * takes that apostrophe off again (src-shared/import/mapping.ts).
 */
import type { CsvStyle } from '../../src-shared/ipc/records';
import {
  amountText,
  localDateTime,
  localDay,
  type Cell,
  type DateStyle,
  type ExportTable,
} from './table';

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/u;

/** One field: formula-safe, quoted when it holds the delimiter, a quote or a line break. */
export function csvCell(value: string, delimiter: ',' | ';'): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  const needsQuotes = safe.includes(delimiter) || /["\r\n]/u.test(safe);
  return needsQuotes ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

function cellText(cell: Cell, style: CsvStyle, dates: DateStyle): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if ('at' in cell) return style === 'plain' ? cell.at : localDateTime(cell.at, dates);
  if ('day' in cell) return style === 'plain' ? cell.day : localDay(cell.day, dates.locale);
  return amountText(cell.minor, style === 'excel' && dates.locale === 'uk' ? ',' : '.');
}

/** The table as CSV text (the BOM included for `excel`). */
export function tableToCsv(table: ExportTable, style: CsvStyle, dates: DateStyle): string {
  const delimiter = style === 'excel' ? ';' : ',';
  const line = (cells: string[]) => `${cells.map(c => csvCell(c, delimiter)).join(delimiter)}\r\n`;
  const header = line(table.columns.map(c => c[dates.locale]));
  const body = table.rows.map(row => line(row.map(cell => cellText(cell, style, dates)))).join('');
  return `${style === 'excel' ? '\uFEFF' : ''}${header}${body}`;
}
