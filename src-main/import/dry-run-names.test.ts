/**
 * The import dry run's "можливо, той самий клієнт" suggestions: a new row whose name is alike a
 * record in the importer's own scope is listed with that record (a suggestion: still counted as
 * new); a row alike only a record outside the scope lists nothing, and the other manager's name
 * appears nowhere in the answer.
 */
import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../src-shared/import';
import { createContactsTestVault, viewerOf } from '../crm/contacts/contacts.test-support';
import { createContact } from '../crm/contacts/repository';
import { closedAfterEach } from '../crm/record/vaults.test-support';
import { dryRunImport } from './commit';
import { encodeCp1251, tempFiles } from './fixtures.test-support';
import { openImportFile } from './read';

const office = closedAfterEach(createContactsTestVault);
const files = tempFiles();

describe('import dry run: similar names', () => {
  it('suggests in-scope look-alikes only, never blocking a row', async () => {
    const { db, staff } = await office();
    const anna = viewerOf(staff.anna, 'own', 'north');
    const mine = await createContact(db, anna, {
      surname: 'Ігнатенко',
      givenName: 'Мар’яна',
      patronymic: 'Петрівна',
    });
    await createContact(db, { userId: staff.borys }, { surname: 'Приватний', givenName: 'Клієнт' });
    const lines = [
      'ПІБ;Телефон',
      "ЇГНАТЕНКО Мар'яна;067 111 22 33", // ї/і, case, another apostrophe, no patronymic
      'Приватний Клієнт;067 111 22 34', // Borys's: never suggested to Anna
      'Ткаченко Олег;067 111 22 35',
    ];
    const path = files.file('names.csv', encodeCp1251(lines.join('\r\n')));
    const table = await openImportFile(path);
    const mapping = suggestMapping('contacts', table.headers);
    const result = await dryRunImport(db, table, mapping, { read: anna, update: anna });
    expect(result.counts).toMatchObject({ rows: 3, create: 3, duplicate: 0 });
    expect(result.nameSuggestions).toEqual([
      { row: 1, recordId: mine.after.id, name: 'Ігнатенко Мар’яна Петрівна' },
    ]);
    expect(JSON.stringify(result)).not.toContain(staff.borys);
  });
});
