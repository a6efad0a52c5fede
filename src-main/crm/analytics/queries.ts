/**
 * The dashboard's figures, each one GROUP BY query limited by the caller's read scope of that kind
 * of record — the same scope builders the list queries use (contacts: `scopeCondition` with access
 * `use`, so shared contacts count; deals: `dealScopeCondition`; activities: `ownerScopeSql` on the
 * activity's owner). Nothing is filtered after fetching. Deleted records are never counted.
 */
import { inScope, type Viewer } from '../record/viewer';
import type { Database } from '../../vault/schema';
import { sql, type Kysely } from 'kysely';
import type {
  ManagerActivities,
  MonthCount,
  PipelineStageValue,
  WonLostMonth,
} from '../../../src-shared/ipc/analytics';
import { scopeCondition } from '../contacts/scope';
import { monthOfSql, type Period } from './period';

/** A `[from, to)` range of stored ISO times. */
export interface TimeRange {
  from: string;
  to: string;
}

/** Open deals per pipeline stage and currency: count and total amount (minor units). */
export async function pipelineValue(
  db: Kysely<Database>,
  viewer: Viewer,
): Promise<PipelineStageValue[]> {
  const rows = await db
    .selectFrom('deals')
    .where(inScope('deals', viewer))
    .where('deals.deleted_at', 'is', null)
    .innerJoin('pipeline_stages as s', 's.id', 'deals.stage_id')
    .innerJoin('pipelines as p', 'p.id', 's.pipeline_id')
    .where('s.outcome', '=', 'open')
    .groupBy(['s.id', 'deals.currency'])
    .select(eb => [
      'p.id as pipelineId',
      'p.name as pipelineName',
      's.id as stageId',
      's.name as stageName',
      's.position as position',
      'deals.currency as currency',
      eb.fn.countAll<number>().as('deals'),
      eb.fn.sum<number>('deals.amount_minor').as('amountMinor'),
    ])
    .orderBy('p.is_default', 'desc')
    .orderBy('p.name')
    .orderBy('s.position')
    .orderBy('deals.currency')
    .execute();
  return rows.map(r => ({ ...r, deals: Number(r.deals), amountMinor: Number(r.amountMinor) }));
}

/** Deals closed as won or lost per month of the period (`closed_at`, the office's months). */
export async function wonLostByMonth(
  db: Kysely<Database>,
  viewer: Viewer,
  period: Period,
): Promise<WonLostMonth[]> {
  const month = monthOfSql('deals.closed_at', period);
  const rows = await db
    .selectFrom('deals')
    .where(inScope('deals', viewer))
    .where('deals.deleted_at', 'is', null)
    .where('deals.closed_at', '>=', period.starts[0] ?? period.to)
    .where('deals.closed_at', '<', period.to)
    .innerJoin('pipeline_stages as s', 's.id', 'deals.stage_id')
    .where('s.outcome', 'in', ['won', 'lost'])
    .groupBy(month)
    .select(eb => [
      month.as('month'),
      eb.fn.sum<number>(sql`s.outcome = 'won'`).as('won'),
      eb.fn.sum<number>(sql`s.outcome = 'lost'`).as('lost'),
    ])
    .orderBy('month')
    .execute();
  return rows.map(r => ({ month: r.month, won: Number(r.won), lost: Number(r.lost) }));
}

/** Activities per owner within `range` (`occurred_at`), most first, with the owner's name. */
export async function activitiesByManager(
  db: Kysely<Database>,
  viewer: Viewer,
  range: TimeRange,
): Promise<ManagerActivities[]> {
  const rows = await db
    .selectFrom('activities')
    .where(inScope('activities', viewer))
    // Every owner is a user: naming them lets scope "all" seek activities_owner_occurred per owner
    // (migration 0016 dropped the time-only index) instead of scanning the table.
    .where(eb => eb('activities.owner_id', 'in', eb.selectFrom('users').select('users.id')))
    .where('activities.deleted_at', 'is', null)
    .where('activities.occurred_at', '>=', range.from)
    .where('activities.occurred_at', '<', range.to)
    .innerJoin('users', 'users.id', 'activities.owner_id')
    .groupBy('activities.owner_id')
    .select(eb => [
      'activities.owner_id as userId',
      'users.display_name as displayName',
      eb.fn.countAll<number>().as('activities'),
    ])
    .orderBy('activities', 'desc')
    .orderBy('users.display_name')
    .execute();
  return rows.map(r => ({ ...r, activities: Number(r.activities) }));
}

/** Live contacts created per month of the period (`created_at`, the office's months). */
export async function newContactsByMonth(
  db: Kysely<Database>,
  viewer: Viewer,
  period: Period,
): Promise<MonthCount[]> {
  const month = monthOfSql('contacts.created_at', period);
  const rows = await db
    .selectFrom('contacts')
    .where(eb => scopeCondition(eb, viewer, 'use'))
    .where('contacts.deleted_at', 'is', null)
    .where('contacts.created_at', '>=', period.starts[0] ?? period.to)
    .where('contacts.created_at', '<', period.to)
    .groupBy(month)
    .select(eb => [month.as('month'), eb.fn.countAll<number>().as('count')])
    .orderBy('month')
    .execute();
  return rows.map(r => ({ month: r.month, count: Number(r.count) }));
}
