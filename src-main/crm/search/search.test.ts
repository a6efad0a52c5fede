/**
 * Global search on a real vault: what each user finds by typing, across case, apostrophes, prefixes,
 * phone and code fragments, and what they never find (other people's records, deleted ones).
 */
import type { Database } from '../../vault/schema';
import { readFileSync } from 'node:fs';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activityInputSchema } from '../../../src-shared/activities/schema';
import { companyInputSchema } from '../../../src-shared/companies';
import { contactInputSchema, contactPatchSchema } from '../../../src-shared/contacts';
import { dealInputSchema } from '../../../src-shared/deals/schema';
import type { SearchResult } from '../../../src-shared/ipc/search';
import type { Grants } from '../../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { type OpenVault } from '../../vault';
import { createActivity } from '../activities';
import { createCompany } from '../companies';
import { createContact, deleteContact, restoreContact, updateContact } from '../contacts';
import {
  createContactsTestVault,
  viewerOf,
  type ContactsTestDb,
  type TestStaff,
} from '../contacts/contacts.test-support';
import { createDeal } from '../deals';
import { searchRecords } from './search';

const T = new Date('2026-03-01T10:00:00.000Z');
let vault: OpenVault;
let db: ContactsTestDb;
let staff: TestStaff;

beforeEach(async () => {
  ({ vault, db, staff } = await createContactsTestVault());
});
afterEach(() => vault.close());

/** The vault typed with the deal and activity tables. */
const crm = () => vault.db;

async function contact(owner: string, fields: Record<string, unknown>): Promise<string> {
  const input = contactInputSchema.parse({ givenName: 'Тест', ...fields });
  return (await createContact(db, { userId: owner }, input, T)).after.id;
}

/** What `userId` with the grants of `role` gets for `text`. */
function search(userId: string, role: string, text: string, teamId: string | null = null) {
  const grants = BUILT_IN_GRANTS[role as keyof typeof BUILT_IN_GRANTS] as Grants;
  return searchRecords(db, { userId, teamId, grants }, { text, limit: 10 });
}

const titles = (r: SearchResult, group: keyof SearchResult = 'contacts') =>
  (r[group] ?? []).map(h => h.title);

describe('what typing finds', () => {
  it('ignores Cyrillic case: іванов, ЇЖАК/їжак, Ґ', async () => {
    await contact(staff.owner, { surname: 'Іванов', givenName: 'Петро' });
    await contact(staff.owner, { surname: 'ЇЖАК', givenName: 'Олег' });
    await contact(staff.owner, { surname: 'Ґудзь', givenName: 'Ганна' });
    expect(titles(await search(staff.owner, 'owner', 'іванов'))).toEqual(['Іванов Петро']);
    expect(titles(await search(staff.owner, 'owner', 'їжак'))).toEqual(['ЇЖАК Олег']);
    expect(titles(await search(staff.owner, 'owner', 'ҐУДЗЬ'))).toEqual(['Ґудзь Ганна']);
    expect(titles(await search(staff.owner, 'owner', 'ґудзь ганна'))).toEqual(['Ґудзь Ганна']);
  });

  it("finds Мар'яна, Марʼяна and Мар’яна whichever apostrophe is typed", async () => {
    await contact(staff.owner, { surname: 'Коваль', givenName: "Мар'яна" });
    await contact(staff.owner, { surname: 'Шевчук', givenName: 'Марʼяна' });
    await contact(staff.owner, { surname: 'Бондар', givenName: 'Мар’яна' });
    for (const typed of ["мар'яна", 'Марʼяна', 'МАР’ЯНА', 'Мар`ян']) {
      const found = titles(await search(staff.owner, 'owner', typed)).sort();
      expect(found).toEqual(['Бондар Мар’яна', "Коваль Мар'яна", 'Шевчук Марʼяна']);
    }
  });

  it('finds by word prefix, Latin too', async () => {
    await contact(staff.owner, {
      surname: 'Іванов',
      givenName: 'Петро',
      emails: ['ivan@firma.ua'],
    });
    await contact(staff.owner, { surname: 'Петренко', givenName: 'Іван' });
    expect(titles(await search(staff.owner, 'owner', 'Іва')).sort()).toEqual([
      'Іванов Петро',
      'Петренко Іван',
    ]);
    expect(titles(await search(staff.owner, 'owner', 'Іва Пет'))).toHaveLength(2);
    expect(titles(await search(staff.owner, 'owner', 'Іванов Пет'))).toEqual(['Іванов Петро']);
    expect(titles(await search(staff.owner, 'owner', 'FIRMA'))).toEqual(['Іванов Петро']);
    expect(titles(await search(staff.owner, 'owner', 'ванов'))).toEqual([]);
  });

  it('finds a phone by a fragment typed with spaces', async () => {
    await contact(staff.owner, { surname: 'Мельник', phones: [{ number: '+380671234567' }] });
    await contact(staff.owner, { surname: 'Ткач', phones: [{ number: '+380501112233' }] });
    expect(titles(await search(staff.owner, 'owner', '67 123'))).toEqual(['Мельник Тест']);
    expect(titles(await search(staff.owner, 'owner', '4567'))).toEqual(['Мельник Тест']);
    expect(titles(await search(staff.owner, 'owner', '+380'))).toHaveLength(2);
    expect(titles(await search(staff.owner, 'owner', '999'))).toEqual([]);
  });

  it('finds a company by a piece of its ЄДРПОУ, and by name', async () => {
    const input = companyInputSchema.parse({ name: 'ТОВ «Зелений Гай»', edrpou: '32855961' });
    await createCompany(db, { userId: staff.owner }, input, T);
    const byCode = await search(staff.owner, 'owner', '8559');
    expect(byCode.companies).toEqual([
      expect.objectContaining({ title: 'ТОВ «Зелений Гай»', subtitle: '32855961' }),
    ]);
    expect(titles(await search(staff.owner, 'owner', 'зелен'), 'companies')).toHaveLength(1);
  });

  it('finds deals and activity text, and says which record an activity belongs to', async () => {
    const id = await contact(staff.owner, { surname: 'Сидоренко' });
    const deal = dealInputSchema.parse({ title: 'Поставка обладнання', amountMinor: 1250000 });
    await createDeal(crm(), { userId: staff.owner }, {}, deal, T);
    const note = activityInputSchema.parse({
      kind: 'note',
      subject: 'Дзвінок',
      body: 'Обговорили знижку на обладнання',
      contactId: id,
    });
    const viewer = {
      userId: staff.owner,
      teamId: null,
      scope: 'all' as const,
      records: { contact: 'all' as const },
    };
    await createActivity(crm(), viewer, note, T);
    const r = await search(staff.owner, 'owner', 'обладн');
    expect(titles(r, 'deals')).toEqual(['Поставка обладнання']);
    expect(r.activities).toEqual([
      expect.objectContaining({ title: 'Дзвінок', record: { type: 'contact', id } }),
    ]);
  });
});

describe('long words', () => {
  it('finds a word longer than the 8 indexed prefix letters, typed whole or in another form', async () => {
    await contact(staff.owner, { surname: 'Коваленко-Шевчук', notes: 'Просив передзвонити' });
    await contact(staff.owner, { surname: 'Іваненко' });
    for (const typed of ['передзвонити', 'передзвонив', 'ПЕРЕДЗВ', 'Коваленко-Шевчук']) {
      expect(titles(await search(staff.owner, 'owner', typed))).toEqual(['Коваленко-Шевчук Тест']);
    }
    // Words are told apart by their first 8 letters (the documented trade-off, query.ts).
    expect(titles(await search(staff.owner, 'owner', 'передзвонюю'))).toHaveLength(1);
    expect(titles(await search(staff.owner, 'owner', 'передача'))).toEqual([]);
  });
});

describe('scope', () => {
  it("a manager never finds another manager's contact, and sees only the groups they may read", async () => {
    await contact(staff.borys, { surname: 'Таємний', phones: [{ number: '+380671234567' }] });
    await contact(staff.anna, { surname: 'Таємниця' });
    const anna = await search(staff.anna, 'manager', 'таємн', 'north');
    expect(titles(anna)).toEqual(['Таємниця Тест']);
    expect((await search(staff.anna, 'manager', '67123', 'north')).contacts).toEqual([]);
    const borys = await search(staff.borys, 'manager', 'таємн', 'south');
    expect(titles(borys)).toEqual(['Таємний Тест']);
    // The owner sees both.
    expect(titles(await search(staff.owner, 'owner', 'таємн'))).toHaveLength(2);
  });

  it('a group the role cannot read is absent, not empty', async () => {
    await contact(staff.owner, { surname: 'Іванов' });
    const r = await searchRecords(
      db,
      { userId: staff.owner, teamId: null, grants: { 'companies.read': 'all' } },
      { text: 'Іванов', limit: 10 },
    );
    expect(Object.keys(r)).toEqual(['companies']);
  });
});

describe('the index follows every change', () => {
  it('edit, delete and restore', async () => {
    const id = await contact(staff.owner, { surname: 'Старе' });
    const all = viewerOf(staff.owner, 'all');
    const c1 = await db
      .selectFrom('contacts')
      .select('updated_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await updateContact(
      db,
      all,
      id,
      contactPatchSchema.parse({ surname: 'Нове' }),
      c1.updated_at,
      T,
    );
    expect(titles(await search(staff.owner, 'owner', 'старе'))).toEqual([]);
    expect(titles(await search(staff.owner, 'owner', 'нове'))).toEqual(['Нове Тест']);
    await deleteContact(db, all, id, T);
    expect(titles(await search(staff.owner, 'owner', 'нове'))).toEqual([]);
    await restoreContact(db, all, id, T);
    expect(titles(await search(staff.owner, 'owner', 'нове'))).toEqual(['Нове Тест']);
  });

  it('finds a contact by job title, and by the new one after an edit', async () => {
    const id = await contact(staff.owner, { surname: 'Ткач', position: 'Головний бухгалтер' });
    expect(titles(await search(staff.owner, 'owner', 'бухгалтер'))).toEqual(['Ткач Тест']);
    const { updated_at } = await db
      .selectFrom('contacts')
      .select('updated_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const patch = contactPatchSchema.parse({ position: 'Директор' });
    await updateContact(db, viewerOf(staff.owner, 'all'), id, patch, updated_at, T);
    expect(titles(await search(staff.owner, 'owner', 'бухгалтер'))).toEqual([]);
    expect(titles(await search(staff.owner, 'owner', 'директор'))).toEqual(['Ткач Тест']);
  });

  it('the migration indexed the rows that existed before it', async () => {
    // Rows written with the triggers off stand for rows older than migrations 0013 and 0015.
    const id = await contact(staff.owner, { surname: 'Давній' });
    vault.sqlite.exec(
      `DELETE FROM search_text_contacts; DELETE FROM search_text_companies;
       DELETE FROM search_text_deals; DELETE FROM search_text_activities;
       DELETE FROM search_digits; DELETE FROM search_rows;`,
    );
    expect(titles(await search(staff.owner, 'owner', 'давній'))).toEqual([]);
    const backfill = migrationBackfill();
    vault.sqlite.exec(backfill);
    const r = await search(staff.owner, 'owner', 'давн');
    expect(r.contacts?.map(h => h.id)).toEqual([id]);
  });
});

/**
 * The backfill statements: keys and digits from migration 0013, text from 0015 (which replaced
 * 0013's shared text table). Top-level INSERTs only — the ones inside triggers are indented.
 */
function migrationBackfill(): string {
  const inserts = (file: string) =>
    readFileSync(new URL(`../../../migrations/${file}`, import.meta.url), 'utf8')
      .split(/;\n/)
      .map(part => part.replace(/^(--[^\n]*\n|\n)*/, ''))
      .filter(part => part.startsWith('INSERT INTO '));
  return [
    ...inserts('0013_search.sql').filter(st => !st.startsWith('INSERT INTO search_index ')),
    ...inserts('0015_search_per_entity.sql'),
  ]
    .map(st => `${st};`)
    .join('\n');
}

describe('query plan', () => {
  it('drives from FTS5 (newest first), then key and record lookups, no sort', async () => {
    const log: { sql: string; parameters: readonly unknown[] }[] = [];
    const logged = new Kysely<Database>({
      dialect: new SqliteDialect({ database: vault.sqlite }),
      log: event => void log.push(event.query),
    });
    await searchRecords(
      logged,
      { userId: staff.anna, teamId: 'north', grants: BUILT_IN_GRANTS.manager },
      { text: '67 123', limit: 8 },
    );
    expect(log.length).toBeGreaterThanOrEqual(4);
    for (const q of log) {
      const plan = (
        vault.sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.parameters) as {
          detail: string;
        }[]
      ).map(r => r.detail);
      expect(plan[0]).toMatch(/^SCAN search_(text_[a-z]+|digits) VIRTUAL TABLE/);
      expect(plan[1]).toMatch(/^SEARCH search_rows USING INTEGER PRIMARY KEY/);
      expect(plan.join('\n')).not.toMatch(
        /TEMP B-TREE|SCAN (contacts|companies|deals|activities)\b/,
      );
    }
  });
});
