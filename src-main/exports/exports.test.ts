/**
 * Record exports on a real vault: the Excel CSV (BOM, `;`, local dates, decimal commas,
 * formula-safe), the plain CSV, XLSX read back by the importer's own reader, vCard 3.0, each type
 * within the caller's scope — and export → re-import of the same file plans 0 new, 0 updated.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activityInputSchema } from '../../src-shared/activities';
import { companyInputSchema } from '../../src-shared/companies';
import { contactInputSchema } from '../../src-shared/contacts';
import { dealInputSchema } from '../../src-shared/deals';
import { suggestMapping, type ImportType } from '../../src-shared/import';
import type { RecordExportFormat, RecordExportResult } from '../../src-shared/ipc/records';
import { createActivity } from '../crm/activities/repository';
import { createCompany } from '../crm/companies/repository';
import { createContactsTestVault, viewerOf } from '../crm/contacts/contacts.test-support';
import { createContact } from '../crm/contacts/repository';
import { createDeal } from '../crm/deals/repository';
import { closedAfterEach } from '../crm/record/vaults.test-support';
import { dryRunImport } from '../import/commit';
import { openImportFile } from '../import/read';
import { readXlsxRows } from '../import/xlsx';
import { makeTempDir } from '../vault/temp-vault.test-support';
import { exportRecords, type RecordExportRequest } from '.';

const office = closedAfterEach(createContactsTestVault);
const dir = makeTempDir('zamok-exports-');
const KYIV = 'Europe/Kyiv';
// 2026-12-06 14:05 UTC = 16:05 in Kyiv (winter, UTC+2).
const CREATED = new Date('2026-12-06T14:05:00.000Z');

async function seed() {
  const t = await office();
  const { db, staff } = t;
  const anna = { userId: staff.anna, teamId: 'north' };
  const shevchenko = await createContact(
    db,
    anna,
    contactInputSchema.parse({
      surname: 'Шевченко',
      givenName: 'Тарас',
      patronymic: 'Григорович',
      phones: [{ number: '+38 (067) 123-45-67', label: 'робочий' }, { number: '0501112233' }],
      emails: ['Taras@Example.com'],
      companyName: 'ТОВ «Кобзар», філія',
      position: 'Директор',
      address: 'м. Київ, вул. Хрещатик, 1',
      source: 'Виставка',
      tags: ['VIP', 'опт'],
      notes: '=SUM(A1:A2) не формула\nдругий рядок; з крапкою з комою',
      messengers: { telegram: '@taras', viber: '+380671234567' },
    }),
    CREATED,
  );
  await createContact(
    db,
    anna,
    contactInputSchema.parse({
      surname: 'Мельник',
      givenName: 'Ірина',
      emails: ['iryna@example.com'],
    }),
    CREATED,
  );
  // Borys's client: outside Anna's scope, never in her exports.
  await createContact(
    db,
    { userId: staff.borys, teamId: 'south' },
    contactInputSchema.parse({
      surname: 'Борисенко',
      givenName: 'Таємна',
      phones: [{ number: '0509998877' }],
    }),
    CREATED,
  );
  const company = await createCompany(
    db,
    anna,
    companyInputSchema.parse({
      name: 'ТОВ «Яблуко»',
      edrpou: '00032129',
      legalAddress: 'Київ, вул. Садова, 2',
      phones: [{ number: '044 123 45 67' }],
      website: 'yabluko.ua',
      notes: '+ знижка 5%',
    }),
    CREATED,
  );
  await createCompany(
    db,
    { userId: staff.borys },
    companyInputSchema.parse({ name: 'Чужа компанія' }),
    CREATED,
  );
  const deal = await createDeal(
    db,
    anna,
    { contacts: viewerOf(staff.anna, 'own'), companies: viewerOf(staff.anna, 'own') },
    dealInputSchema.parse({
      title: 'Поставка яблук',
      amountMinor: 1_250_050,
      expectedClose: '2027-01-31',
      contactId: shevchenko.after.id,
      companyId: company.after.id,
    }),
    CREATED,
  );
  const activityViewer = {
    ...anna,
    scope: 'own' as const,
    records: { contact: 'own' as const, company: 'own' as const, deal: 'own' as const },
  };
  await createActivity(
    db,
    activityViewer,
    activityInputSchema.parse({
      kind: 'call',
      subject: 'Домовились про поставку',
      occurredAt: '2026-12-05T08:30:00.000Z',
      contactId: shevchenko.after.id,
      dealId: deal.after.id,
    }),
    CREATED,
  );
  return t;
}

function request(o: Partial<RecordExportRequest> & Pick<RecordExportRequest, 'type' | 'format'>) {
  return { csvStyle: 'excel' as const, locale: 'uk' as const, timeZone: KYIV, now: CREATED, ...o };
}

function bytesOf(file: RecordExportResult): Buffer {
  return Buffer.from(file.content, file.encoding);
}

function lines(file: RecordExportResult): string[] {
  return file.content.split('\r\n');
}

describe('records export', () => {
  it('writes CSV for Ukrainian Excel: BOM, `;`, local dates, formula-safe cells, only the scope', async () => {
    const { db, staff } = await seed();
    const file = await exportRecords(
      db,
      viewerOf(staff.anna, 'own', 'north'),
      {},
      request({ type: 'contacts', format: 'csv' }),
    );
    expect(file.count).toBe(2);
    expect(file.fileName).toBe('zamok-contacts-2026-12-06-14-05.csv');
    expect(bytesOf(file).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, melnyk, shevchenko] = lines(file);
    expect(header).toBe(
      '\uFEFFПрізвище;Ім’я;По батькові;Компанія;Посада;Телефони;Електронна пошта;Telegram;Viber;WhatsApp;Адреса;Джерело;Мітки;Нотатки;Відповідальний;Створено;Змінено;Ідентифікатор',
    );
    expect(melnyk).toMatch(
      /^Мельник;Ірина;;;;;iryna@example\.com;;;;;;;;ANNA;06\.12\.2026 16:05;06\.12\.2026 16:05;/u,
    );
    expect(shevchenko).toContain(
      'Шевченко;Тарас;Григорович;ТОВ «Кобзар», філія;Директор;"\'+380671234567; +380501112233";taras@example.com;\'@taras;\'+380671234567;;м. Київ, вул. Хрещатик, 1;Виставка;"VIP; опт";',
    );
    // A formula is shown as text; the cell holding `;` and a line break is quoted.
    expect(file.content).toContain('"\'=SUM(A1:A2) не формула\nдругий рядок; з крапкою з комою"');
    expect(file.content).not.toContain('Борисенко');
  });

  it('writes plain CSV (`,`, no BOM, ISO times) and English headers', async () => {
    const { db, staff } = await seed();
    const file = await exportRecords(
      db,
      viewerOf(staff.anna, 'own', 'north'),
      {},
      request({ type: 'companies', format: 'csv', csvStyle: 'plain', locale: 'en' }),
    );
    expect(file.content.startsWith('Name,EDRPOU,')).toBe(true);
    expect(lines(file)[1]).toBe(
      `ТОВ «Яблуко»,00032129,,"Київ, вул. Садова, 2",,'+380441234567,https://yabluko.ua,'+ знижка 5%,ANNA,2026-12-06T14:05:00.000Z,2026-12-06T14:05:00.000Z,${lines(file)[1]?.split(',').at(-1) ?? ''}`,
    );
    expect(file.count).toBe(1);
  });

  it('writes deals with decimal-comma amounts and activities naming only readable records', async () => {
    const { db, staff } = await seed();
    const anna = viewerOf(staff.anna, 'own', 'north');
    const deals = await exportRecords(db, anna, {}, request({ type: 'deals', format: 'csv' }));
    expect(lines(deals)[0]).toBe(
      '\uFEFFНазва;Сума;Валюта;Воронка;Етап;Ймовірність, %;Очікуване закриття;Контакт;Компанія;Закрито;Причина програшу;Нотатки;Відповідальний;Створено;Змінено;Ідентифікатор',
    );
    expect(lines(deals)[1]).toMatch(
      /^Поставка яблук;12500,50;UAH;[^;]+;Нова;\d+;31\.01\.2027;Тарас Шевченко;ТОВ «Яблуко»;;;;ANNA;/u,
    );
    const withNames = await exportRecords(
      db,
      anna,
      { contact: 'own', deal: 'own' },
      request({ type: 'activities', format: 'csv' }),
    );
    expect(lines(withNames)[1]).toMatch(
      /^Дзвінок;Домовились про поставку;;05\.12\.2026 10:30;;;Тарас Шевченко;;Поставка яблук;ANNA;/u,
    );
    // Without a contacts read grant the contact's name stays out of the file.
    const without = await exportRecords(
      db,
      anna,
      { deal: 'own' },
      request({ type: 'activities', format: 'csv' }),
    );
    expect(without.content).not.toContain('Шевченко');
    const head = await exportRecords(
      db,
      viewerOf(staff.borys, 'own', 'south'),
      {},
      request({ type: 'deals', format: 'csv' }),
    );
    expect(head.count).toBe(0);
  });

  it('writes XLSX the importer reads back: inline text, numbers, local date serials', async () => {
    const { db, staff } = await seed();
    const file = await exportRecords(
      db,
      viewerOf(staff.anna, 'own', 'north'),
      {},
      request({ type: 'deals', format: 'xlsx' }),
    );
    expect(file.encoding).toBe('base64');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const path = join(dir, 'deals.xlsx');
    writeFileSync(path, bytesOf(file));
    const rows: string[][] = [];
    for await (const row of readXlsxRows(path)) rows.push(row);
    expect(rows[0]?.slice(0, 3)).toEqual(['Назва', 'Сума', 'Валюта']);
    expect(rows[1]?.slice(0, 3)).toEqual(['Поставка яблук', '12500.5', 'UAH']);
    expect(rows[1]?.[6]).toBe('2027-01-31');
    expect(rows[1]?.[13]).toBe('2026-12-06 16:05');
  });

  it('writes vCard 3.0 for contacts', async () => {
    const { db, staff } = await seed();
    const file = await exportRecords(
      db,
      viewerOf(staff.anna, 'own', 'north'),
      {},
      request({ type: 'contacts', format: 'vcf' }),
    );
    expect(file.content).toContain(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Шевченко;Тарас;Григорович;;\r\nFN:Тарас Григорович Шевченко\r\n',
    );
    expect(file.content).toContain(
      'TEL;TYPE=CELL:+380671234567\r\nTEL;TYPE=CELL:+380501112233\r\n',
    );
    expect(file.content).toContain('ADR;TYPE=WORK:;;м. Київ\\, вул. Хрещатик\\, 1;;;;\r\n');
    expect(file.content.match(/BEGIN:VCARD/gu)).toHaveLength(2);
  });

  const ROUND_TRIPS: [ImportType, RecordExportFormat, 'excel' | 'plain', 'uk' | 'en'][] = [
    ['contacts', 'csv', 'excel', 'uk'],
    ['contacts', 'csv', 'plain', 'en'],
    ['contacts', 'xlsx', 'excel', 'uk'],
    ['contacts', 'vcf', 'excel', 'uk'],
    ['companies', 'csv', 'excel', 'uk'],
    ['companies', 'csv', 'plain', 'en'],
    ['companies', 'xlsx', 'excel', 'en'],
  ];

  it.each(ROUND_TRIPS)(
    'export → re-import of %s as %s (%s, %s): 0 new, 0 updated',
    async (type, format, csvStyle, locale) => {
      const { db, staff } = await seed();
      const anna = viewerOf(staff.anna, 'own', 'north');
      const file = await exportRecords(db, anna, {}, request({ type, format, csvStyle, locale }));
      const path = join(dir, `${type}-${csvStyle}-${locale}.${format}`);
      writeFileSync(path, bytesOf(file));
      const table = await openImportFile(path);
      const result = await dryRunImport(db, table, suggestMapping(type, table.headers), {
        read: anna,
        update: anna,
      });
      expect(result.problems).toEqual([]);
      expect(result.counts).toEqual({
        rows: file.count,
        create: 0,
        update: 0,
        unchanged: file.count,
        duplicate: 0,
        error: 0,
      });
    },
  );
});
