/**
 * Custom fields in the vCard exports (issue 18 point 7): both the 3.0 file of `records.export` and
 * the 4.0 file of `contacts.export` carry each value as `X-ZAMOK-FIELD;X-LABEL="<label>":<value>`
 * (a Ukrainian label cannot be a property name), and the file imported back changes nothing: the
 * values stay out of NOTE, which the vCard import reads into the notes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contactInputSchema } from '../../src-shared/contacts';
import { suggestMapping } from '../../src-shared/import';
import { createContactsTestVault, viewerOf } from '../crm/contacts/contacts.test-support';
import { exportContacts } from '../crm/contacts/export';
import { createContact } from '../crm/contacts/repository';
import { createField } from '../crm/custom-fields/definitions';
import { setRecordValues } from '../crm/custom-fields/values';
import { closedAfterEach } from '../crm/record/vaults.test-support';
import { dryRunImport } from '../import/commit';
import { openImportFile } from '../import/read';
import { makeTempDir } from '../vault/temp-vault.test-support';
import { exportRecords } from '.';

const office = closedAfterEach(createContactsTestVault);
const dir = makeTempDir('zamok-vcard-custom-');
const NOW = new Date('2026-12-06T14:05:00.000Z');

async function seed() {
  const { db, staff } = await office();
  const anna = viewerOf(staff.anna, 'all');
  const olena = await createContact(
    db,
    { userId: staff.anna, teamId: 'north' },
    contactInputSchema.parse({
      surname: 'Коваль',
      givenName: 'Олена',
      notes: 'Дзвонити зранку',
      emails: ['olena@example.com'],
    }),
    NOW,
  );
  const budget = await createField(
    db,
    { recordType: 'contact', label: 'Бюджет, грн', kind: 'number', options: [] },
    NOW,
  );
  const vip = await createField(
    db,
    { recordType: 'contact', label: 'VIP', kind: 'yesno', options: [] },
    NOW,
  );
  await createField(db, { recordType: 'contact', label: 'Пусте', kind: 'text', options: [] }, NOW);
  await setRecordValues(
    db,
    anna,
    'contact',
    olena.after.id,
    { [budget.id]: 1200, [vip.id]: true },
    {
      now: NOW,
    },
  );
  return { db, anna };
}

describe('custom fields in vCard exports', () => {
  it('vCard 3.0 (records.export) carries the values as X-ZAMOK-FIELD lines; re-import changes nothing', async () => {
    const { db, anna } = await seed();
    const file = await exportRecords(
      db,
      anna,
      {},
      {
        type: 'contacts',
        format: 'vcf',
        csvStyle: 'excel',
        locale: 'uk',
        timeZone: 'Europe/Kyiv',
        now: NOW,
      },
    );
    expect(file.content).toContain(
      'NOTE:Дзвонити зранку\r\nX-ZAMOK-FIELD;X-LABEL="Бюджет, грн":1200\r\nX-ZAMOK-FIELD;X-LABEL="VIP":так\r\n',
    );
    expect(file.content).not.toContain('Пусте');

    const path = join(dir, 'contacts.vcf');
    writeFileSync(path, file.content);
    const table = await openImportFile(path);
    const result = await dryRunImport(db, table, suggestMapping('contacts', table.headers), {
      read: anna,
      update: anna,
    });
    expect(result.counts).toMatchObject({ rows: 1, create: 0, update: 0, unchanged: 1 });
  });

  it('vCard 4.0 (contacts.export) carries them too, yes/no in the export language', async () => {
    const { db, anna } = await seed();
    const file = await exportContacts(db, anna, {}, { format: 'vcard', locale: 'en', now: NOW });
    expect(file.content).toContain('X-ZAMOK-FIELD;X-LABEL="Бюджет, грн":1200\r\n');
    expect(file.content).toContain('X-ZAMOK-FIELD;X-LABEL="VIP":yes\r\n');
    expect(file.content.indexOf('X-ZAMOK-FIELD')).toBeLessThan(file.content.indexOf('REV:'));
  });
});
