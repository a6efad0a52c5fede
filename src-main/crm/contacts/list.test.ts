/**
 * The contact list: alphabet order for Ukrainian names, keyset pages that neither repeat nor skip
 * rows (also when rows are added between pages), filters, and index use for the scoped first page.
 */
import { closedAfterEach, rejectionCode as failure } from '../record/vaults.test-support';
import { type Viewer } from '../record/viewer';
import type { Database } from '../../vault/schema';
import { describe, expect, it } from 'vitest';
import { Kysely, SqliteDialect } from 'kysely';
import { contactInputSchema } from '../../../src-shared/contacts';
import type { OpenVault } from '../../vault';
import { createContact, listContacts, type ContactListQuery } from '.';
import { createContactsTestVault, viewerOf, type ContactsTestDb } from './contacts.test-support';

const office = closedAfterEach(createContactsTestVault);

async function add(
  db: ContactsTestDb,
  ownerId: string,
  fields: Record<string, unknown>,
  at?: Date,
) {
  const input = contactInputSchema.parse({ givenName: 'Олена', ...fields });
  return (await createContact(db, { userId: ownerId }, input, at)).after;
}

/** Walks every page and returns the ids in order. */
async function allPages(db: ContactsTestDb, viewer: Viewer, query: ContactListQuery) {
  const ids: string[] = [];
  let cursor = query.cursor;
  for (let pages = 0; pages < 100; pages++) {
    const page = await listContacts(db, viewer, { ...query, cursor });
    ids.push(...page.items.map(c => c.id));
    if (page.nextCursor === null) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('too many pages');
}

describe('order', () => {
  it('sorts Ukrainian names in alphabet order (і, ї, є, ґ in place; case and apostrophes ignored)', async () => {
    const { db, staff } = await office();
    const surnames = [
      'яковенко',
      'Ігнатенко',
      'Єрмак',
      'Ґудзь',
      'Гончар',
      'Їжак',
      'Іваненко',
      'Зуб',
      'Антоненко',
      "Д'Арк",
      'Дубовик',
      'ЮЩЕНКО',
      'Adams',
    ];
    for (const surname of surnames) await add(db, staff.anna, { surname });
    const anna = viewerOf(staff.anna, 'own');
    const page = await listContacts(db, anna, { sort: 'name', direction: 'asc', limit: 50 });
    expect(page.items.map(c => c.surname)).toEqual([
      'Adams',
      'Антоненко',
      'Гончар',
      'Ґудзь',
      "Д'Арк",
      'Дубовик',
      'Єрмак',
      'Зуб',
      'Іваненко',
      'Ігнатенко',
      'Їжак',
      'ЮЩЕНКО',
      'яковенко',
    ]);
    const desc = await listContacts(db, anna, { sort: 'name', direction: 'desc', limit: 3 });
    expect(desc.items.map(c => c.surname)).toEqual(['яковенко', 'ЮЩЕНКО', 'Їжак']);
  });

  it('pages by keyset in every order without repeats or gaps, even when rows are added between pages', async () => {
    const { db, staff } = await office();
    const anna = viewerOf(staff.anna, 'own');
    // Same surnames on purpose: the id breaks ties. Times: 25 distinct creation instants.
    for (let i = 0; i < 25; i++) {
      await add(
        db,
        staff.anna,
        { surname: i % 2 ? 'Коваль' : 'Шевчук', givenName: `Ім${'я'.repeat(1 + (i % 3))}` },
        new Date(Date.UTC(2026, 0, 1, 0, i)),
      );
    }
    await add(db, staff.borys, { surname: 'Чужий' });
    for (const sort of ['name', 'updated', 'created'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const all = await listContacts(db, anna, { sort, direction, limit: 200 });
        const paged = await allPages(db, anna, { sort, direction, limit: 7 });
        expect(paged).toEqual(all.items.map(c => c.id));
        expect(new Set(paged).size).toBe(25);
      }
    }

    const first = await listContacts(db, anna, { sort: 'name', direction: 'asc', limit: 10 });
    // A colleague adds a contact that sorts before the cursor, another after it.
    await add(db, staff.anna, { surname: 'Абрамчук' });
    await add(db, staff.anna, { surname: 'Щербак' });
    const rest = await allPages(db, anna, {
      sort: 'name',
      direction: 'asc',
      limit: 10,
      cursor: first.nextCursor ?? undefined,
    });
    const seen = [...first.items.map(c => c.id), ...rest];
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(26); // 25 + 'Щербак' (after the cursor); 'Абрамчук' sorts before it.
  });

  it('refuses a damaged cursor or one made for another order', async () => {
    const { db, staff } = await office();
    for (let i = 0; i < 3; i++) await add(db, staff.anna, { surname: `Коваль` });
    const anna = viewerOf(staff.anna, 'own');
    const page = await listContacts(db, anna, { sort: 'name', direction: 'asc', limit: 1 });
    const cursor = page.nextCursor ?? '';
    expect(
      await failure(
        listContacts(db, anna, { sort: 'updated', direction: 'asc', limit: 1, cursor }),
      ),
    ).toBe('invalid_input');
    expect(
      await failure(listContacts(db, anna, { sort: 'name', direction: 'desc', limit: 1, cursor })),
    ).toBe('invalid_input');
    expect(
      await failure(
        listContacts(db, anna, {
          sort: 'name',
          direction: 'asc',
          limit: 1,
          cursor: 'not-a-cursor',
        }),
      ),
    ).toBe('invalid_input');
  });
});

describe('filters', () => {
  it('finds by name in any case, by phone digits, by e-mail, by tag and by owner — within scope only', async () => {
    const { db, staff } = await office();
    await add(db, staff.anna, {
      surname: 'Ігнатенко',
      givenName: 'Марʼяна',
      phones: [{ number: '067 123 45 67' }],
      tags: ['VIP'],
    });
    await add(db, staff.anna, {
      surname: 'Коваль',
      companyName: 'Світанок',
      emails: ['info@svitanok.ua'],
      tags: ['опт'],
    });
    await add(db, staff.borys, { surname: 'Ігнатенко', givenName: 'Борис', tags: ['VIP'] });
    const anna = viewerOf(staff.anna, 'own');
    const find = async (viewer: Viewer, filter: ContactListQuery['filter']) =>
      (
        await listContacts(db, viewer, { sort: 'name', direction: 'asc', limit: 50, filter })
      ).items.map(c => `${c.surname} ${c.givenName}`);

    expect(await find(anna, { text: 'ІГНАТ' })).toEqual(['Ігнатенко Марʼяна']);
    expect(await find(anna, { text: "мар'яна ігнатенко" })).toEqual(['Ігнатенко Марʼяна']);
    expect(await find(anna, { text: '067 123' })).toEqual(['Ігнатенко Марʼяна']);
    expect(await find(anna, { text: '+380 67 123 45 67' })).toEqual(['Ігнатенко Марʼяна']);
    expect(await find(anna, { text: 'СВІТАНОК' })).toEqual(['Коваль Олена']);
    expect(await find(anna, { text: 'info@svitanok' })).toEqual(['Коваль Олена']);
    expect(await find(anna, { tag: 'VIP' })).toEqual(['Ігнатенко Марʼяна']);
    expect(await find(anna, { text: 'Борис' })).toEqual([]);
    expect(await find(anna, { ownerId: staff.borys })).toEqual([]);

    const head = viewerOf(staff.head, 'all');
    expect(await find(head, { tag: 'VIP' })).toEqual(['Ігнатенко Борис', 'Ігнатенко Марʼяна']);
    expect(await find(head, { ownerId: staff.borys })).toEqual(['Ігнатенко Борис']);
  });
});

describe('query plan', () => {
  /** How SQLite runs the query listContacts builds for this viewer (EXPLAIN QUERY PLAN lines). */
  async function planOf(
    vault: OpenVault,
    viewer: Viewer,
    query: ContactListQuery,
  ): Promise<string> {
    let captured: { sql: string; parameters: readonly unknown[] } | undefined;
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: vault.sqlite }),
      log: event => {
        captured = event.query;
      },
    });
    await listContacts(db, viewer, query);
    if (!captured) throw new Error('no query ran');
    const rows = vault.sqlite
      .prepare(`EXPLAIN QUERY PLAN ${captured.sql}`)
      .all(...captured.parameters) as { detail: string }[];
    return rows.map(r => r.detail).join('\n');
  }

  it('reads each scope branch in order from an index; no branch scans the table', async () => {
    const { vault, db, staff } = await office();
    await add(db, staff.anna, { surname: 'Коваль' });
    const first = { sort: 'name', direction: 'asc', limit: 100 } as const;

    const all = await planOf(vault, viewerOf(staff.head, 'all'), first);
    expect(all).toMatch(/COVERING INDEX contacts_name \(deleted_at=\?\)/);

    const byOwner = await planOf(vault, viewerOf(staff.head, 'all'), {
      ...first,
      filter: { ownerId: staff.anna },
    });
    expect(byOwner).toMatch(/COVERING INDEX contacts_owner_name \(owner_id=\? AND deleted_at=\?\)/);

    const own = await planOf(vault, viewerOf(staff.anna, 'own'), first);
    expect(own).toMatch(/COVERING INDEX contacts_owner_name \(owner_id=\? AND deleted_at=\?\)/);
    expect(own).toMatch(/contact_shares_user \(user_id=\?\)/);

    const byUpdate = await planOf(vault, viewerOf(staff.anna, 'own'), {
      ...first,
      sort: 'updated',
    });
    expect(byUpdate).toMatch(/contacts_owner_updated/);
    // Only the merged page (at most 2 × 101 ids, fetched by primary key) is sorted at the end.
    for (const plan of [all, byOwner, own, byUpdate]) expect(plan).not.toMatch(/SCAN contacts\b/);
  });
});
