/**
 * The head's dashboard: which sections the caller may see (their own `*.read` grants, with those
 * grants' scopes) and the figures of each over the requested period. A section whose table does
 * not exist in this vault yet is empty ("no data yet"), never an error.
 */
import { type Viewer } from '../record/viewer';
import type { Database } from '../../vault/schema';
import { sql, type Kysely } from 'kysely';
import {
  ACTIVITY_WINDOW_DAYS,
  type AnalyticsPeriod,
  type Dashboard,
} from '../../../src-shared/ipc/analytics';
import type { Grants, Permission, Scope } from '../../../src-shared/permissions';
import { grantOf } from '../../../src-shared/roles';
import { fillMonths, periodOf } from './period';
import { activitiesByManager, newContactsByMonth, pipelineValue, wonLostByMonth } from './queries';

/** Who asks: identity, team and the role's grants (the session's). */
export interface AnalyticsCaller {
  userId: string;
  teamId: string | null;
  grants: Grants;
}

/** The caller's viewer for a read permission, or null when the role does not have it. */
function viewerFor(caller: AnalyticsCaller, permission: Permission): Viewer | null {
  const grant = grantOf(caller.grants, permission);
  if (grant === undefined || grant === true) return null;
  const scope: Scope = grant;
  return { userId: caller.userId, teamId: caller.teamId, scope };
}

/** True when `table` exists in the vault (its migration has run). */
async function hasTable(db: Kysely<Database>, table: string): Promise<boolean> {
  const found = await sql<{
    name: string;
  }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ${table}`.execute(db);
  return found.rows.length > 0;
}

/**
 * Computes the dashboard for `caller` over the last `months` calendar months in `timeZone` (the
 * office's, as reports use) and the activity window ending at `now`.
 */
export async function computeDashboard(
  db: Kysely<Database>,
  caller: AnalyticsCaller,
  months: AnalyticsPeriod,
  now: Date,
  timeZone = 'UTC',
): Promise<Dashboard> {
  const period = periodOf(now, months, timeZone);
  const list = period.months;
  const since = new Date(now.getTime() - ACTIVITY_WINDOW_DAYS * 86_400_000).toISOString();
  const recent = { from: since, to: new Date(now.getTime() + 1).toISOString() };

  const deals = viewerFor(caller, 'deals.read');
  const dealsExist = deals !== null && (await hasTable(db, 'deals'));
  const activities = viewerFor(caller, 'activities.read');
  const activitiesExist = activities !== null && (await hasTable(db, 'activities'));
  const contacts = viewerFor(caller, 'contacts.read');

  return {
    months: list,
    pipeline: deals === null ? null : dealsExist ? await pipelineValue(db, deals) : [],
    wonLost:
      deals === null
        ? null
        : fillMonths(list, dealsExist ? await wonLostByMonth(db, deals, period) : [], month => ({
            month,
            won: 0,
            lost: 0,
          })),
    activities:
      activities === null
        ? null
        : activitiesExist
          ? await activitiesByManager(db, activities, recent)
          : [],
    activitiesSince: since,
    newContacts:
      contacts === null
        ? null
        : fillMonths(list, await newContactsByMonth(db, contacts, period), month => ({
            month,
            count: 0,
          })),
  };
}
