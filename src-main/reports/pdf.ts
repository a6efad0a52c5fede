/**
 * Writes a {@link ReportDocument} as a PDF with pdfkit, streamed to the given output (a file in the
 * CLI, a bounded in-memory sink for the channels). Noto Sans is embedded for Cyrillic text
 * (build/fonts, OFL). Tables repeat their header on each new page.
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

function columnWidths(doc: Doc, table: ReportTable, total: number, pad: number): number[] {
  // Each column is at least as wide as its longest heading word (no word broken mid-way); the
  // rest of the width goes to columns with long cells (names, permission lists), bounded.
  doc.font('bold');
  const minimum = table.columns.map(
    heading => Math.max(...heading.split(/\s+/).map(w => doc.widthOfString(w))) + 2 * pad + 1,
  );
  doc.font('regular');
  const wanted = table.columns.map((_, i) =>
    Math.min(
      Math.max(0, ...table.rows.map(r => doc.widthOfString(r[i] ?? ''))) + 2 * pad + 1,
      total * 0.45,
    ),
  );
  const base = minimum.reduce((a, b) => a + b, 0);
  if (base >= total) return minimum.map(m => (m / base) * total);
  const extra = wanted.map((w, i) => Math.max(0, w - (minimum[i] ?? 0)));
  const extraSum = extra.reduce((a, b) => a + b, 0);
  const share = extraSum === 0 ? 0 : Math.min(1, (total - base) / extraSum);
  const widths = minimum.map((m, i) => m + (extra[i] ?? 0) * share);
  const used = widths.reduce((a, b) => a + b, 0);
  return widths.map(w => (w / used) * total);
}

function drawTable(doc: Doc, table: ReportTable, fontSize: number): void {
  const left = doc.page.margins.left;
  const total = doc.page.width - left - doc.page.margins.right;
  const pad = 3;
  doc.fontSize(fontSize);
  const widths = columnWidths(doc, table, total, pad);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const rowHeight = (cells: string[], bold: boolean): number => {
    doc.font(bold ? 'bold' : 'regular').fontSize(fontSize);
    return (
      Math.max(
        ...cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] ?? 0) - 2 * pad })),
      ) +
      2 * pad
    );
  };
  const drawRow = (cells: string[], bold: boolean): void => {
    const height = rowHeight(cells, bold);
    if (doc.y + height > bottom()) doc.addPage();
    const top = doc.y;
    let x = left;
    if (bold) doc.rect(left, top, total, height).fill('#eef1f5').fillColor('#000000');
    doc.font(bold ? 'bold' : 'regular').fontSize(fontSize);
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
  drawRow(table.columns, true);
  for (const row of table.rows) {
    if (doc.y + rowHeight(row, false) > bottom()) {
      doc.addPage();
      drawRow(table.columns, true);
    }
    drawRow(row, false);
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
      if (section.heading) {
        if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
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
      if (section.table) drawTable(doc, section.table, tableFont);
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
