/**
 * A printable report as plain data: title, lines under it, and sections of paragraphs, bullets and
 * tables. The renderer shows it on screen and main writes the same structure as a PDF, so the screen
 * and the file never say different things.
 */

/** A table: column headings and rows of cell text (same length as `columns`). */
export interface ReportTable {
  columns: string[];
  rows: string[][];
}

/** One section of a report. */
export interface ReportSection {
  heading: string;
  paragraphs?: string[];
  bullets?: string[];
  table?: ReportTable;
}

/** A whole report in one language. */
export interface ReportDocument {
  lang: 'uk' | 'en';
  title: string;
  /** Lines under the title: when it was generated, by which version, for which period. */
  subtitle: string[];
  sections: ReportSection[];
}
