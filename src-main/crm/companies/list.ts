/**
 * The company list (and the contact form's company picker): scoped in SQL, sorted, filtered, paged
 * by keyset (the last row's sort value and id), never by OFFSET. Companies have no shares, so the
 * scope is one condition: `owner_id = ?` for a manager reads the first page straight from the
 * `companies_owner_*` index in order; scope `all` from `companies_*`.
 */
import { inScope, type Viewer } from '../record/viewer';
import { afterCursor, pageOf, readListRequest } from '../record/cursor';
import { listSource, readTextFilter, textMatchSql, TEXT_INDEX } from '../record/text-filter';
import type { Database } from '../../vault/schema';
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { CustomFilterCondition } from '../../../src-shared/custom-fields';
import { customFilterSql } from '../custom-fields/filter';
import { createdRangeSql, type CreatedRange } from '../record/created-filter';
import { shownFieldIds, shownValues } from '../custom-fields/list-values';
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
  filter?: CreatedRange & {
    /** Words that must all appear in the name, ЄДРПОУ, РНОКПП, website or phone digits. */
    text?: string | undefined;
    ownerId?: string | undefined;
    /** Deleted companies too (holders of the restore grant only: the handler checks). */
    includeDeleted?: boolean | undefined;
    /** Custom field conditions, all of which must hold (../custom-fields/filter.ts). */
    custom?: readonly CustomFilterCondition[] | undefined;
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

/** One page of the live companies (deleted ones too when asked) the viewer may see, in order. */
export async function listCompanies(
  db: Kysely<Database>,
  viewer: Viewer,
  query: CompanyListQuery,
): Promise<CompanyListPage> {
  const { direction, limit } = query;
  const filter = query.filter ?? {};
  const { column, key, cursor, text } = readListRequest(query, SORT_COLUMN, ['company']);
  const { includeDeleted } = filter;
  const textFilter = await readTextFilter(db, TEXT_INDEX.companies, text, { includeDeleted });
  const custom = await customFilterSql(db, 'company', 'companies', filter.custom);
  const created = createdRangeSql('companies', filter);
  const shown = await shownFieldIds(db, 'company');
  const rows = await listSource(db, 'companies', textFilter)
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
      'companies.custom_values',
      `${column} as sort_value`,
      sql<string | null>`json_extract(companies.phones, '$[0].e164')`.as('phone'),
    ])
    .$if(filter.includeDeleted !== true, q => q.where('companies.deleted_at', 'is', null))
    .where(inScope('companies', viewer))
    .$if(filter.ownerId !== undefined, q =>
      q.where('companies.owner_id', '=', filter.ownerId ?? ''),
    )
    .$if(custom !== null, q => q.where(custom ?? sql<SqlBool>`1`))
    .$if(created !== null, q => q.where(created ?? sql<SqlBool>`1`))
    .$if(textFilter?.plan === 'walk', q =>
      q.where(
        textMatchSql('companies', textFilter, {
          includeDeleted,
          searchColumn: 'companies.search_text',
        }),
      ),
    )
    .$call(q => afterCursor(q, { column, idColumn: 'companies.id', direction }, cursor, limit))
    .execute();

  return pageOf(rows, limit, key, (r): CompanySummary => ({
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
    custom: shownValues(r.custom_values, shown),
  }));
}
