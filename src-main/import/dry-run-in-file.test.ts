/**
 * Duplicates between rows of one import file (issue 15 point 3, "within the file"): a row that
 * repeats an earlier row's phone, e-mail (any case), ЄДРПОУ or РНОКПП is a duplicate pointing at
 * that row; a row whose name only looks like an earlier new row's (folded equal or one letter
 * apart) is a suggestion pointing at that row, still created.
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

async function dryRun(type: 'contacts' | 'companies', name: string, lines: string[]) {
  const { db, staff } = await office();
  const anna = viewerOf(staff.anna, 'own', 'north');
  const table = await openImportFile(files.file(name, encodeCp1251(lines.join('\r\n'))));
  const mapping = suggestMapping(type, table.headers);
  return {
    db,
    anna,
    staff,
    run: () => dryRunImport(db, table, mapping, { read: anna, update: anna }),
  };
}

describe('import dry run: duplicates within the file', () => {
  it('contacts: the same e-mail in another case or the same phone point at the earlier row', async () => {
    const { run } = await dryRun('contacts', 'people.csv', [
      'ПІБ;Телефон;Email',
      'Шевченко Тарас;067 100 00 01;taras@example.com',
      'Петренко Ольга;067 100 00 02;olha@example.com',
      'Іваненко Петро;;TARAS@Example.com', // row 1's e-mail
      'Сидоренко Анна;+38 (067) 100-00-02;', // row 2's phone
    ]);
    const result = await run();
    expect(result.counts).toMatchObject({ rows: 4, create: 2, duplicate: 2 });
    expect(result.problems).toEqual([
      { row: 3, kind: 'duplicate', reason: 'in_file', field: 'emails', sameAsRow: 1 },
      { row: 4, kind: 'duplicate', reason: 'in_file', field: 'phones', sameAsRow: 2 },
    ]);
    expect(result.nameSuggestions).toBeUndefined();
  });

  it('companies: the same ЄДРПОУ, РНОКПП or phone point at the earlier row', async () => {
    const { run } = await dryRun('companies', 'firms.csv', [
      'Назва;ЄДРПОУ;РНОКПП;Телефон',
      'ТОВ «Зірка»;00032129;;044 100 00 01',
      'ФОП Коваль;;3184710691;',
      'ПрАТ «Світанок»;14360570;;',
      'ТОВ «Інша Зірка»; 00032129 ;;', // row 1's ЄДРПОУ
      'ФОП Ковальчук;;3184710691;', // row 2's РНОКПП
      'ТОВ «Ранок»;;;+380441000001', // row 1's phone
    ]);
    const result = await run();
    expect(result.counts).toMatchObject({ rows: 6, create: 3, duplicate: 3 });
    expect(result.problems).toEqual([
      { row: 4, kind: 'duplicate', reason: 'in_file', field: 'edrpou', sameAsRow: 1 },
      { row: 5, kind: 'duplicate', reason: 'in_file', field: 'rnokpp', sameAsRow: 2 },
      { row: 6, kind: 'duplicate', reason: 'in_file', field: 'phones', sameAsRow: 1 },
    ]);
  });

  it('names alike between new rows are suggestions naming the other row; a vault look-alike comes first', async () => {
    const { db, anna, run } = await dryRun('contacts', 'names.csv', [
      'ПІБ;Телефон',
      'Шевченко Тарас Григорович;067 200 00 01',
      'Мельник Ірина;067 200 00 02',
      'ШЕВЧЕНКО тарас;067 200 00 03', // row 1 folded, no patronymic
      'Мельнік Ірина;067 200 00 04', // row 2, one letter apart
      'Коваль Іван;067 200 00 05', // alike Anna's own record and row 7: the record wins
      'Бондар Олег;067 200 00 06',
      'Коваль Іван;067 200 00 07',
    ]);
    const mine = await createContact(db, anna, { surname: 'Коваль', givenName: 'Іван' });
    const result = await run();
    // Suggestions only: every row is still created.
    expect(result.counts).toMatchObject({ rows: 7, create: 7, duplicate: 0 });
    expect(result.nameSuggestions).toEqual([
      { row: 3, sameAsRow: 1, name: 'Шевченко Тарас Григорович' },
      { row: 4, sameAsRow: 2, name: 'Мельник Ірина' },
      { row: 5, recordId: mine.after.id, name: 'Коваль Іван' },
      { row: 7, recordId: mine.after.id, name: 'Коваль Іван' },
    ]);
  });

  it('a row repeating a phone is a duplicate, not also a name suggestion', async () => {
    const { run } = await dryRun('contacts', 'same.csv', [
      'ПІБ;Телефон',
      'Гончар Марія;067 300 00 01',
      'Гончар Марія;067 300 00 01',
      'Гончарь Марія;067 300 00 03',
    ]);
    const result = await run();
    expect(result.problems).toEqual([
      { row: 2, kind: 'duplicate', reason: 'in_file', field: 'phones', sameAsRow: 1 },
    ]);
    expect(result.nameSuggestions).toEqual([{ row: 3, sameAsRow: 1, name: 'Гончар Марія' }]);
  });
});
