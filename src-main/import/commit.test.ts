import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../src-shared/import';
import { createCompany } from '../crm/companies/repository';
import { createContactsTestVault, viewerOf } from '../crm/contacts/contacts.test-support';
import { createContact, getContact } from '../crm/contacts/repository';
import { closedAfterEach } from '../crm/record/vaults.test-support';
import { commitImport, dryRunImport, type ImportWrite } from './commit';
import { encodeCp1251, tempFiles } from './fixtures.test-support';
import { openImportFile } from './read';

const office = closedAfterEach(createContactsTestVault);
const files = tempFiles();

const HEADER = 'ПІБ;Телефон;Email;Компанія';

async function contactCount(db: Awaited<ReturnType<typeof office>>['db']): Promise<number> {
  const row = await db
    .selectFrom('contacts')
    .select(db.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function contactsFile(name: string, lines: string[]) {
  const table = await openImportFile(
    files.file(name, encodeCp1251([HEADER, ...lines].join('\r\n'))),
  );
  return { table, mapping: suggestMapping('contacts', table.headers) };
}

describe('import dry run', () => {
  it('counts create / update / unchanged / duplicate / error with a reason per bad row', async () => {
    const { db, staff } = await office();
    const anna = viewerOf(staff.anna, 'own', 'north');
    const borys = { userId: staff.borys, teamId: 'south' };
    await createContact(db, borys, {
      surname: 'Борисенко',
      givenName: 'Таємна',
      phones: [{ e164: '+380501112233' }],
    });
    const mine = await createContact(
      db,
      { userId: staff.anna },
      {
        surname: 'Коваль',
        givenName: 'Іван',
        phones: [{ e164: '+380671234567' }],
      },
    );
    await createContact(
      db,
      { userId: staff.anna },
      {
        surname: 'Мельник',
        givenName: 'Ірина',
        emails: ['iryna@example.com'],
      },
    );
    const { table, mapping } = await contactsFile('dry.csv', [
      'Шевченко Тарас Григорович;+38 (093) 000-00-01;taras@example.com;Кобзар', // create
      'Коваль Іван;+38 (067) 123-45-67;ivan@example.com;', // update: same phone, new e-mail
      'Мельник Ірина;;IRYNA@example.com;', // unchanged
      'Тарасенко Тарас;0930000001;;', // duplicate of row 1 in the file
      'Невідомий Клієнт;050 111 22 33;;', // matches Borys's contact: hidden
      'Шевченко Андрій;дзвонити після 18;;', // error
    ]);
    const result = await dryRunImport(db, table, mapping, { read: anna, update: anna });
    expect(result.counts).toEqual({
      rows: 6,
      create: 1,
      update: 1,
      unchanged: 1,
      duplicate: 2,
      error: 1,
    });
    expect(result.problems).toEqual([
      { row: 4, kind: 'duplicate', reason: 'in_file', field: 'phones', sameAsRow: 1 },
      {
        row: 5,
        kind: 'duplicate',
        reason: 'hidden',
        field: 'phones',
        message: 'A record you cannot see already has this phone number; ask its owner.',
      },
      {
        row: 6,
        kind: 'error',
        issues: [{ field: 'phones.0.number', code: 'contact.phone_invalid' }],
      },
    ]);
    // The hidden match names no one: not the record, not its owner, not the client's name.
    const text = JSON.stringify(result);
    for (const secret of [staff.borys, 'Борисенко', 'Таємна', 'BORYS'])
      expect(text).not.toContain(secret);
    // Nothing was written.
    expect((await getContact(db, anna, mine.after.id)).emails).toEqual([]);
    expect(await contactCount(db)).toBe(3);
  });

  it('a head sees the same match as a record they may read but not edit, by id', async () => {
    const { db, staff } = await office();
    const other = await createContact(
      db,
      { userId: staff.borys },
      {
        surname: 'Борисенко',
        givenName: 'Петро',
        phones: [{ e164: '+380501112233' }],
      },
    );
    const { table, mapping } = await contactsFile('head.csv', ['Борисенко Петро;0501112233;;']);
    const head = viewerOf(staff.head, 'all');
    const own = viewerOf(staff.head, 'own');
    const result = await dryRunImport(db, table, mapping, { read: head, update: own });
    expect(result.problems).toEqual([
      {
        row: 1,
        kind: 'duplicate',
        reason: 'not_editable',
        field: 'phones',
        recordIds: [other.after.id],
      },
    ]);
  });
});

describe('import commit', () => {
  it('creates and updates through the record module, in batches, recording the batch', async () => {
    const { db, staff, vault } = await office();
    const anna = viewerOf(staff.anna, 'own', 'north');
    const existing = await createContact(
      db,
      { userId: staff.anna },
      {
        surname: 'Коваль',
        givenName: 'Іван',
        phones: [{ e164: '+380671234567' }],
      },
    );
    const lines = Array.from(
      { length: 25 },
      (_, i) => `Петренко${String.fromCharCode(0x430 + i)} Олег;+38093${String(1000000 + i)};;`,
    );
    lines.push('Коваль Іван;0671234567;ivan@example.com;ТОВ «Рада»');
    const { table, mapping } = await contactsFile('commit.csv', lines);
    const writes: ImportWrite[] = [];
    const progress: number[] = [];
    const result = await commitImport(
      vault,
      table,
      mapping,
      { read: anna, update: anna },
      {
        actorId: staff.anna,
        batchSize: 10,
        onWrite: w => writes.push(w),
        onProgress: p => progress.push(p.counts.rows),
      },
    );
    expect(result).toMatchObject({ status: 'done', counts: { create: 25, update: 1, rows: 26 } });
    expect(progress).toEqual([10, 20, 26]);
    expect(writes.filter(w => w.action === 'create')).toHaveLength(25);
    const updated = await getContact(db, anna, existing.after.id);
    expect(updated).toMatchObject({ emails: ['ivan@example.com'], companyName: 'ТОВ «Рада»' });
    const batch = await db
      .selectFrom('import_batches')
      .selectAll()
      .where('id', '=', result.batchId)
      .executeTakeFirstOrThrow();
    expect(batch).toMatchObject({
      status: 'done',
      created_count: 25,
      updated_count: 1,
      created_by: staff.anna,
      owner_id: staff.anna,
      record_type: 'contact',
      format: 'csv',
    });
    const records = await db
      .selectFrom('import_batch_records')
      .selectAll()
      .where('batch_id', '=', result.batchId)
      .execute();
    expect(records).toHaveLength(26);
    const update = records.find(r => r.action === 'update');
    expect(JSON.parse(update?.before ?? '{}')).toMatchObject({ id: existing.after.id, emails: [] });
  });

  it('re-importing the same file creates and updates nothing', async () => {
    const { staff, vault } = await office();
    const anna = viewerOf(staff.anna, 'own', 'north');
    const { table, mapping } = await contactsFile('twice.csv', [
      'Шевченко Тарас Григорович;+38 (067) 123-45-67;taras@example.com;Кобзар',
      'Українка Леся;0501234567;;',
    ]);
    const options = { actorId: staff.anna };
    const first = await commitImport(vault, table, mapping, { read: anna, update: anna }, options);
    expect(first.counts).toMatchObject({ create: 2, update: 0 });
    const second = await commitImport(vault, table, mapping, { read: anna, update: anna }, options);
    expect(second.counts).toMatchObject({ create: 0, update: 0, unchanged: 2, duplicate: 0 });
  });

  it('gives new records to a chosen colleague, created by the importer', async () => {
    const { db, staff, vault } = await office();
    const head = viewerOf(staff.head, 'all');
    const { table, mapping } = await contactsFile('for-anna.csv', ['Шевченко Тарас;0671234567;;']);
    const result = await commitImport(
      vault,
      table,
      mapping,
      { read: head, update: head },
      {
        actorId: staff.head,
        ownerId: staff.anna,
      },
    );
    const row = await db
      .selectFrom('contacts')
      .select(['owner_id', 'created_by'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ owner_id: staff.anna, created_by: staff.head });
    expect(result.counts.create).toBe(1);
  });

  it('stops between batches when cancelled, keeping what was committed', async () => {
    const { db, staff, vault } = await office();
    const anna = viewerOf(staff.anna, 'own', 'north');
    const lines = Array.from(
      { length: 30 },
      (_, i) => `Бондар Олег;+38093${String(2000000 + i)};;`,
    );
    const { table, mapping } = await contactsFile('cancel.csv', lines);
    const abort = new AbortController();
    const result = await commitImport(
      vault,
      table,
      mapping,
      { read: anna, update: anna },
      {
        actorId: staff.anna,
        batchSize: 10,
        signal: abort.signal,
        onProgress: () => abort.abort(),
      },
    );
    expect(result).toMatchObject({ status: 'cancelled', counts: { create: 10 } });
    const batch = await db
      .selectFrom('import_batches')
      .select(['status', 'created_count'])
      .executeTakeFirstOrThrow();
    expect(batch).toEqual({ status: 'cancelled', created_count: 10 });
    expect(await contactCount(db)).toBe(10);
  });

  it('finds companies by ЄДРПОУ, also out of scope, without naming them', async () => {
    const { db, staff } = await office();
    await createCompany(db, { userId: staff.borys }, { name: 'ТОВ «Секрет»', edrpou: '00032129' });
    const text = 'Назва;ЄДРПОУ\nТОВ «Яблуко»;00032129\nТОВ «Груша»;14360570\n';
    const table = await openImportFile(files.file('companies.csv', text));
    const anna = viewerOf(staff.anna, 'own', 'north');
    const result = await dryRunImport(db, table, suggestMapping('companies', table.headers), {
      read: anna,
      update: anna,
    });
    expect(result.counts).toMatchObject({ create: 1, duplicate: 1 });
    expect(result.problems[0]).toMatchObject({ reason: 'hidden', field: 'edrpou' });
    expect(JSON.stringify(result)).not.toContain('Секрет');
  });
});
