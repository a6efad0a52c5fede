/**
 * The monthly review: per member of staff, sign-ins (count, first/last, devices), failed sign-ins,
 * record changes by kind and alerts raised/acknowledged, for one month in the report time zone.
 *
 * Coverage: a caller who may read the whole audit log (`audit.read`: the owner, an auditor-like
 * role) sees everyone; anyone else holding `reports.review` (a head) sees only the users of their
 * own team (`users.team_id`), or only themselves when they have no team. The restriction is part of
 * every query (./review-queries.ts). Ids, times and counts only: no client data.
 */
import type { Database } from '../vault/schema';
import type { Kysely } from 'kysely';
import type {
  MonthlyReview,
  ReviewRecordCounts,
  ReviewUserRow,
} from '../../src-shared/ipc/reports';
import type { Grants } from '../../src-shared/permissions';
import { grantOf } from '../../src-shared/roles';
import { lockoutLoginId } from '../auth/lockout-file';
import { normalizeLogin, type OpenVault } from '../vault';
import { monthRange, reportTimeZone } from './month';
import {
  alertsAcknowledgedQuery,
  alertsRaisedQuery,
  devicesQuery,
  failedQuery,
  recordsQuery,
  refusedSignInsQuery,
  signInsQuery,
  VERB_KIND,
  type ReviewRange,
} from './review-queries';

/** Who asks for the review. */
export interface ReviewCaller {
  userId: string;
  teamId: string | null;
  grants: Grants;
}

/** `all` for callers who may read the whole audit log, else `team`. */
export function reviewCoverage(grants: Grants): 'all' | 'team' {
  return grantOf(grants, 'audit.read') === true ? 'all' : 'team';
}

async function usersInScope(db: Kysely<Database>, caller: ReviewCaller, coverage: 'all' | 'team') {
  let q = db
    .selectFrom('users')
    .select(['id', 'login', 'display_name', 'role', 'status', 'team_id'])
    .orderBy('login');
  if (coverage === 'team') {
    q =
      caller.teamId === null
        ? q.where('id', '=', caller.userId)
        : q.where('team_id', '=', caller.teamId);
  }
  return q.execute();
}

function emptyCounts(feature: string): ReviewRecordCounts {
  return { feature, created: 0, changed: 0, deleted: 0, exported: 0 };
}

/** The review of `month` (`YYYY-MM`) for `caller`. */
export async function monthlyReview(
  vault: OpenVault,
  caller: ReviewCaller,
  month: string,
  now: Date,
): Promise<MonthlyReview> {
  const accounts = vault.db;
  // Kysely<A & B> is not assignable to Kysely<B>; the tables exist in every vault (0003, 0006).
  const db = vault.db;
  const timeZone = reportTimeZone(vault);
  const { from, to } = monthRange(month, timeZone);
  const coverage = reviewCoverage(caller.grants);
  const users = await usersInScope(accounts, caller, coverage);
  const range: ReviewRange = {
    from,
    to,
    userIds: coverage === 'all' ? null : users.map(u => u.id),
  };
  const loginIdOf = new Map(
    users.map(u => [lockoutLoginId(vault.vaultId, normalizeLogin(u.login)), u.id]),
  );
  const [signIns, devices, failed, refused, records, raised, acknowledged] = await Promise.all([
    signInsQuery(db, range).execute(),
    devicesQuery(db, range).execute(),
    failedQuery(db, range, coverage === 'all' ? null : [...loginIdOf.keys()]).execute(),
    refusedSignInsQuery(db, range).execute(),
    recordsQuery(db, range).execute(),
    alertsRaisedQuery(db, range).execute(),
    alertsAcknowledgedQuery(db, range).execute(),
  ]);

  const rows = new Map<string, ReviewUserRow>();
  for (const u of users) {
    rows.set(u.id, {
      userId: u.id,
      login: u.login,
      displayName: u.display_name,
      role: u.role,
      status: u.status === 'dismissed' ? 'dismissed' : 'active',
      signIns: 0,
      firstSignInAt: null,
      lastSignInAt: null,
      devices: [],
      failedSignIns: 0,
      records: [],
      totals: { created: 0, changed: 0, deleted: 0, exported: 0 },
      alertsRaised: 0,
      alertsAcknowledged: 0,
    });
  }
  for (const s of signIns) {
    const row = s.user_id === null ? undefined : rows.get(s.user_id);
    if (!row) continue;
    row.signIns = Number(s.n);
    row.firstSignInAt = s.first_at;
    row.lastSignInAt = s.last_at;
  }
  for (const d of devices) {
    const row = d.user_id === null ? undefined : rows.get(d.user_id);
    if (row && d.device_id !== null) row.devices.push(d.device_id);
  }
  for (const f of failed) {
    const id = loginIdOf.get(f.login_id);
    const row = id === undefined ? undefined : rows.get(id);
    if (row) row.failedSignIns += Number(f.n);
  }
  for (const d of refused) {
    const row = d.user_id === null ? undefined : rows.get(d.user_id);
    if (row) row.failedSignIns += Number(d.n);
  }
  for (const r of records) {
    const row = r.user_id === null ? undefined : rows.get(r.user_id);
    const [feature = '', verb = ''] = r.action.split('.');
    const kind = (VERB_KIND as Record<string, (typeof VERB_KIND)[keyof typeof VERB_KIND]>)[verb];
    if (!row || !kind) continue;
    let counts = row.records.find(c => c.feature === feature);
    if (!counts) {
      counts = emptyCounts(feature);
      row.records.push(counts);
    }
    const n = kind === 'exported' ? Number(r.records) : Number(r.n);
    counts[kind] += n;
    row.totals[kind] += n;
  }
  let systemAlerts = 0;
  for (const a of raised) {
    const row = a.user_id === null ? undefined : rows.get(a.user_id);
    if (row) row.alertsRaised += Number(a.n);
    else if (a.user_id === null) systemAlerts += Number(a.n);
  }
  for (const a of acknowledged) {
    const row = a.acknowledged_by === null ? undefined : rows.get(a.acknowledged_by);
    if (row) row.alertsAcknowledged += Number(a.n);
  }

  const active = (row: ReviewUserRow): boolean =>
    row.signIns + row.failedSignIns + row.alertsRaised + row.alertsAcknowledged > 0 ||
    row.records.length > 0;
  return {
    month,
    timeZone,
    from,
    to,
    coverage,
    generatedAt: now.toISOString(),
    // Dismissed accounts are listed only when they did something in the month.
    users: [...rows.values()].filter(r => r.status === 'active' || active(r)),
    systemAlerts: coverage === 'all' ? systemAlerts : 0,
  };
}
