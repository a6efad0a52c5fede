/**
 * The monthly review as CSV: UTF-8 with a BOM (Excel reads Cyrillic names), CRLF lines, one row per
 * person with the columns of the review table, every text cell formula-safe (a login such as
 * `=HYPERLINK(…)` stays text). Ukrainian files use `;` (the list separator of Ukrainian Excel),
 * English ones `,`.
 */
import type { MonthlyReview } from '../../src-shared/ipc/reports';
import { reviewSummaryTable } from '../../src-shared/reports/review-document';
import { csvCell } from '../audit/export';

/** The review's CSV text. */
export function reviewCsv(review: MonthlyReview, lang: 'uk' | 'en'): string {
  const delimiter = lang === 'uk' ? ';' : ',';
  const table = reviewSummaryTable(review, lang);
  const line = (cells: string[]): string =>
    `${cells.map(c => csvCell(c, delimiter)).join(delimiter)}\r\n`;
  return `\uFEFF${line(table.columns)}${table.rows.map(line).join('')}`;
}

/** `zamok-review-2026-11.csv` */
export function reviewFileName(month: string, ext: 'csv' | 'pdf' | 'json'): string {
  return `zamok-review-${month}.${ext}`;
}

/** `zamok-regulation-uk.pdf` */
export function regulationFileName(lang: 'uk' | 'en'): string {
  return `zamok-regulation-${lang}.pdf`;
}
