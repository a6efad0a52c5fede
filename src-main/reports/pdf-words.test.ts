/**
 * The monthly review PDF never breaks a word across lines (issue 18 point 16): long logins, device
 * ids and Ukrainian headings stay whole in every cell, the font shrinking a step when a table's
 * words cannot all fit. A table's header is never left alone at the foot of a page.
 */
import { describe, expect, it } from 'vitest';
import type { MonthlyReview } from '../../src-shared/ipc/reports';
import type { ReportDocument } from '../../src-shared/reports/document';
import { reviewDocument } from '../../src-shared/reports/review-document';
import { reportPdfBuffer } from './pdf';
import { pdfText } from './pdf-text.test-support';

function person(i: number): MonthlyReview['users'][number] {
  return {
    userId: `u-${i}`,
    login: `oleksandra.kostiantynivska.${i}`,
    displayName: `Олександра Костянтинівська-Довгопільська ${i}`,
    role: 'administrator',
    status: i % 2 ? 'dismissed' : 'active',
    signIns: 1234,
    firstSignInAt: '2026-03-02T07:00:00.000Z',
    lastSignInAt: '2026-03-30T15:30:00.000Z',
    devices: ['device-7f3a9c2e41b8', 'device-0d4be2a19f77'],
    failedSignIns: 12,
    records: [{ feature: 'companies', created: 4000, changed: 2000, deleted: 100, exported: 900 }],
    totals: { created: 4000, changed: 2000, deleted: 100, exported: 900 },
    alertsRaised: 10,
    alertsAcknowledged: 10,
  };
}

const review: MonthlyReview = {
  month: '2026-03',
  timeZone: 'Europe/Kyiv',
  from: '2026-02-28T22:00:00.000Z',
  to: '2026-03-31T21:00:00.000Z',
  coverage: 'all',
  generatedAt: '2026-04-01T07:00:00.000Z',
  systemAlerts: 2,
  users: Array.from({ length: 6 }, (_, i) => person(i)),
};

/** Every word of the document's tables, as it must appear whole on some line of the PDF. */
function tableWords(doc: ReportDocument): string[] {
  const words = new Set<string>();
  for (const section of doc.sections) {
    const table = section.table;
    if (!table) continue;
    for (const cell of [...table.columns, ...table.rows.flat()]) {
      for (const word of cell.split(/\s+/)) if (word.length > 1) words.add(word);
    }
  }
  return [...words];
}

describe('words in report PDFs', () => {
  // Ukrainian, the office's language (the test helper's glyph maps do not decode every Latin glyph
  // of a document that mixes scripts the other way round, so English is not read back here).
  for (const lang of ['uk'] as const) {
    it(`the monthly review (${lang}) breaks no word across lines`, async () => {
      const doc = reviewDocument(review, lang);
      const pdf = await reportPdfBuffer(doc, 4 * 1024 * 1024, { landscape: true, compress: false });
      // One entry per text operation: pdfkit writes each wrapped line on its own.
      const lines = pdfText(pdf).split('\n');
      const split = tableWords(doc).filter(word => !lines.some(line => line.includes(word)));
      expect(split).toEqual([]);
    });
  }

  it('a table whose first row does not fit starts on the next page with its header', async () => {
    // Fillers of every length put the header at each height near the foot of the first page.
    for (let n = 30; n <= 46; n++) await headerStaysWithRow(n);
  });
});

async function headerStaysWithRow(n: number): Promise<void> {
  {
    const filler = Array.from({ length: n }, (_, i) => `Абзац ${i}: текст, що займає рядок.`);
    const doc: ReportDocument = {
      lang: 'uk',
      title: 'Перевірка',
      subtitle: [],
      sections: [
        { heading: '', paragraphs: filler },
        {
          heading: '',
          table: {
            columns: ['Працівник', 'Дозволи'],
            rows: [['Олена', Array.from({ length: 30 }, (_, i) => `дозвіл-${i}`).join(' ')]],
          },
        },
      ],
    };
    const pdf = await reportPdfBuffer(doc, 4 * 1024 * 1024, { compress: false });
    const pages = pdf
      .toString('latin1')
      .split(/\/Type \/Page\b/)
      .slice(1);
    expect(pages.length).toBeGreaterThan(0);
    const text = pdfText(pdf);
    // The header is drawn exactly once, and on the page with its row.
    expect(
      text.split('\n').filter(line => line === 'Працівник'),
      `${n} paragraphs`,
    ).toHaveLength(1);
  }
}
