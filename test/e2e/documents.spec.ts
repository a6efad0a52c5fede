/**
 * Documents, end to end: the owner attaches a PDF and a PNG to a contact through the page (the
 * browser streams each file to the host, main encrypts it), previews the image and the PDF inside
 * the app (the PDF drawn by pdf.js on a canvas, no frame, no PDF plugin), and saves a copy of the
 * PDF — the downloaded file equals the original byte for byte. An executable renamed to .pdf is
 * refused with a sentence that says which files are accepted. The vault folder holds only
 * encrypted .zdoc files, and the audit log has the upload and the export.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { expect, test } from './fixtures';
import { runSetupWizard } from './support/flows';
import { checkScreenSoft } from './support/screens';
import { auditRows, createContact, openSection } from './support/staff';
import type { Locator, Page } from '@playwright/test';

test.use({ locale: 'en-GB', actionTimeout: 30_000 });

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAKElEQVR42mNk+M9AEmBiIBGMahjVMKphVMOohlENoxpGNYxqGNUwqAEAqd8BH3SLAEcAAAAASUVORK5CYII=',
  'base64',
);
/** A one-page A4 PDF written by pdfkit, as a scanner or an office program would hand one over. */
function makePdf(userPassword?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      info: { Title: 'Zamok test' },
      ...(userPassword ? { userPassword, pdfVersion: '1.7' as const } : {}),
    });
    const parts: Buffer[] = [];
    doc.on('data', (part: Buffer) => parts.push(part));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
    doc.fontSize(28).text('Zamok test PDF', 72, 96);
    doc.fontSize(12).text('Contract of lease No. 17. Page one of one.', 72, 150);
    doc.rect(72, 190, 450, 2).fill('#1c7ed6');
    doc.end();
  });
}

/** A 16×16 black square as a JPEG 2000 codestream (opj_compress -n 2), as colour scanners write. */
const J2K_SQUARE =
  '/0//UQApAAAAAAAQAAAAEAAAAAAAAAAAAAAAEAAAABAAAAAAAAAAAAABBwEB/1IADAAAAAEAAQQEAAH/XAAHQEBISFD/ZAAlAAFDcmVhdGVkIGJ5IE9wZW5KUEVHIHZlcnNpb24gMi41LjD/kAAKAAAAAAAXAAH/k9+AKBFQVKNvgP/Z';

/**
 * A one-page PDF whose only content is that JPEG 2000 image, 300 pt wide: pdf.js can draw it only
 * with its bundled WebAssembly decoder (CSP 'wasm-unsafe-eval', docs/SECURITY.md).
 */
function jpxPdf(): Buffer {
  const image = Buffer.from(J2K_SQUARE, 'base64');
  const content = 'q 300 0 0 300 100 300 cm /Im0 Do Q';
  const objects = [
    Buffer.from('<</Type/Catalog/Pages 2 0 R>>'),
    Buffer.from('<</Type/Pages/Kids[3 0 R]/Count 1>>'),
    Buffer.from(
      '<</Type/Page/Parent 2 0 R/MediaBox[0 0 500 700]/Resources<</XObject<</Im0 4 0 R>>>>/Contents 5 0 R>>',
    ),
    Buffer.concat([
      Buffer.from(
        `<</Type/XObject/Subtype/Image/Width 16/Height 16/ColorSpace/DeviceGray/BitsPerComponent 8/Filter/JPXDecode/Length ${image.length}>>\nstream\n`,
      ),
      image,
      Buffer.from('\nendstream'),
    ]),
    Buffer.from(`<</Length ${content.length}>>\nstream\n${content}\nendstream`),
  ];
  const header = Buffer.from('%PDF-1.5\n');
  const parts: Buffer[] = [header];
  const offsets: number[] = [];
  let length = header.length;
  objects.forEach((body, index) => {
    const object = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`),
      body,
      Buffer.from('\nendobj\n'),
    ]);
    offsets.push(length);
    parts.push(object);
    length += object.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map(offset => `${String(offset).padStart(10, '0')} 00000 n \n`),
    `trailer<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${length}\n%%EOF\n`,
  ].join('');
  return Buffer.concat([...parts, Buffer.from(xref)]);
}

/** Picks a file in the documents panel's (hidden) file input and waits for the finish call. */
async function attach(page: Page, name: string, mimeType: string, buffer: Buffer) {
  const finished = page.waitForResponse(
    response =>
      response.url().endsWith('/api/call') &&
      (response.request().postDataJSON() as { channel?: string } | null)?.channel ===
        'zamok:documents.finishUpload',
  );
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });
  return (await (await finished).json()) as { ok: boolean };
}

/** Dark pixels on a canvas: a drawn page has text on it, an empty one has none. */
function inkOn(canvas: Locator): Promise<number> {
  return canvas.evaluate(element => {
    const c = element as HTMLCanvasElement;
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; data && i < data.length; i += 4) {
      if ((data[i] ?? 255) < 128 && (data[i + 1] ?? 255) < 128 && (data[i + 2] ?? 255) < 128)
        dark++;
    }
    return dark;
  });
}

async function files(dir: string): Promise<string[]> {
  const all = await readdir(dir, { recursive: true });
  return all.filter(name => name.includes('.'));
}

test('documents: attach PDFs and a PNG, preview them inside the app, save a copy equal to the original', async ({
  page,
  vaultDir,
}, testInfo) => {
  test.setTimeout(240_000);
  const PDF = await makePdf();
  // pdf.js must work inside the app's CSP: any refusal is logged by Chromium to the console.
  const refusals: string[] = [];
  page.on('console', message => {
    if (/Content Security Policy/iu.test(message.text())) refusals.push(message.text());
  });
  await runSetupWizard(page);
  await openSection(page, 'Contacts');
  await createContact(page, {
    surname: 'Гнатюк',
    givenName: 'Соломія',
    company: 'Пекарня Світанок',
    phone: '067 123 45 67',
  });

  const panel = page.getByRole('region', { name: 'Documents' });
  await expect(panel.getByText('No documents yet')).toBeVisible();
  await checkScreenSoft(page, testInfo, 'documents-empty');

  expect((await attach(page, 'договір оренди.pdf', 'application/pdf', PDF)).ok).toBe(true);
  expect((await attach(page, 'скан паспорта.png', 'image/png', PNG)).ok).toBe(true);
  const rows = panel.getByTestId('document-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'договір оренди.pdf' })).toBeVisible();
  await checkScreenSoft(page, testInfo, 'documents-list');

  // A program renamed to .pdf: refused by its bytes, with what to do instead.
  const exe = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(512, 7)]);
  await page.locator('input[type="file"]').setInputFiles({
    name: 'рахунок.pdf',
    mimeType: 'application/pdf',
    buffer: exe,
  });
  await expect(panel.getByRole('alert')).toContainText('This kind of file cannot be attached');
  await expect(rows).toHaveCount(2);

  // Preview the image inside the app.
  await rows
    .filter({ hasText: 'скан паспорта.png' })
    .getByRole('button', { name: 'Preview' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Preview: скан паспорта.png' });
  const image = dialog.getByTestId('document-preview-image');
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate(img => (img as HTMLImageElement).naturalWidth)).toBe(16);
  expect(await image.getAttribute('src')).toMatch(/^blob:/);
  await checkScreenSoft(page, testInfo, 'documents-preview');
  // Escape closes the preview only: the contact page (whose Escape goes back to the list) stays.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Гнатюк Соломія', level: 1 })).toBeVisible();

  // The PDF is drawn inside the app by pdf.js: a canvas with ink on it, its page count, no frame.
  await rows
    .filter({ hasText: 'договір оренди.pdf' })
    .getByRole('button', { name: 'Preview' })
    .click();
  const pdfDialog = page.getByRole('dialog', { name: 'Preview: договір оренди.pdf' });
  await expect(pdfDialog.getByTestId('document-preview-pdf-pages')).toHaveText('1 / 1');
  const canvas = pdfDialog.getByTestId('document-preview-pdf').locator('canvas');
  await expect(canvas).toBeVisible();
  await expect.poll(() => inkOn(canvas), { timeout: 15_000 }).toBeGreaterThan(200);
  await expect(pdfDialog.getByRole('button', { name: 'Next page' })).toBeDisabled();
  await expect(page.locator('iframe, embed, object')).toHaveCount(0);
  expect(refusals).toEqual([]);
  await checkScreenSoft(page, testInfo, 'documents-preview-pdf');
  // Zoom in and back to the width of the dialog, by keys.
  const fitWidth = await canvas.evaluate(c => c.getBoundingClientRect().width);
  await page.keyboard.press('+');
  await expect
    .poll(() => canvas.evaluate(c => c.getBoundingClientRect().width))
    .toBeGreaterThan(fitWidth);
  await page.keyboard.press('0');
  await expect.poll(() => canvas.evaluate(c => c.getBoundingClientRect().width)).toBe(fitWidth);
  await page.keyboard.press('Escape');
  await expect(pdfDialog).toBeHidden();

  // A scan in JPEG 2000: drawn by the bundled WebAssembly decoder, within the CSP.
  expect((await attach(page, 'скан договору.pdf', 'application/pdf', jpxPdf())).ok).toBe(true);
  await expect(rows).toHaveCount(3);
  await rows
    .filter({ hasText: 'скан договору.pdf' })
    .getByRole('button', { name: 'Preview' })
    .click();
  const scanDialog = page.getByRole('dialog', { name: 'Preview: скан договору.pdf' });
  await expect(scanDialog.getByTestId('document-preview-pdf-pages')).toHaveText('1 / 1');
  const scan = scanDialog.getByTestId('document-preview-pdf').locator('canvas');
  await expect.poll(() => inkOn(scan), { timeout: 15_000 }).toBeGreaterThan(20_000);
  expect(refusals).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(scanDialog).toBeHidden();

  // A damaged PDF and a password-protected one: a sentence that says what to do instead.
  const damaged = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0x5a)]);
  expect((await attach(page, 'пошкоджений.pdf', 'application/pdf', damaged)).ok).toBe(true);
  const locked = await makePdf('secret');
  expect((await attach(page, 'з паролем.pdf', 'application/pdf', locked)).ok).toBe(true);
  await expect(rows).toHaveCount(5);
  for (const [name, sentence] of [
    ['пошкоджений.pdf', 'This PDF could not be shown; the file may be damaged.'],
    ['з паролем.pdf', 'This PDF is password-protected, so it cannot be shown here.'],
  ] as const) {
    await rows.filter({ hasText: name }).getByRole('button', { name: 'Preview' }).click();
    const refused = page.getByRole('dialog', { name: `Preview: ${name}` });
    await expect(refused.getByRole('alert')).toContainText(sentence);
    await expect(refused.getByRole('alert')).toContainText('Save a copy');
    await page.keyboard.press('Escape');
    await expect(refused).toBeHidden();
  }

  // Save a copy of the PDF: the download is the original file.
  const downloading = page.waitForEvent('download');
  await rows
    .filter({ hasText: 'договір оренди.pdf' })
    .getByRole('button', { name: 'Save a copy' })
    .click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('договір оренди.pdf');
  const saved = await readFile(await download.path());
  expect(saved.equals(PDF)).toBe(true);
  await expect(panel.getByText('A copy of “договір оренди.pdf” was saved.')).toBeVisible();

  // On disk: two encrypted files, no plaintext.
  const stored = await files(join(vaultDir, 'attachments'));
  expect(stored.filter(name => name.endsWith('.zdoc'))).toHaveLength(5);
  for (const name of stored) {
    const bytes = await readFile(join(vaultDir, 'attachments', name));
    expect(bytes.includes(Buffer.from('%PDF'))).toBe(false);
  }

  // Ukrainian, as the office sees it.
  await page.getByText('Українська', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await expect(panel.or(page.getByRole('region', { name: 'Документи' }))).toBeVisible();
  await checkScreenSoft(page, testInfo, 'documents-list-uk');
  await page
    .getByTestId('document-row')
    .filter({ hasText: 'договір оренди.pdf' })
    .getByRole('button', { name: 'Переглянути' })
    .click();
  const ukDialog = page.getByRole('dialog', { name: 'Перегляд: договір оренди.pdf' });
  await expect(ukDialog.getByRole('button', { name: 'Наступна сторінка' })).toBeDisabled();
  await expect(ukDialog.getByTestId('document-preview-pdf-pages')).toHaveAttribute(
    'aria-label',
    'Сторінка 1 з 1',
  );
  await checkScreenSoft(page, testInfo, 'documents-preview-pdf-uk');
  await page.keyboard.press('Escape');
  await expect(ukDialog).toBeHidden();
  await page.getByText('English', { exact: true }).click();

  await openSection(page, 'Audit log');
  const audit = await auditRows(page);
  expect(
    audit.filter(row => row.what === 'Document attached' && row.outcome === 'ok'),
  ).toHaveLength(5);
  expect(audit.filter(row => row.what === 'Copy of a document saved')).toHaveLength(1);
});
