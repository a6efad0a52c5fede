import { describe, expect, it } from 'vitest';
import type { MonthlyReview } from '../../src-shared/ipc/reports';
import type { ReportDocument } from '../../src-shared/reports/document';
import { reviewDocument } from '../../src-shared/reports/review-document';
import { reviewCsv } from './csv';
import { reportPdfBuffer, ReportTooLargeError } from './pdf';
import { pdfText } from './pdf-text.test-support';

const review: MonthlyReview = {
  month: '2026-03',
  timeZone: 'Europe/Kyiv',
  from: '2026-02-28T22:00:00.000Z',
  to: '2026-03-31T21:00:00.000Z',
  coverage: 'all',
  generatedAt: '2026-04-01T07:00:00.000Z',
  systemAlerts: 2,
  users: [
    {
      userId: 'u-1',
      login: '=HYPERLINK("http://x")',
      displayName: '+Олена; "Коваль"',
      role: 'owner',
      status: 'active',
      signIns: 3,
      firstSignInAt: '2026-03-02T07:00:00.000Z',
      lastSignInAt: '2026-03-30T15:30:00.000Z',
      devices: ['dev-aaaa', 'dev-bbbb'],
      failedSignIns: 1,
      records: [{ feature: 'contacts', created: 4, changed: 2, deleted: 1, exported: 0 }],
      totals: { created: 4, changed: 2, deleted: 1, exported: 0 },
      alertsRaised: 1,
      alertsAcknowledged: 1,
    },
  ],
};

describe('report files', () => {
  it('writes a PDF whose text a reader sees in Ukrainian', async () => {
    const pdf = await reportPdfBuffer(reviewDocument(review, 'uk'), 1024 * 1024, {
      landscape: true,
      compress: false,
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Щомісячний огляд активності: березень 2026');
    expect(text).toContain('Невдалих');
    // Kyiv time of the first sign-in (the date and the time may sit on two lines of the cell).
    expect(text).toMatch(/2026-03-02\s*09:00/);
    expect(text).toContain('Контакти');
  });

  it('repeats long tables over pages and refuses a report above the bound', async () => {
    const doc: ReportDocument = {
      lang: 'en',
      title: 'Long',
      subtitle: [],
      sections: [
        {
          heading: 'Rows',
          table: {
            columns: ['A', 'B'],
            rows: Array.from({ length: 400 }, (_, i) => [`row ${i}`, 'x']),
          },
        },
      ],
    };
    const pdf = await reportPdfBuffer(doc, 4 * 1024 * 1024, { compress: false });
    const text = pdfText(pdf);
    expect(text).toContain('row 399');
    expect((pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThan(3);
    await expect(reportPdfBuffer(doc, 2000)).rejects.toBeInstanceOf(ReportTooLargeError);
  });

  it('writes a CSV with a BOM whose cells cannot run as formulas', () => {
    const csv = reviewCsv(review, 'uk');
    expect(csv.startsWith('\uFEFFПрацівник;Логін;Роль;Входів')).toBe(true);
    const [, line] = csv.split('\r\n');
    expect(line).toContain(`'=HYPERLINK(""http://x"")`);
    expect(line?.startsWith(`"'+Олена; ""Коваль"""`)).toBe(true);
    expect(line).toContain(';dev-aaaa dev-bbbb;');
    expect(line).toContain('2026-03-02 09:00');
    const en = reviewCsv(review, 'en');
    expect(en.split('\r\n')[0]).toContain('Person,Login,Role,Sign-ins');
  });
});
