import { describe, expect, it } from 'vitest';
import { companyInputSchema } from '../../../src-shared/companies';
import { contactInputSchema } from '../../../src-shared/contacts';
import { suggestDealMapping } from '../../../src-shared/import';
import { createCompany } from '../../crm/companies/repository';
import { createContact } from '../../crm/contacts/repository';
import { viewerOf } from '../../crm/contacts/contacts.test-support';
import { createDealsTestVault } from '../../crm/deals/deals.test-support';
import { closedAfterEach } from '../../crm/record/vaults.test-support';
import { encodeCp1251, tempFiles } from '../fixtures.test-support';
import { openImportFile } from '../read';
import { undoImport } from '../undo';
import { commitDealImport, dryRunDealImport } from './commit';
import type { DealImportViewer } from './plan';

const office = closedAfterEach(createDealsTestVault);
const files = tempFiles();

const HEADER = 'Назва угоди;Сума;Валюта;Воронка;Етап;Дата закриття;Відповідальний;Контакт;ЄДРПОУ';

/** A manager's scopes: own deals, own contacts and companies, no reassign. */
function manager(userId: string, team: string): DealImportViewer {
  return {
    read: viewerOf(userId, 'own', team),
    contacts: viewerOf(userId, 'own', team),
    companies: viewerOf(userId, 'own', team),
    reassign: undefined,
  };
}

/** Anna's own client (phone) and company (ЄДРПОУ); Borys's client of the other team. */
async function clients(t: Awaited<ReturnType<typeof createDealsTestVault>>) {
  const { db, staff } = t;
  const own = contactInputSchema.parse({
    surname: 'Шевченко',
    givenName: 'Олена',
    phones: [{ number: '+380671234567' }],
  });
  const annaContact = (await createContact(db, { userId: staff.anna }, own)).after.id;
  const foreign = contactInputSchema.parse({
    surname: 'Коваль',
    givenName: 'Петро',
    phones: [{ number: '+380501112233' }],
  });
  const borysContact = (await createContact(db, { userId: staff.borys }, foreign)).after.id;
  const company = companyInputSchema.parse({ name: 'Пекарня Світанок', edrpou: '14360570' });
  const annaCompany = (await createCompany(db, { userId: staff.anna }, company)).after.id;
  return { annaContact, borysContact, annaCompany };
}

/** 1,000 data rows: 993 good, 7 bad ones of seven kinds (rows 101, 202, … 707). */
function thousandRows(): string {
  const bad: Record<number, string> = {
    101: 'Погана сума;12,5,0;UAH;Продажі;Нова;01.02.2027;anna;;',
    202: 'Невідомий етап;100;UAH;Продажі;Спроба;01.02.2027;anna;;',
    303: 'Погана дата;100;UAH;Продажі;Нова;31.02.2027;anna;;',
    404: 'Чужий власник;100;UAH;Продажі;Нова;01.02.2027;borys;;',
    505: 'Погана валюта;100;BTC;Продажі;Нова;01.02.2027;anna;;',
    606: ';100;UAH;Продажі;Нова;01.02.2027;anna;;',
    707: 'Програна;100;UAH;Продажі;Програно;01.02.2027;anna;;',
  };
  const stages = ['Нова', 'Кваліфікація', 'Пропозиція', 'Переговори', 'Виграно'];
  const lines = [HEADER];
  for (let i = 1; i <= 1000; i++) {
    lines.push(
      bad[i] ??
        [
          `Угода №${i}`,
          i === 1 ? '12 500,50' : `${i} 000`,
          i % 2 === 0 ? 'грн' : 'USD',
          'Продажі',
          stages[i % stages.length],
          `${String((i % 28) + 1).padStart(2, '0')}.03.2027`,
          i % 3 === 0 ? 'ANNA' : 'anna',
          i % 5 === 0 ? '067 123 45 67' : '',
          i % 7 === 0 ? '14360570' : '',
        ].join(';'),
    );
  }
  return lines.join('\r\n');
}

describe('deals import', () => {
  for (const [encoding, encode] of [
    ['windows-1251', encodeCp1251],
    ['utf-8', (text: string) => Buffer.from(text, 'utf8')],
  ] as const) {
    it(`1,000 rows in ${encoding}: 993 deals, 7 bad rows refused with typed reasons`, async () => {
      const t = await office();
      const { db, vault, staff } = t;
      const { annaContact, annaCompany } = await clients(t);
      const table = await openImportFile(
        files.file(`deals-${encoding}.csv`, encode(thousandRows())),
      );
      const mapping = suggestDealMapping(table.headers);
      expect(mapping.columns).toEqual([
        'title',
        'amount',
        'currency',
        'pipeline',
        'stage',
        'expectedClose',
        'owner',
        'contact',
        'company',
      ]);
      const viewer = manager(staff.anna, 'north');
      const dry = await dryRunDealImport(vault, table, mapping, viewer, { actorId: staff.anna });
      expect(dry.counts).toMatchObject({ rows: 1000, create: 993, error: 7, duplicate: 0 });
      expect(await db.selectFrom('deals').select('id').execute()).toEqual([]);

      const done = await commitDealImport(vault, table, mapping, viewer, {
        actorId: staff.anna,
        batchSize: 250,
      });
      expect(table.encoding).toBe(encoding);
      expect(done.counts).toEqual(dry.counts);
      expect(done.problems).toEqual([
        { row: 101, kind: 'error', issues: [{ field: 'amount', code: 'deal.amount_format' }] },
        { row: 202, kind: 'error', issues: [{ field: 'stage', code: 'import.stage_unknown' }] },
        {
          row: 303,
          kind: 'error',
          issues: [{ field: 'expectedClose', code: 'import.close_date' }],
        },
        { row: 404, kind: 'error', issues: [{ field: 'owner', code: 'import.owner_unknown' }] },
        { row: 505, kind: 'error', issues: [{ field: 'currency', code: 'deal.currency_invalid' }] },
        { row: 606, kind: 'error', issues: [{ field: 'title', code: 'deal.title_required' }] },
        { row: 707, kind: 'error', issues: [{ field: 'stage', code: 'import.stage_lost' }] },
      ]);
      expect(done.warnings).toEqual([]);
      const first = await db
        .selectFrom('deals')
        .selectAll()
        .where('title', '=', 'Угода №1')
        .executeTakeFirstOrThrow();
      expect(first).toMatchObject({
        amount_minor: 1250050,
        currency: 'USD',
        stage_id: 'stage-qualified',
        probability: 25,
        expected_close: '2027-03-02',
        owner_id: staff.anna,
        created_by: staff.anna,
        contact_id: null,
        company_id: null,
      });
      const linked = await db
        .selectFrom('deals')
        .select(['contact_id', 'company_id', 'closed_at'])
        .where('title', '=', 'Угода №35')
        .executeTakeFirstOrThrow();
      expect(linked).toMatchObject({ contact_id: annaContact, company_id: annaCompany });
      const won = await db
        .selectFrom('deals')
        .select(['stage_id', 'closed_at'])
        .where('title', '=', 'Угода №4')
        .executeTakeFirstOrThrow();
      expect(won.stage_id).toBe('stage-won');
      expect(won.closed_at).not.toBeNull();
      const batch = await db
        .selectFrom('import_batches')
        .selectAll()
        .where('id', '=', done.batchId)
        .executeTakeFirstOrThrow();
      expect(batch).toMatchObject({ record_type: 'deal', status: 'done', created_count: 993 });
      const records = await db
        .selectFrom('import_batch_records')
        .select(db.fn.countAll<number>().as('n'))
        .where('batch_id', '=', done.batchId)
        .executeTakeFirstOrThrow();
      expect(records.n).toBe(993);
    }, 120_000);
  }

  it('a manager cannot link to another team’s contact: imported unlinked, with a warning that reveals nothing', async () => {
    const t = await office();
    const { db, vault, staff } = t;
    const { annaContact } = await clients(t);
    const csv = [
      'Угода;Контакт;Компанія',
      'Своя за телефоном;+380671234567;',
      'Своя за іменем;Олена Шевченко;',
      'Чужа за телефоном;050 111 22 33;',
      'Чужа за іменем;Коваль Петро;',
      'Нікого;Нікому Ніхто;Немає Такої',
    ].join('\n');
    const table = await openImportFile(files.file('links.csv', csv));
    const mapping = suggestDealMapping(table.headers);
    const done = await commitDealImport(vault, table, mapping, manager(staff.anna, 'north'), {
      actorId: staff.anna,
    });
    expect(done.counts).toMatchObject({ create: 5, error: 0 });
    expect(done.warnings).toEqual([
      { row: 3, code: 'import.contact_not_found' },
      { row: 4, code: 'import.contact_not_found' },
      { row: 5, code: 'import.contact_not_found' },
      { row: 5, code: 'import.company_not_found' },
    ]);
    const rows = await db
      .selectFrom('deals')
      .select(['title', 'contact_id'])
      .orderBy('title')
      .execute();
    expect(Object.fromEntries(rows.map(r => [r.title, r.contact_id]))).toEqual({
      'Своя за телефоном': annaContact,
      'Своя за іменем': annaContact,
      'Чужа за телефоном': null,
      'Чужа за іменем': null,
      Нікого: null,
    });
  });

  it('duplicates: same title and link skipped (in the file, in scope with its id, out of scope without), or imported when asked', async () => {
    const t = await office();
    const { vault, staff } = t;
    const { annaCompany } = await clients(t);
    const mine = await t.deal(staff.anna, { title: 'Поставка борошна', companyId: annaCompany });
    await t.deal(staff.borys, { title: 'Сервіс печей' });
    const csv = [
      'Назва;Компанія',
      'поставка  борошна;14360570',
      'Сервіс печей;',
      'Нова поставка;',
      'Нова поставка;',
    ].join('\n');
    const table = await openImportFile(files.file('dupes.csv', csv));
    const mapping = suggestDealMapping(table.headers);
    const viewer = manager(staff.anna, 'north');
    const dry = await dryRunDealImport(vault, table, mapping, viewer, { actorId: staff.anna });
    expect(dry.counts).toMatchObject({ create: 1, duplicate: 3 });
    expect(dry.problems).toEqual([
      { row: 1, kind: 'duplicate', reason: 'exists', field: 'title', recordIds: [mine.id] },
      {
        row: 2,
        kind: 'duplicate',
        reason: 'hidden',
        field: 'title',
        message: 'A deal you cannot see already has this title and client; ask its owner.',
      },
      { row: 4, kind: 'duplicate', reason: 'in_file', field: 'title', sameAsRow: 3 },
    ]);
    const all = await dryRunDealImport(vault, table, mapping, viewer, {
      actorId: staff.anna,
      duplicates: 'import',
    });
    expect(all.counts).toMatchObject({ create: 4, duplicate: 0 });
  });

  it('a stop between batches keeps the committed batches (cancelled), and undo removes exactly them', async () => {
    const t = await office();
    const { db, vault, staff } = t;
    const byHand = await t.deal(staff.anna, { title: 'Зроблена вручну' });
    const lines = ['Угода', ...Array.from({ length: 10 }, (_, i) => `Угода ${i + 1}`)];
    const table = await openImportFile(files.file('stop.csv', lines.join('\n')));
    const stop = new AbortController();
    const done = await commitDealImport(
      vault,
      table,
      suggestDealMapping(table.headers),
      manager(staff.anna, 'north'),
      {
        actorId: staff.anna,
        batchSize: 4,
        signal: stop.signal,
        onProgress: () => stop.abort(),
      },
    );
    expect(done).toMatchObject({ status: 'cancelled', counts: { rows: 4, create: 4 } });
    const batch = await db
      .selectFrom('import_batches')
      .select(['status', 'created_count'])
      .where('id', '=', done.batchId)
      .executeTakeFirstOrThrow();
    expect(batch).toEqual({ status: 'cancelled', created_count: 4 });
    const undone = await undoImport(db, done.batchId, { userId: staff.anna, teamId: 'north' });
    expect(undone).toMatchObject({ type: 'deals', deleted: 4, kept: [] });
    const live = await db
      .selectFrom('deals')
      .select('id')
      .where('deleted_at', 'is', null)
      .execute();
    expect(live).toEqual([{ id: byHand.id }]);
  });

  it('the head may name a colleague as owner; a manager only themself', async () => {
    const t = await office();
    const { db, vault, staff } = t;
    const table = await openImportFile(
      files.file('owners.csv', 'Угода;Відповідальний\nПерша;BORYS\nДруга;vira\n'),
    );
    const mapping = suggestDealMapping(table.headers);
    const head: DealImportViewer = {
      read: viewerOf(staff.head, 'all'),
      contacts: viewerOf(staff.head, 'all'),
      companies: viewerOf(staff.head, 'all'),
      reassign: 'all',
    };
    const done = await commitDealImport(vault, table, mapping, head, { actorId: staff.head });
    expect(done.counts).toMatchObject({ create: 2 });
    const owners = await db.selectFrom('deals').select(['title', 'owner_id']).execute();
    expect(owners).toEqual(
      expect.arrayContaining([
        { title: 'Перша', owner_id: staff.borys },
        { title: 'Друга', owner_id: staff.vira },
      ]),
    );
    const refused = await dryRunDealImport(vault, table, mapping, manager(staff.anna, 'north'), {
      actorId: staff.anna,
    });
    expect(refused.counts).toMatchObject({ create: 0, error: 2 });
  });
});
