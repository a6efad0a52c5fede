/**
 * The company list (and the contact form's company picker): scoped in SQL, sorted, filtered, paged
 * by keyset (the last row's sort value and id), never by OFFSET. Companies have no shares, so the
 * scope is one condition: `owner_id = ?` for a manager reads the first page straight from the
 * `companies_owner_*` index in order; scope `all` from `companies_*`.
 */
import { inScope, type Viewer } from '../record/viewer';
import { searchWords } from '../record/search-words';
import type { Database } from '../../vault/schema';
import { RecordError } from '../record/errors';
import { sql, type Kysely, type SqlBool } from 'kysely';
import type {
  CompanyListPage,
  CompanySort,
  CompanySummary,
  SortDirection,
} from '../../../src-shared/companies';

/** What the list can be asked for (the parsed `companies.list` input). */
export interface CompanyListQuery {
  sort: CompanySort;
  direction: SortDirection;
  filter?: {
    /** Words that must all appear in the name, ЄДРПОУ, РНОКПП, website or phone digits. */
    text?: string | undefined;
    ownerId?: string | undefined;
    /** Deleted companies too (holders of the restore grant only: the handler checks). */
    includeDeleted?: boolean | undefined;
  };
  cursor?: string | undefined;
  limit: number;
}

/** The column each order sorts by; the id breaks ties. */
const SORT_COLUMN = {
  name: 'companies.sort_key',
  updated: 'companies.updated_at',
  created: 'companies.created_at',
} as const satisfies Record<CompanySort, string>;

function encodeCursor(sort: CompanySort, direction: SortDirection, value: string, id: string) {
  return Buffer.from(JSON.stringify(['company', sort, direction, value, id]), 'utf8').toString(
    'base64url',
  );
}

/** The cursor's position; `invalid_input` when it is damaged or was made for another list. */
function decodeCursor(text: string, sort: CompanySort, direction: SortDirection) {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parts = null;
  }
  if (
    !Array.isArray(parts) ||
    parts.length !== 5 ||
    parts[0] !== 'company' ||
    parts[1] !== sort ||
    parts[2] !== direction ||
    typeof parts[3] !== 'string' ||
    typeof parts[4] !== 'string'
  ) {
    throw new RecordError('invalid_input', 'cursor: not from this list; start from the first page');
  }
  return { value: parts[3], id: parts[4] };
}

/** One page of the live companies (deleted ones too when asked) the viewer may see, in order. */
export async function listCompanies(
  db: Kysely<Database>,
  viewer: Viewer,
  query: CompanyListQuery,
): Promise<CompanyListPage> {
  const { sort, direction, limit } = query;
  const filter = query.filter ?? {};
  const column = SORT_COLUMN[sort];
  const cursor = query.cursor ? decodeCursor(query.cursor, sort, direction) : undefined;
  const words = filter.text ? searchWords(filter.text) : [];

  const rows = await db
    .selectFrom('companies')
    .innerJoin('users', 'users.id', 'companies.owner_id')
    .select([
      'companies.id',
      'companies.owner_id',
      'users.display_name as owner_name',
      'companies.name',
      'companies.edrpou',
      'companies.rnokpp',
      'companies.website',
      'companies.created_at',
      'companies.updated_at',
      'companies.deleted_at',
      `${column} as sort_value`,
      sql<string | null>`json_extract(companies.phones, '$[0].e164')`.as('phone'),
    ])
    .$if(filter.includeDeleted !== true, q => q.where('companies.deleted_at', 'is', null))
    .where(inScope('companies', viewer))
    .$if(filter.ownerId !== undefined, q =>
      q.where('companies.owner_id', '=', filter.ownerId ?? ''),
    )
    .$if(words.length > 0, q =>
      q.where(eb =>
        eb.and(words.map(word => sql<SqlBool>`instr(companies.search_text, ${word}) > 0`)),
      ),
    )
    .$if(cursor !== undefined, q =>
      q.where(eb =>
        eb(
          eb.refTuple(column, 'companies.id'),
          direction === 'asc' ? '>' : '<',
          eb.tuple(cursor?.value ?? '', cursor?.id ?? ''),
        ),
      ),
    )
    .orderBy(column, direction)
    .orderBy('companies.id', direction)
    .limit(limit + 1)
    .execute();

  const shown = rows.slice(0, limit);
  const items = shown.map((r): CompanySummary => ({
    id: r.id,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    name: r.name,
    edrpou: r.edrpou,
    rnokpp: r.rnokpp,
    phone: r.phone,
    website: r.website,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  }));
  const last = shown.at(-1);
  return {
    items,
    nextCursor:
      rows.length > limit && last ? encodeCursor(sort, direction, last.sort_value, last.id) : null,
  };
}
