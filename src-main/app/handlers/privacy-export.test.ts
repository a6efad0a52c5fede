/**
 * The export dialog's purpose picker through the composed app on a real vault: the preview counts
 * what an export would leave out (objection, no basis for the purpose) within the caller's own
 * export scope, and the purpose reaches the export query of both export channels.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordExportResult } from '../../../src-shared/ipc/records';
import type { ExportPreview } from '../../../src-shared/privacy';
import { closeTestVaults, value } from './app.test-support';
import { consentApp, NEWSLETTER } from './privacy-consent.test-support';

afterEach(closeTestVaults);

/** Borys's four clients: consent given, consent withdrawn, never asked, objected. */
async function seeded() {
  const t = await consentApp();
  t.signInStaff('borys');
  const given = await t.create('Згодний');
  const withdrawn = await t.create('Відкликав');
  await t.create('Мовчазний');
  const objector = await t.create('Заперечник');
  value(await t.consent(given.id, NEWSLETTER));
  value(await t.consent(withdrawn.id, NEWSLETTER));
  value(
    await t.call('privacy.withdrawConsent', { contactId: withdrawn.id, purposeId: NEWSLETTER }),
  );
  value(await t.call('privacy.setObjection', { contactId: objector.id, objected: true }));
  const preview = async (input: object) =>
    value<ExportPreview>(await t.call('privacy.exportPreview', input));
  const sheet = async (input: object) =>
    value<RecordExportResult>(
      await t.call('records.export', { type: 'contacts', format: 'csv', ...input }),
    ).content;
  return { ...t, preview, sheet };
}

describe('the export purpose picker', () => {
  it('counts who an export leaves out, and why, for the chosen purpose', async () => {
    const { preview } = await seeded();
    const plain = await preview({});
    expect(plain.purposes.map(p => p.name)).toEqual(['Виконання договору', 'Розсилка новин']);
    expect(plain).toMatchObject({ total: 4, objected: 1, noBasis: 0 });
    // Withdrawn and never asked: both lack a consent for a purpose on consent.
    expect(await preview({ purposeId: NEWSLETTER })).toMatchObject({
      total: 4,
      objected: 1,
      noBasis: 2,
    });
    // The list's filter narrows the counts as it narrows the export.
    expect(await preview({ filter: { text: 'Відкликав' }, purposeId: NEWSLETTER })).toMatchObject({
      total: 1,
      objected: 0,
      noBasis: 1,
    });
  });

  it('counts only within the caller’s own export scope', async () => {
    const { preview, signInStaff } = await seeded();
    signInStaff('anna');
    expect(await preview({ purposeId: NEWSLETTER })).toMatchObject({
      total: 0,
      objected: 0,
      noBasis: 0,
    });
  });

  it('the purpose reaches the records export query; objection always applies', async () => {
    const { sheet, call } = await seeded();
    const forNewsletter = await sheet({ purposeId: NEWSLETTER });
    expect(forNewsletter).toContain('Згодний');
    for (const name of ['Відкликав', 'Мовчазний', 'Заперечник']) {
      expect(forNewsletter).not.toContain(name);
    }
    const all = await sheet({});
    for (const name of ['Згодний', 'Відкликав', 'Мовчазний']) expect(all).toContain(name);
    expect(all).not.toContain('Заперечник');
    // A purpose is for contacts: on another type it is bad input, nothing exported.
    const companies = await call('records.export', {
      type: 'companies',
      format: 'csv',
      purposeId: NEWSLETTER,
    });
    expect(companies.ok ? null : companies.error.code).toBe('invalid_input');
  });
});
