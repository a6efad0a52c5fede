/**
 * The error report: every row not imported (beyond the listed problems too) with its own cells and
 * the reason in the user's language, as a `;` CSV with a BOM — and nothing about a hidden record.
 */
import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../src-shared/import';
import { createContactsTestVault, viewerOf } from '../crm/contacts/contacts.test-support';
import { createContact } from '../crm/contacts/repository';
import { closedAfterEach } from '../crm/record/vaults.test-support';
import { commitImport, dryRunImport } from './commit';
import { errorReportCsv, ProblemRows } from './error-report';
import { encodeCp1251, tempFiles } from './fixtures.test-support';
import { MAX_LISTED_PROBLEMS } from './plan';
import { openImportFile } from './read';

const office = closedAfterEach(createContactsTestVault);
const files = tempFiles();

describe('import error report', () => {
  it('lists the rows not imported with «Помилка», formula-safe, naming no hidden record', async () => {
    const { db, staff, vault } = await office();
    const hidden = await createContact(
      db,
      { userId: staff.borys },
      { surname: 'Таємна', givenName: 'Клієнтка', phones: [{ e164: '+380501112233' }] },
    );
    const anna = viewerOf(staff.anna, 'own', 'north');
    const path = files.file(
      'clients.csv',
      encodeCp1251(
        [
          'ПІБ;Телефон;Email',
          'Шевченко Тарас;067 123 45 67;taras@example.com',
          'Коваль Іван;дзвонити після 18;',
          'Тарасенко Тарас;0671234567;',
          'Нова Клієнтка;050 111 22 33;',
          '=HYPERLINK("x");;not-an-email',
        ].join('\r\n'),
      ),
    );
    const table = await openImportFile(path);
    const problems = new ProblemRows();
    const result = await commitImport(
      { db, sqlite: vault.sqlite },
      table,
      suggestMapping('contacts', table.headers),
      { read: anna, update: anna },
      { actorId: staff.anna, onProblem: problems.listen },
    );
    expect(result.counts).toMatchObject({ create: 1, duplicate: 2, error: 2 });
    const report = await errorReportCsv(table, problems, 'uk');
    const lines = report.split('\r\n');
    expect(lines[0]).toBe('\uFEFFПІБ;Телефон;Email;Помилка');
    expect(lines[1]).toMatch(
      /^Коваль Іван;дзвонити після 18;;Телефон: Номер телефону неправильний\./u,
    );
    expect(lines[2]).toBe('Тарасенко Тарас;0671234567;;Повторює рядок 1 файлу.');
    expect(lines[3]).toBe(
      'Нова Клієнтка;050 111 22 33;;Запис, якого ви не бачите, уже має цей номер телефону. Зверніться до його власника.',
    );
    // A cell a spreadsheet would run as a formula is written as text.
    expect(lines[4]).toMatch(/^"'=HYPERLINK\(""x""\)";;not-an-email;/u);
    expect(lines.slice(5)).toEqual(['']);
    expect(report).not.toContain(hidden.after.id);
    expect(report).not.toContain('Таємна');
    expect((await errorReportCsv(table, problems, 'en')).split('\r\n')[0]).toBe(
      '\uFEFFПІБ;Телефон;Email;Error',
    );
  });

  it('holds every refused row, also beyond the problems a run lists', async () => {
    const { db, staff } = await office();
    const anna = viewerOf(staff.anna, 'own', 'north');
    const bad = Array.from({ length: MAX_LISTED_PROBLEMS + 5 }, (_, i) => `Клієнт ${i};ні;`);
    const table = await openImportFile(
      files.file('many.csv', encodeCp1251(['ПІБ;Телефон;Email', ...bad].join('\r\n'))),
    );
    const problems = new ProblemRows();
    const mapping = suggestMapping('contacts', table.headers);
    const result = await dryRunImport(
      db,
      table,
      mapping,
      { read: anna, update: anna },
      undefined,
      problems.listen,
    );
    expect(result.problemsTruncated).toBe(true);
    expect(result.problems).toHaveLength(MAX_LISTED_PROBLEMS);
    const lines = (await errorReportCsv(table, problems, 'en')).trimEnd().split('\r\n');
    expect(lines).toHaveLength(MAX_LISTED_PROBLEMS + 6);
    expect(lines.at(-1)).toMatch(
      new RegExp(`^Клієнт ${MAX_LISTED_PROBLEMS + 4};ні;;.*Phone: `, 'u'),
    );
  });
});
