/**
 * Issue 15 point 9: the bulk path. 20,000 generated rows (UTF-8 CSV with `;`) into a real vault:
 * every row becomes a contact, a batch record and a full-text row, in batches of 1,000, and the
 * records read back through the contact module equal what the form path would store.
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../src-shared/import';
import { createContactsTestVault, viewerOf } from '../crm/contacts/contacts.test-support';
import { getContact } from '../crm/contacts/repository';
import { closedAfterEach } from '../crm/record/vaults.test-support';
import { commitImport } from './commit';
import { tempFiles } from './fixtures.test-support';
import { openImportFile } from './read';

const office = closedAfterEach(createContactsTestVault);
const files = tempFiles();
const ROWS = 20_000;

/** A surname for row `i`: its digits as letters (names may not hold digits). */
function surname(i: number): string {
  return `Бондар${[...String(i)].map(d => 'абвгдежзик'[Number(d)]).join('')}`;
}

function csv(rows: number): string {
  const lines = ['Прізвище;Ім’я;Телефон;Email;Теги'];
  for (let i = 0; i < rows; i++) {
    const n = String(1_000_000 + i);
    lines.push(`${surname(i)};Олена;067${n};client${i}@example.com;опт`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('bulk import', () => {
  it(`imports ${ROWS} rows with their batch records and search rows`, async () => {
    const { db, vault, staff } = await office();
    const path = files.file('big.csv', Buffer.from(csv(ROWS), 'utf8'));
    const table = await openImportFile(path);
    const anna = viewerOf(staff.anna, 'own', 'north');
    const progress: number[] = [];
    const started = performance.now();
    const result = await commitImport(
      { db, sqlite: vault.sqlite },
      table,
      suggestMapping('contacts', table.headers),
      { read: anna, update: anna },
      { actorId: staff.anna, onProgress: p => progress.push(p.counts.create) },
    );
    console.log(`bulk import: ${ROWS} rows in ${Math.round(performance.now() - started)} ms`);
    expect(result.problems).toEqual([]);
    expect(result.counts).toMatchObject({ create: ROWS, update: 0, error: 0, duplicate: 0 });
    expect(progress.slice(0, 2)).toEqual([1000, 2000]);
    const count = (sql: string) => vault.sqlite.prepare(sql).pluck().get();
    expect(count('SELECT count(*) FROM contacts')).toBe(ROWS);
    expect(count('SELECT count(*) FROM import_batch_records')).toBe(ROWS);
    expect(count('SELECT count(*) FROM search_text_contacts')).toBe(ROWS);
    expect(
      count(
        `SELECT count(*) FROM search_text_contacts WHERE search_text_contacts MATCH '${surname(19_999)}'`,
      ),
    ).toBe(1);
    expect(count('SELECT count(*) FROM search_digits')).toBe(ROWS);
    const id = String(count(`SELECT id FROM contacts WHERE surname = '${surname(7)}'`));
    const stored = await getContact(db, anna, id);
    expect(stored).toMatchObject({
      surname: surname(7),
      givenName: 'Олена',
      phones: [{ e164: '+380671000007' }],
      emails: ['client7@example.com'],
      tags: ['опт'],
      ownerId: staff.anna,
      createdBy: staff.anna,
    });
  }, 120_000);
});
