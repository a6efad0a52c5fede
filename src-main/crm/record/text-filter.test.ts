/**
 * The lists' text filter through FTS5 finds the same rows as the `instr` scan it replaced, for the
 * words both support (word prefixes, phone fragments), on a varied office: Cyrillic case, the three
 * apostrophes, phones, e-mails, tags, deleted rows, other owners' rows, shares — every page, in
 * every order, with both plans (few matches drive; many walk the order's index).
 */
import type { Database } from '../../vault/schema';
import { Kysely, SqliteDialect, type SqlBool, type Expression } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyInputSchema } from '../../../src-shared/companies';
import {
  contactInputSchema,
  contactTextOf,
  type ContactFields,
  type SortDirection,
} from '../../../src-shared/contacts';
import { dealInputSchema } from '../../../src-shared/deals/schema';
import { createCompany, listCompanies } from '../companies';
import {
  createContact,
  deleteContact,
  listContacts,
  scopeCondition,
  shareContact,
  type ContactListQuery,
} from '../contacts';
import { createContactsTestVault, viewerOf } from '../contacts/contacts.test-support';
import { fieldsToColumns } from '../contacts/tables';
import { createDeal, listDeals } from '../deals';
import { newRecordId } from '../record-id';
import { searchWords, wordsSql } from './search-words';
import { FEW_MATCHES, TEXT_FILTER_PLAN } from './text-filter';
import { closedAfterEach } from './vaults.test-support';
import { inScope, type Viewer } from './viewer';

/** A small office reaches the `walk` plan with this threshold (FEW_MATCHES stands at 100 000 rows). */
const FEW = 40;
beforeAll(() => {
  TEXT_FILTER_PLAN.fewMatches = FEW;
});
afterAll(() => {
  TEXT_FILTER_PLAN.fewMatches = FEW_MATCHES;
});

const office = closedAfterEach(async () => {
  const made = await createContactsTestVault();
  const { db, staff } = made;
  let minute = 0;
  const at = () => new Date(Date.UTC(2026, 0, 1, 9, minute++));
  const contact = async (owner: string, fields: Record<string, unknown>) =>
    (
      await createContact(
        db,
        { userId: owner },
        contactInputSchema.parse({ givenName: 'Олена', ...fields }),
        at(),
      )
    ).after.id;
  const { anna, borys, vira, owner } = staff;
  await contact(anna, { surname: 'Іванов', givenName: 'Петро', emails: ['ivan@firma.ua'] });
  await contact(anna, { surname: 'ІВАНОВА', givenName: 'Ірина', tags: ['VIP'] });
  await contact(anna, {
    surname: 'Петренко',
    givenName: 'Іван',
    phones: [{ number: '+380671234567' }],
  });
  await contact(anna, { surname: 'Коваль', givenName: "Мар'яна", companyName: 'Зелений Гай' });
  await contact(anna, { surname: 'Шевчук', givenName: 'Марʼяна', tags: ['опт', 'VIP'] });
  await contact(anna, {
    surname: 'Бондар',
    givenName: 'Мар’яна',
    phones: [{ number: '+380501112233' }],
  });
  await contact(anna, { surname: 'Їжак', givenName: 'Ґанна', messengers: { telegram: '@yizhak' } });
  await contact(anna, { surname: 'Ґудзь', givenName: 'Олег', emails: ['gudz@zelenyi.com.ua'] });
  await contact(vira, {
    surname: 'Іваненко',
    givenName: 'Віра',
    phones: [{ number: '+380671230000' }],
  });
  const gone = await contact(anna, { surname: 'Іванів', givenName: 'Ганна', tags: ['VIP'] });
  await deleteContact(db, viewerOf(anna, 'own'), gone, at());
  const theirs = await contact(borys, { surname: 'Іванович', givenName: 'Борис', tags: ['VIP'] });
  await contact(borys, {
    surname: 'Коваленко',
    givenName: 'Мар’ян',
    phones: [{ number: '+380671234999' }],
  });
  await shareContact(db, viewerOf(borys, 'own'), theirs, anna, at());
  await contact(owner, { surname: 'Загальний', givenName: 'Власник', tags: ['VIP'] });

  // Enough rows with one word that it walks the order's index (the other plan).
  const insert = made.vault.sqlite.prepare(
    `INSERT INTO contacts (id, owner_id, surname, given_name, patronymic, company_name, address,
       source, notes, phones, emails, messengers, tags, sort_key, search_text, created_at,
       created_by, updated_at, updated_by)
     VALUES (@id, @owner_id, @surname, @given_name, @patronymic, @company_name, @address, @source,
       @notes, @phones, @emails, @messengers, @tags, @sort_key, @search_text, @created_at,
       @owner_id, @updated_at, @owner_id)`,
  );
  made.vault.sqlite.transaction(() => {
    for (let i = 0; i < FEW + 100; i++) {
      const fields: ContactFields = {
        surname: 'Загальний',
        givenName: ['Петро', 'Ірина', 'Марʼяна'][i % 3] ?? 'Петро',
        patronymic: null,
        ...contactTextOf({}),
        phones: [],
        emails: [],
        messengers: {},
        tags: i % 7 === 0 ? ['VIP'] : [],
      };
      const stamp = new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString();
      insert.run({
        id: newRecordId(),
        owner_id: [anna, borys, vira][i % 3],
        ...fieldsToColumns(fields),
        created_at: stamp,
        updated_at: stamp,
      });
    }
  })();
  return made;
});

/** The words both filters support: word prefixes (any case, any apostrophe) and phone fragments. */
const CONTACT_TEXTS = [
  'іванов',
  'ІВАНОВ',
  'Іва',
  'іванов петро',
  'їжак',
  'ҐУДЗЬ',
  'ґанна',
  "мар'яна",
  'Марʼяна',
  'МАР’ЯНА',
  'мар',
  '067 123',
  '+380 67',
  '50111',
  '1234',
  'firma',
  'ivan@firma.ua',
  'vip',
  'опт',
  'зелений гай',
  '@yizhak',
  'загальний',
  'загальний петро',
  'загальний vip',
  'немає такого',
];

/** The filter as it was: every folded word a substring of the stored search text, scope in SQL. */
async function before(
  db: Kysely<Database>,
  viewer: Viewer,
  text: string,
  order: { column: 'sort_key' | 'updated_at' | 'created_at'; direction: SortDirection },
  includeDeleted: boolean,
): Promise<string[]> {
  const rows = await db
    .selectFrom('contacts')
    .select('contacts.id')
    .where(eb => scopeCondition(eb, viewer, 'use'))
    .$if(!includeDeleted, q => q.where('contacts.deleted_at', 'is', null))
    .where(wordsSql('contacts.search_text', searchWords(text)))
    .orderBy(`contacts.${order.column}`, order.direction)
    .orderBy('contacts.id', order.direction)
    .execute();
  return rows.map(r => r.id);
}

/** Every page of the list as it is now, 7 rows a page. */
async function after(db: Kysely<Database>, viewer: Viewer, query: ContactListQuery) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 500; pages++) {
    const page = await listContacts(db, viewer, { ...query, limit: 7, cursor });
    ids.push(...page.items.map(c => c.id));
    if (page.nextCursor === null) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('too many pages');
}

const ORDERS = [
  { sort: 'name', column: 'sort_key', direction: 'asc' },
  { sort: 'updated', column: 'updated_at', direction: 'desc' },
  { sort: 'created', column: 'created_at', direction: 'asc' },
] as const;

describe('contacts: the FTS5 filter finds what the instr scan found', () => {
  it('for a manager (own + shared), the team head scope and the owner with deleted rows', async () => {
    const { db, staff, vault } = await office();
    const viewers: { viewer: Viewer; includeDeleted: boolean }[] = [
      { viewer: viewerOf(staff.anna, 'own'), includeDeleted: false },
      { viewer: viewerOf(staff.anna, 'team', 'north'), includeDeleted: false },
      { viewer: viewerOf(staff.owner, 'all'), includeDeleted: true },
    ];
    // Which plan each request took, from the SQL it ran.
    const plans = new Set<string>();
    const logged = new Kysely<Database>({
      dialect: new SqliteDialect({ database: vault.sqlite }),
      log: e => {
        if (/FROM "?contacts"?/i.test(e.query.sql) && /search_rows/.test(e.query.sql)) {
          plans.add(/CROSS JOIN search_rows/.test(e.query.sql) ? 'matches' : 'walk');
        }
      },
    });
    let compared = 0;
    for (const { viewer, includeDeleted } of viewers) {
      for (const text of CONTACT_TEXTS) {
        for (const order of ORDERS) {
          const old = await before(db, viewer, text, order, includeDeleted);
          const now = await after(logged, viewer, {
            sort: order.sort,
            direction: order.direction,
            filter: { text, includeDeleted },
            limit: 7,
          });
          expect({ text, order: order.sort, ids: now }).toEqual({
            text,
            order: order.sort,
            ids: old,
          });
          compared += old.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(3 * FEW);
    expect([...plans].sort()).toEqual(['matches', 'walk']);
  });

  it("never shows another manager's unshared contact or a deleted one without includeDeleted", async () => {
    const { db, staff } = await office();
    const anna = viewerOf(staff.anna, 'own');
    const page = await listContacts(db, anna, {
      sort: 'name',
      direction: 'asc',
      limit: 50,
      filter: { text: 'іва' },
    });
    const names = page.items.map(c => c.surname).sort();
    expect(names).toEqual(['ІВАНОВА', 'Іванов', 'Іванович', 'Петренко']);
    const phone = await listContacts(db, anna, {
      sort: 'name',
      direction: 'asc',
      limit: 50,
      filter: { text: '067 1234' },
    });
    // Borys's +380671234999 is his, unshared.
    expect(phone.items.map(c => c.surname)).toEqual(['Петренко']);
  });

  it('now also finds what global search finds in the other fields (notes, address, job title)', async () => {
    const { db, staff } = await office();
    const input = contactInputSchema.parse({
      surname: 'Нотатка',
      givenName: 'Тест',
      notes: 'Просив передзвонити',
      position: 'Головний бухгалтер',
    });
    await createContact(db, { userId: staff.anna }, input);
    const anna = viewerOf(staff.anna, 'own');
    for (const text of ['передзвон', 'бухгалтер']) {
      const page = await listContacts(db, anna, {
        sort: 'name',
        direction: 'asc',
        limit: 10,
        filter: { text },
      });
      expect(page.items.map(c => c.surname)).toEqual(['Нотатка']);
      expect(await before(db, anna, text, ORDERS[0], false)).toEqual([]);
    }
  });
});

describe('companies and deals: the same set as before', () => {
  it('companies by name, case, apostrophe, ЄДРПОУ and phone fragments, website host; deals by title', async () => {
    const { db, staff } = await office();
    const company = (owner: string, fields: Record<string, unknown>) =>
      createCompany(db, { userId: owner }, companyInputSchema.parse(fields));
    await company(staff.anna, { name: 'ТОВ «Зелений Гай»', edrpou: '32855961' });
    await company(staff.anna, { name: "Дем'ян і Партнери", website: 'https://firma.ua/about' });
    await company(staff.anna, { name: 'ЗЕЛЕНБУД', phones: [{ number: '+380445556677' }] });
    await company(staff.borys, { name: 'Зелена Гора', edrpou: '32855008' });
    const deal = (owner: string, title: string) =>
      createDeal(db, { userId: owner }, {}, dealInputSchema.parse({ title, amountMinor: 100 }));
    await deal(staff.anna, 'Поставка обладнання');
    await deal(staff.anna, 'ПОСТАВКА труб');
    await deal(staff.anna, "Об'єкт на Подолі");
    await deal(staff.borys, 'Поставка цементу');

    const anna = viewerOf(staff.anna, 'own');
    const scoped = (table: 'companies' | 'deals'): Expression<SqlBool> => inScope(table, anna);
    for (const text of [
      'зелен',
      'ЗЕЛЕНИЙ',
      "дем'ян",
      'демʼян',
      '8559',
      '3285',
      '44 555',
      'firma',
    ]) {
      const old = await db
        .selectFrom('companies')
        .select('companies.id')
        .where(scoped('companies'))
        .where('companies.deleted_at', 'is', null)
        .where(wordsSql('companies.search_text', searchWords(text)))
        .orderBy('companies.sort_key')
        .orderBy('companies.id')
        .execute();
      const now = await listCompanies(db, anna, {
        sort: 'name',
        direction: 'asc',
        limit: 50,
        filter: { text },
      });
      expect({ text, ids: now.items.map(c => c.id) }).toEqual({ text, ids: old.map(r => r.id) });
      expect(old.length).toBeGreaterThan(0);
    }
    for (const text of ['поставка', 'ПОСТ', "об'єкт", 'обʼєкт', 'труб', 'цемент']) {
      const old = await db
        .selectFrom('deals')
        .select('deals.id')
        .where(scoped('deals'))
        .where('deals.deleted_at', 'is', null)
        .where(wordsSql('deals.sort_key', searchWords(text)))
        .orderBy('deals.updated_at', 'desc')
        .orderBy('deals.id', 'desc')
        .execute();
      const now = await listDeals(db, anna, {
        sort: 'updated',
        direction: 'desc',
        limit: 50,
        filter: { text },
      });
      expect({ text, ids: now.items.map(d => d.id) }).toEqual({ text, ids: old.map(r => r.id) });
    }
  });
});

describe('query plans', () => {
  /** EXPLAIN QUERY PLAN of the list statement for `text` as Anna (own scope), by name. */
  async function planOf(text: string): Promise<string> {
    const { vault, staff } = await office();
    const statements: { sql: string; parameters: readonly unknown[] }[] = [];
    const logged = new Kysely<Database>({
      dialect: new SqliteDialect({ database: vault.sqlite }),
      log: e => void statements.push(e.query),
    });
    const anna = viewerOf(staff.anna, 'own');
    await listContacts(logged, anna, {
      sort: 'name',
      direction: 'asc',
      limit: 20,
      filter: { text },
    });
    const list = statements.at(-1);
    if (!list) throw new Error('no statement');
    const rows = vault.sqlite.prepare(`EXPLAIN QUERY PLAN ${list.sql}`).all(...list.parameters);
    return (rows as { detail: string }[]).map(r => r.detail).join('\n');
  }

  it('a rare word: the FTS5 matches drive, no walk over the contacts', async () => {
    const plan = await planOf('їжак');
    expect(plan).toMatch(/SCAN search_text_contacts VIRTUAL TABLE/);
    expect(plan).toMatch(/SEARCH search_rows USING INTEGER PRIMARY KEY/);
    expect(plan).not.toMatch(/SCAN contacts|USING INDEX contacts_(owner_)?name/);
  });

  it('a common word: the order index is walked in order, no sort, matches looked up by key', async () => {
    const plan = await planOf('загальний');
    expect(plan).toMatch(
      /SEARCH contacts USING (COVERING )?INDEX contacts_owner_name \(owner_id=\? AND deleted_at=\?/,
    );
    expect(plan).toMatch(/SCAN search_text_contacts VIRTUAL TABLE/);
    expect(plan).not.toMatch(/SCAN contacts\b/);
  });
});
