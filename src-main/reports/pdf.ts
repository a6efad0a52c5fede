/**
 * Writes a {@link ReportDocument} as a PDF with pdfkit, streamed to the given output (a file in the
 * CLI, a bounded in-memory sink for the channels). Noto Sans is embedded for Cyrillic text
 * (build/fonts, OFL). Tables repeat their header on each new page, never leave it alone at a
 * page's foot, and are laid out so that no word is broken mid-way (issue 18 point 16).
 */
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { ReportDocument, ReportTable } from '../../src-shared/reports/document';

/** The fonts (two folders up from here and from out/main/, as package.json for the version). */
function fontPath(name: string): string {
  return fileURLToPath(new URL(`../../build/fonts/${name}`, import.meta.url));
}

/** How the PDF is laid out. */
export interface PdfOptions {
  /** Landscape for wide tables (the monthly review). */
  landscape?: boolean;
  /** `false` in tests, to read the text in the file; compressed otherwise. */
  compress?: boolean;
}

type Doc = InstanceType<typeof PDFDocument>;

/** The widest word of `texts` in the current font. */
function widestWord(doc: Doc, texts: readonly string[]): number {
  let widest = 0;
  for (const text of texts) {
    for (const word of text.split(/\s+/)) widest = Math.max(widest, doc.widthOfString(word));
  }
  return widest;
}

/** The smallest table font: below it a word may break rather than the text become unreadable. */
const MIN_TABLE_FONT = 5.5;

/**
 * Column widths and the font size of a table. Each column is at least as wide as its longest word
 * (heading words in bold, cell words in regular), so pdfkit never has to break a word mid-way; the
 * rest of the width goes to columns with long cells (names, permission lists), bounded. When the
 * words cannot all fit, the font shrinks in half-point steps (down to {@link MIN_TABLE_FONT}).
 */
function layoutTable(
  doc: Doc,
  table: ReportTable,
  total: number,
  pad: number,
  fontSize: number,
): { widths: number[]; fontSize: number } {
  const minimumAt = (size: number): number[] =>
    table.columns.map((heading, i) => {
      doc.font('bold').fontSize(size);
      const head = widestWord(doc, [heading]);
      doc.font('regular').fontSize(size);
      const cells = widestWord(
        doc,
        table.rows.map(r => r[i] ?? ''),
      );
      return Math.max(head, cells) + 2 * pad + 1;
    });
  let size = fontSize;
  let minimum = minimumAt(size);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  while (sum(minimum) > total && size > MIN_TABLE_FONT) {
    size -= 0.5;
    minimum = minimumAt(size);
  }
  doc.font('regular').fontSize(size);
  const wanted = table.columns.map((_, i) =>
    Math.min(
      Math.max(0, ...table.rows.map(r => doc.widthOfString(r[i] ?? ''))) + 2 * pad + 1,
      total * 0.45,
    ),
  );
  const base = sum(minimum);
  if (base >= total) return { widths: minimum.map(m => (m / base) * total), fontSize: size };
  const extra = wanted.map((w, i) => Math.max(0, w - (minimum[i] ?? 0)));
  const extraSum = sum(extra);
  const share = extraSum === 0 ? 0 : Math.min(1, (total - base) / extraSum);
  const widths = minimum.map((m, i) => m + (extra[i] ?? 0) * share);
  const used = sum(widths);
  return { widths: widths.map(w => (w / used) * total), fontSize: size };
}

/** A table laid out on the page: how tall a row is, how to draw one. */
interface TableLayout {
  rowHeight(cells: string[], bold: boolean): number;
  drawRow(cells: string[], bold: boolean): void;
}

function tableLayout(doc: Doc, table: ReportTable, fontSize: number): TableLayout {
  const left = doc.page.margins.left;
  const total = doc.page.width - left - doc.page.margins.right;
  const pad = 3;
  const { widths, fontSize: size } = layoutTable(doc, table, total, pad, fontSize);
  const rowHeight = (cells: string[], bold: boolean): number => {
    doc.font(bold ? 'bold' : 'regular').fontSize(size);
    return (
      Math.max(
        ...cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] ?? 0) - 2 * pad })),
      ) +
      2 * pad
    );
  };
  const drawRow = (cells: string[], bold: boolean): void => {
    const height = rowHeight(cells, bold);
    const top = doc.y;
    let x = left;
    if (bold) doc.rect(left, top, total, height).fill('#eef1f5').fillColor('#000000');
    doc.font(bold ? 'bold' : 'regular').fontSize(size);
    cells.forEach((cell, i) => {
      const w = widths[i] ?? 0;
      doc.text(cell, x + pad, top + pad, { width: w - 2 * pad });
      x += w;
    });
    doc
      .moveTo(left, top + height)
      .lineTo(left + total, top + height)
      .lineWidth(0.5)
      .strokeColor('#c5cbd3')
      .stroke();
    doc.x = left;
    doc.y = top + height;
  };
  return { rowHeight, drawRow };
}

const pageBottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** The height a table needs to start: its header and first row (kept together on one page). */
function tableStartHeight(doc: Doc, layout: TableLayout, table: ReportTable): number {
  const first = table.rows[0];
  return layout.rowHeight(table.columns, true) + (first ? layout.rowHeight(first, false) : 0);
}

/**
 * Draws a table: the header never stays alone at the foot of a page (it moves on with the first
 * row), and a page break repeats it above the next row.
 */
function drawTable(doc: Doc, table: ReportTable, layout: TableLayout): void {
  if (doc.y + tableStartHeight(doc, layout, table) > pageBottom(doc)) doc.addPage();
  layout.drawRow(table.columns, true);
  for (const row of table.rows) {
    if (doc.y + layout.rowHeight(row, false) > pageBottom(doc)) {
      doc.addPage();
      layout.drawRow(table.columns, true);
    }
    layout.drawRow(row, false);
  }
  doc.moveDown(0.8);
}

/** Writes `report` to `out` and resolves when the output has flushed everything. */
export function writeReportPdf(
  report: ReportDocument,
  out: NodeJS.WritableStream,
  options: PdfOptions = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      layout: options.landscape ? 'landscape' : 'portrait',
      margin: 48,
      compress: options.compress ?? true,
      lang: report.lang,
      info: { Title: report.title, Creator: 'Zamok' },
    });
    out.on('finish', () => resolve());
    out.on('error', reject);
    doc.on('error', reject);
    doc.pipe(out);
    doc.registerFont('regular', fontPath('NotoSans-Regular.ttf'));
    doc.registerFont('bold', fontPath('NotoSans-Bold.ttf'));
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    const tableFont = options.landscape ? 7.5 : 8.5;

    doc.font('bold').fontSize(17).text(report.title, { width });
    doc.moveDown(0.3);
    doc.font('regular').fontSize(9).fillColor('#4a5260');
    for (const line of report.subtitle) doc.text(line, { width });
    doc.fillColor('#000000').moveDown(0.8);

    for (const section of report.sections) {
      const layout = section.table ? tableLayout(doc, section.table, tableFont) : null;
      if (section.heading) {
        // The heading stays with what follows: a table's header and first row, or some lines.
        doc.font('bold').fontSize(12.5);
        const follows =
          layout && section.table && !section.paragraphs?.length && !section.bullets?.length
            ? tableStartHeight(doc, layout, section.table)
            : 48;
        const need = doc.heightOfString(section.heading, { width }) + 6 + follows;
        if (doc.y + need > pageBottom(doc)) doc.addPage();
        doc.font('bold').fontSize(12.5).text(section.heading, { width });
        doc.moveDown(0.3);
      }
      doc.font('regular').fontSize(10);
      for (const p of section.paragraphs ?? []) {
        doc.text(p, { width, align: 'left' });
        doc.moveDown(0.4);
      }
      for (const b of section.bullets ?? []) {
        doc.text(`•  ${b}`, { width, indent: 0 });
        doc.moveDown(0.2);
      }
      if (section.table && layout) drawTable(doc, section.table, layout);
      doc.moveDown(0.4);
    }
    doc.end();
  });
}

/** Thrown when a report would exceed the in-memory bound. */
export class ReportTooLargeError extends Error {
  constructor(limit: number) {
    super(`The report is larger than ${limit} bytes.`);
    this.name = 'ReportTooLargeError';
  }
}

/**
 * The PDF in memory, refused beyond `maxBytes` (reports are small: tens of kilobytes per hundred
 * staff; the bound keeps a runaway from filling memory).
 */
export async function reportPdfBuffer(
  report: ReportDocument,
  maxBytes: number,
  options: PdfOptions = {},
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new ReportTooLargeError(maxBytes));
      chunks.push(chunk);
      done();
    },
  });
  await writeReportPdf(report, sink, options);
  return Buffer.concat(chunks);
}
