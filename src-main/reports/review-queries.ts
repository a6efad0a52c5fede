/**
 * The monthly review's queries: every count is computed in SQL over a UTC range of `audit_log.at`
 * and `alerts.created_at / acknowledged_at`, each on an index (audit_log_action_at, alerts_created,
 * alerts_unread; review.test.ts checks the query plans). A team review adds `user_id IN (team)` to
 * each query, so rows of other teams are never read into the process.
 */
import type { Database } from '../vault/schema';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';

/** Kinds of record counted, by the audit action's feature prefix. */
export const RECORD_FEATURES = ['contacts', 'companies', 'deals'] as const;

/** Audit verb (`feature.verb`) → the review's column. Other verbs are not record changes. */
export const VERB_KIND = {
  create: 'created',
  update: 'changed',
  reassign: 'changed',
  share: 'changed',
  unshare: 'changed',
  restore: 'changed',
  delete: 'deleted',
  // Exports count records (`details.count`), not calls; an approved request's run is an export too.
  export: 'exported',
  export_all: 'exported',
  export_request: 'exported',
} as const;
export type RecordKind = (typeof VERB_KIND)[keyof typeof VERB_KIND];

/** Every counted audit action: `contacts.create`, `deals.export`, … */
export const RECORD_ACTIONS: readonly string[] = RECORD_FEATURES.flatMap(f =>
  Object.keys(VERB_KIND).map(v => `${f}.${v}`),
);

/** Successful sign-ins: every sign-in, and the owner's first one when the vault is created. */
export const SIGN_IN_ACTIONS: readonly string[] = ['auth.sign_in', 'auth.create_vault'];

/** The range and, for a team review, the user ids (null: everyone). */
export interface ReviewRange {
  from: string;
  to: string;
  userIds: readonly string[] | null;
}

type Db = Kysely<Database>;

function inUsers<O>(
  q: SelectQueryBuilder<Database, 'audit_log', O>,
  r: ReviewRange,
): SelectQueryBuilder<Database, 'audit_log', O> {
  if (r.userIds === null) return q;
  // An empty team still needs a valid IN list; '' is never a user id.
  return q.where('user_id', 'in', r.userIds.length > 0 ? [...r.userIds] : ['']);
}

/** Successful sign-ins per user: count, first and last time. */
export function signInsQuery(db: Db, r: ReviewRange) {
  return inUsers(
    db
      .selectFrom('audit_log')
      .select(eb => [
        'user_id',
        eb.fn.countAll<number>().as('n'),
        eb.fn.min('at').as('first_at'),
        eb.fn.max('at').as('last_at'),
      ])
      .where('action', 'in', [...SIGN_IN_ACTIONS])
      .where('at', '>=', r.from)
      .where('at', '<', r.to)
      .where('outcome', '=', 'ok')
      .where('user_id', 'is not', null)
      .groupBy('user_id'),
    r,
  );
}

/** The devices of successful sign-ins, per user. */
export function devicesQuery(db: Db, r: ReviewRange) {
  return inUsers(
    db
      .selectFrom('audit_log')
      .select(['user_id', 'device_id'])
      .distinct()
      .where('action', 'in', [...SIGN_IN_ACTIONS])
      .where('at', '>=', r.from)
      .where('at', '<', r.to)
      .where('outcome', '=', 'ok')
      .where('user_id', 'is not', null)
      .where('device_id', 'is not', null)
      .orderBy('user_id')
      .orderBy('device_id'),
    r,
  );
}

/**
 * Failed sign-ins per lockout login id (a keyed hash of the login: failures are recorded without a
 * user, at the next successful sign-in, with `{loginId, count}`). `loginIds` limits a team review.
 */
export function failedQuery(db: Db, r: ReviewRange, loginIds: readonly string[] | null) {
  const loginId = sql<string>`json_extract(details, '$.loginId')`;
  let q = db
    .selectFrom('audit_log')
    .select([
      loginId.as('login_id'),
      sql<number>`sum(coalesce(json_extract(details, '$.count'), 1))`.as('n'),
    ])
    .where('action', '=', 'auth.sign_in')
    .where('at', '>=', r.from)
    .where('at', '<', r.to)
    .where('outcome', '=', 'failed')
    .groupBy(loginId);
  if (loginIds !== null) q = q.where(loginId, 'in', loginIds.length > 0 ? [...loginIds] : ['']);
  return q;
}

/** Sign-ins refused after the password (unapproved computer, other network), per user. */
export function refusedSignInsQuery(db: Db, r: ReviewRange) {
  return inUsers(
    db
      .selectFrom('audit_log')
      .select(eb => ['user_id', eb.fn.countAll<number>().as('n')])
      .where('action', '=', 'auth.sign_in')
      .where('at', '>=', r.from)
      .where('at', '<', r.to)
      .where('outcome', '=', 'denied')
      .where('user_id', 'is not', null)
      .groupBy('user_id'),
    r,
  );
}

/** Record changes per user and action (`contacts.update`, …): entries, and exported records. */
export function recordsQuery(db: Db, r: ReviewRange) {
  return inUsers(
    db
      .selectFrom('audit_log')
      .select(eb => [
        'user_id',
        'action',
        eb.fn.countAll<number>().as('n'),
        sql<number>`sum(coalesce(json_extract(details, '$.count'), 0))`.as('records'),
      ])
      .where('action', 'in', [...RECORD_ACTIONS])
      // An export waiting for the owner's approval exported nothing yet.
      .where(sql`coalesce(json_extract(details, '$.pending'), 0)`, '!=', 1)
      .where('at', '>=', r.from)
      .where('at', '<', r.to)
      .where('outcome', '=', 'ok')
      .where('user_id', 'is not', null)
      .groupBy(['user_id', 'action']),
    r,
  );
}

/** Alerts raised in the range, per user whose action raised them (null: nobody signed in). */
export function alertsRaisedQuery(db: Db, r: ReviewRange) {
  let q = db
    .selectFrom('alerts')
    .select(eb => ['user_id', eb.fn.countAll<number>().as('n')])
    .where('created_at', '>=', r.from)
    .where('created_at', '<', r.to)
    .groupBy('user_id');
  if (r.userIds !== null)
    q = q.where('user_id', 'in', r.userIds.length > 0 ? [...r.userIds] : ['']);
  return q;
}

/** Alerts acknowledged in the range, per user who acknowledged them. */
export function alertsAcknowledgedQuery(db: Db, r: ReviewRange) {
  let q = db
    .selectFrom('alerts')
    .select(eb => ['acknowledged_by', eb.fn.countAll<number>().as('n')])
    .where('acknowledged_at', '>=', r.from)
    .where('acknowledged_at', '<', r.to)
    .where('acknowledged_by', 'is not', null)
    .groupBy('acknowledged_by');
  if (r.userIds !== null) {
    q = q.where('acknowledged_by', 'in', r.userIds.length > 0 ? [...r.userIds] : ['']);
  }
  return q;
}
