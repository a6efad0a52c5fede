/**
 * The deal list and the kanban board: scoped in SQL, filtered, paged by keyset (the last row's sort
 * value and id), never by OFFSET. A board column is the list filtered by stage, newest change
 * first, so "show more" on a column is `listDeals` with the column's cursor. Column counts and
 * per-currency totals are one GROUP BY in SQL over the same scope.
 */
import { inScope, type Viewer } from '../record/viewer';
import { afterCursor, pageOf, readListRequest } from '../record/cursor';
import { listSource, readTextFilter, textMatchSql, TEXT_INDEX } from '../record/text-filter';
import type { Database } from '../../vault/schema';
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { CustomFilterCondition } from '../../../src-shared/custom-fields';
import { customFilterSql } from '../custom-fields/filter';
import { shownFieldIds, shownValues } from '../custom-fields/list-values';
import {
  amountRangeSql,
  closedRangeSql,
  createdRangeSql,
  type AmountRange,
  type ClosedRange,
  type CreatedRange,
} from '../record/created-filter';
import type {
  BoardColumn,
  Currency,
  DealBoard,
  DealListPage,
  DealSort,
  SortDirection,
  StageOutcome,
} from '../../../src-shared/deals';
import { getPipeline } from './pipelines';
import { rowToSummary } from './tables';

/** What the list can be asked for (the parsed `deals.list` input). */
export interface DealListQuery {
  sort: DealSort;
  direction: SortDirection;
  filter?: CreatedRange &
    AmountRange &
    ClosedRange & {
      /** Words that must all appear (as word prefixes) in the title, notes or lost reason. */
      text?: string | undefined;
      pipelineId?: string | undefined;
      stageId?: string | undefined;
      ownerId?: string | undefined;
      currency?: Currency | undefined;
      outcome?: StageOutcome | undefined;
      /** Custom field conditions, all of which must hold (../custom-fields/filter.ts). */
      custom?: readonly CustomFilterCondition[] | undefined;
    };
  cursor?: string | undefined;
  limit: number;
}

/** The column each order sorts by; the id breaks ties. */
const SORT_COLUMN = {
  updated: 'deals.updated_at',
  created: 'deals.created_at',
  title: 'deals.sort_key',
  amount: 'deals.amount_minor',
} as const satisfies Record<DealSort, string>;

/** One page of the live deals the viewer may see, in the asked order. */
export async function listDeals(
  db: Kysely<Database>,
  viewer: Viewer,
  query: DealListQuery,
): Promise<DealListPage> {
  const { direction, limit } = query;
  const filter = query.filter ?? {};
  const { column, key, cursor, text } = readListRequest(query, SORT_COLUMN, ['deal'], ['amount']);
  const textFilter = await readTextFilter(db, TEXT_INDEX.deals, text);
  const custom = await customFilterSql(db, 'deal', 'deals', filter.custom);
  const created = createdRangeSql('deals', filter);
  const amount = amountRangeSql(filter);
  const closed = closedRangeSql(filter);
  const shown = await shownFieldIds(db, 'deal');
  const rows = await listSource(db, 'deals', textFilter)
    .innerJoin('users', 'users.id', 'deals.owner_id')
    .innerJoin('pipeline_stages', 'pipeline_stages.id', 'deals.stage_id')
    .leftJoin('contacts', 'contacts.id', 'deals.contact_id')
    .leftJoin('companies', 'companies.id', 'deals.company_id')
    .select([
      'deals.id',
      'deals.owner_id',
      'users.display_name as owner_name',
      'deals.title',
      'deals.amount_minor',
      'deals.currency',
      'deals.probability',
      'deals.expected_close',
      'deals.pipeline_id',
      'deals.stage_id',
      'deals.lost_reason',
      'deals.contact_id',
      sql<string | null>`trim(contacts.given_name || ' ' || contacts.surname)`.as('contact_name'),
      'deals.company_id',
      'companies.name as company_name',
      'deals.created_at',
      'deals.updated_at',
      'deals.custom_values',
      sql<string | number>`${sql.ref(column)}`.as('sort_value'),
    ])
    .where('deals.deleted_at', 'is', null)
    .where(inScope('deals', viewer))
    .$if(filter.pipelineId !== undefined, q =>
      q.where('deals.pipeline_id', '=', filter.pipelineId ?? ''),
    )
    .$if(filter.stageId !== undefined, q => q.where('deals.stage_id', '=', filter.stageId ?? ''))
    .$if(filter.ownerId !== undefined, q => q.where('deals.owner_id', '=', filter.ownerId ?? ''))
    .$if(filter.currency !== undefined, q =>
      q.where('deals.currency', '=', filter.currency ?? 'UAH'),
    )
    .$if(filter.outcome !== undefined, q =>
      q.where('pipeline_stages.outcome', '=', filter.outcome ?? 'open'),
    )
    .$if(custom !== null, q => q.where(custom ?? sql<SqlBool>`1`))
    .$if(created !== null, q => q.where(created ?? sql<SqlBool>`1`))
    .$if(amount !== null, q => q.where(amount ?? sql<SqlBool>`1`))
    .$if(closed !== null, q => q.where(closed ?? sql<SqlBool>`1`))
    .$if(textFilter?.plan === 'walk', q => q.where(textMatchSql('deals', textFilter)))
    .$call(q => afterCursor(q, { column, idColumn: 'deals.id', direction }, cursor, limit))
    .execute();

  return pageOf(rows, limit, key, row => ({
    ...rowToSummary(row),
    custom: shownValues(row.custom_values, shown),
  }));
}

/**
 * The board of a pipeline: per stage the first `limit` cards (newest change first), the number of
 * live deals in scope and their totals per currency (SQL SUM, integer minor units).
 */
export async function dealBoard(
  db: Kysely<Database>,
  viewer: Viewer,
  query: { pipelineId: string; limit: number; ownerId?: string | undefined },
): Promise<DealBoard> {
  const pipeline = await getPipeline(db, query.pipelineId);
  const sums = await db
    .selectFrom('deals')
    .select(eb => [
      'deals.stage_id',
      'deals.currency',
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('deals.amount_minor').as('total'),
    ])
    .where('deals.pipeline_id', '=', pipeline.id)
    .where('deals.deleted_at', 'is', null)
    .where(inScope('deals', viewer))
    .$if(query.ownerId !== undefined, q => q.where('deals.owner_id', '=', query.ownerId ?? ''))
    .groupBy(['deals.stage_id', 'deals.currency'])
    .orderBy('deals.currency')
    .execute();
  const columns: BoardColumn[] = [];
  for (const stage of pipeline.stages) {
    const page = await listDeals(db, viewer, {
      sort: 'updated',
      direction: 'desc',
      filter: { stageId: stage.id, ownerId: query.ownerId },
      limit: query.limit,
    });
    const mine = sums.filter(s => s.stage_id === stage.id);
    columns.push({
      stageId: stage.id,
      items: page.items,
      nextCursor: page.nextCursor,
      count: mine.reduce((n, s) => n + Number(s.count), 0),
      totals: mine.map(s => ({ currency: s.currency, amountMinor: Number(s.total) })),
    });
  }
  return { pipeline, columns };
}
