/**
 * Documents, end to end: the owner attaches a PDF and a PNG to a contact through the page (the
 * browser streams each file to the host, main encrypts it), previews the image inside the app, and
 * saves a copy of the PDF — the downloaded file equals the original byte for byte. An executable
 * renamed to .pdf is refused with a sentence that says which files are accepted. The vault folder
 * holds only encrypted .zdoc files, and the audit log has the upload and the export.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { runSetupWizard } from './support/flows';
import { checkScreenSoft } from './support/screens';
import { auditRows, createContact, openSection } from './support/staff';
import type { Page } from '@playwright/test';

test.use({ locale: 'en-GB', actionTimeout: 30_000 });

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAKElEQVR42mNk+M9AEmBiIBGMahjVMKphVMOohlENoxpGNYxqGNUwqAEAqd8BH3SLAEcAAAAASUVORK5CYII=',
  'base64',
);
const PDF = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj',
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj',
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj',
    'trailer<</Root 1 0 R>>',
    '%%EOF',
    '',
  ].join('\n'),
  'latin1',
);

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

async function files(dir: string): Promise<string[]> {
  const all = await readdir(dir, { recursive: true });
  return all.filter(name => name.includes('.'));
}

test('documents: attach a PDF and a PNG, preview the image, save a copy equal to the original', async ({
  page,
  vaultDir,
}, testInfo) => {
  test.setTimeout(240_000);
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
  expect(stored.filter(name => name.endsWith('.zdoc'))).toHaveLength(2);
  for (const name of stored) {
    const bytes = await readFile(join(vaultDir, 'attachments', name));
    expect(bytes.includes(Buffer.from('%PDF'))).toBe(false);
  }

  // Ukrainian, as the office sees it.
  await page.getByText('Українська', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await expect(panel.or(page.getByRole('region', { name: 'Документи' }))).toBeVisible();
  await checkScreenSoft(page, testInfo, 'documents-list-uk');
  await page.getByText('English', { exact: true }).click();

  await openSection(page, 'Audit log');
  const audit = await auditRows(page);
  expect(
    audit.filter(row => row.what === 'Document attached' && row.outcome === 'ok'),
  ).toHaveLength(2);
  expect(audit.filter(row => row.what === 'Copy of a document saved')).toHaveLength(1);
});
