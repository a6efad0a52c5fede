/**
 * The contact list: scoped in SQL, sorted, filtered, paged by keyset (the last row's sort value and
 * id), never by OFFSET — page 500 costs the same as page 1, and rows added or removed between two
 * pages neither repeat nor vanish. Indexes in migrations/0005_contacts.sql serve each order.
 */
import { afterCursor, pageOf, readListRequest } from '../record/cursor';
import {
  listSource,
  readTextFilter,
  textMatchSql,
  TEXT_INDEX,
  type TextFilter,
} from '../record/text-filter';
import { type Viewer } from '../record/viewer';
import type { Database } from '../../vault/schema';
import { sql, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type {
  ContactListPage,
  ContactSort,
  ContactSummary,
  SortDirection,
} from '../../../src-shared/contacts';
import { tidyText } from '../../../src-shared/contacts';
import type { CustomFilterCondition } from '../../../src-shared/custom-fields';
import { customFilterSql } from '../custom-fields/filter';
import { shownFieldIds, shownValues } from '../custom-fields/list-values';
import { viewFilterSql, type ContactViewFilter } from './list-filters';
import { scopeCondition } from './scope';

/** What the list can be asked for (the parsed `contacts.list` input). */
export interface ContactListQuery {
  sort: ContactSort;
  direction: SortDirection;
  filter?: ContactViewFilter & {
    /** Words that must all appear in a name, company, e-mail, phone, Telegram or tag. */
    text?: string | undefined;
    /** Exact tag. */
    tag?: string | undefined;
    ownerId?: string | undefined;
    /** Deleted contacts too (holders of `contacts.restore`: the caller checks). */
    includeDeleted?: boolean | undefined;
    /** Custom field conditions (../custom-fields/filter.ts). */
    custom?: readonly CustomFilterCondition[] | undefined;
  };
  cursor?: string | undefined;
  limit: number;
}

/** The column each order sorts by; the id breaks ties. */
const SORT_COLUMN = {
  name: 'contacts.sort_key',
  updated: 'contacts.updated_at',
  created: 'contacts.created_at',
} as const satisfies Record<ContactSort, string>;

function parseTags(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

type IdQuery = SelectQueryBuilder<Database, 'contacts', { id: string }>;

/**
 * Contacts shared with the user, driven from their share rows (CROSS JOIN fixes that order in
 * SQLite): a user has few shares, and without ANALYZE statistics the planner would otherwise walk
 * the whole name index looking for them (≈ 20 ms at 100 000 contacts).
 */
function sharedWith(k: Kysely<Database>, userId: string): IdQuery {
  const query = k
    .selectFrom('contact_shares')
    .crossJoin('contacts')
    .select('contacts.id')
    .where('contact_shares.user_id', '=', userId)
    .whereRef('contacts.id', '=', 'contact_shares.contact_id');
  // The extra table changes only the builder's type: page() qualifies every column with `contacts.`.
  return query as unknown as IdQuery;
}

/**
 * The scope as separate branches, each a plain indexed range: "I own it", "it is shared with me",
 * "its owner is in my team". One `owner_id = ? OR id IN (…)` query would make SQLite collect and
 * sort every row of the scope (≈ 230 ms for a manager with 5 000 of 100 000 contacts); each branch
 * instead reads its first page straight from an index in order, and the page is merged from those.
 */
function scopeBranches(k: Kysely<Database>, viewer: Viewer): IdQuery[] {
  const base = () => k.selectFrom('contacts').select('contacts.id');
  if (viewer.scope === 'all') return [base()];
  const branches = [
    base().where('contacts.owner_id', '=', viewer.userId),
    sharedWith(k, viewer.userId),
  ];
  if (viewer.scope === 'team' && viewer.teamId !== null) {
    const teamId = viewer.teamId;
    branches.push(
      base().where('contacts.owner_id', 'in', eb =>
        eb.selectFrom('users').select('users.id').where('users.team_id', '=', teamId),
      ),
    );
  }
  return branches;
}

/**
 * The text filter's `matches` plan: the few matched contacts in scope, driven from the matches
 * (CROSS JOIN keeps that order), one branch instead of the scope's index branches.
 */
function matchedInScope(k: Kysely<Database>, viewer: Viewer, filter: TextFilter): IdQuery {
  return listSource(k, 'contacts', filter)
    .select('contacts.id')
    .where(eb => scopeCondition(eb, viewer, 'use'));
}

/** One page of the contacts the viewer may see, in the asked order. */
export async function listContacts(
  db: Kysely<Database>,
  viewer: Viewer,
  query: ContactListQuery,
): Promise<ContactListPage> {
  const { direction, limit } = query;
  const filter = query.filter ?? {};
  const { column, key, cursor, text } = readListRequest(query, SORT_COLUMN, []);
  const tag = filter.tag ? tidyText(filter.tag) : '';
  const includeDeleted = filter.includeDeleted;
  const textFilter = await readTextFilter(db, TEXT_INDEX.contacts, text, { includeDeleted });
  const custom = await customFilterSql(db, 'contact', 'contacts', filter.custom);
  const shown = await shownFieldIds(db, 'contact');

  /** The filters, the keyset position, the order and the page size, the same for every branch. */
  const page = (qb: IdQuery): IdQuery =>
    qb
      .$if(filter.includeDeleted !== true, q => q.where('contacts.deleted_at', 'is', null))
      .$if(filter.ownerId !== undefined, q =>
        q.where('contacts.owner_id', '=', filter.ownerId ?? ''),
      )
      // Source, date created, company (the company's page too; the caller checks the company).
      .where(viewFilterSql(filter))
      .$if(tag.length > 0, q =>
        q.where(
          sql<SqlBool>`exists (select 1 from json_each(contacts.tags) where json_each.value = ${tag})`,
        ),
      )
      .$if(custom !== null, q => q.where(custom ?? sql<SqlBool>`1`))
      .$if(textFilter?.plan === 'walk', q =>
        q.where(
          textMatchSql('contacts', textFilter, {
            includeDeleted,
            searchColumn: 'contacts.search_text',
          }),
        ),
      )
      .$call(q => afterCursor(q, { column, idColumn: 'contacts.id', direction }, cursor, limit));

  const branches =
    textFilter?.plan === 'matches'
      ? [matchedInScope(db, viewer, textFilter)]
      : scopeBranches(db, viewer);
  const [first, ...others] = branches.map((branch, i) =>
    db.selectFrom(page(branch).as(`b${i}`)).select(`b${i}.id` as 'id'),
  );
  if (!first) return { items: [], nextCursor: null };
  const ids = others.reduce((union, branch) => union.unionAll(branch), first);

  const rows = await db
    .selectFrom('contacts')
    .innerJoin('users', 'users.id', 'contacts.owner_id')
    .select([
      'contacts.id',
      'contacts.owner_id',
      'users.display_name as owner_name',
      'contacts.surname',
      'contacts.given_name',
      'contacts.patronymic',
      'contacts.company_name',
      'contacts.tags',
      'contacts.created_at',
      'contacts.updated_at',
      'contacts.deleted_at',
      'contacts.custom_values',
      `${column} as sort_value`,
      sql<string | null>`json_extract(contacts.phones, '$[0].e164')`.as('phone'),
      sql<string | null>`json_extract(contacts.emails, '$[0]')`.as('email'),
    ])
    .where('contacts.id', 'in', ids)
    .orderBy(column, direction)
    .orderBy('contacts.id', direction)
    .limit(limit + 1)
    .execute();

  return pageOf(rows, limit, key, (r): ContactSummary => ({
    id: r.id,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    surname: r.surname,
    givenName: r.given_name,
    patronymic: r.patronymic,
    companyName: r.company_name,
    phone: r.phone,
    email: r.email,
    tags: parseTags(r.tags),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
    custom: shownValues(r.custom_values, shown),
  }));
}
