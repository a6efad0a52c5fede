/**
 * Office steps that must reach the server, kept in the vault (`office_jobs`, migration 0044) and
 * retried by every sync round until the server confirms (docs/SYNC.md, "Queued dismissal"). Today
 * one kind: a staff dismissal made on this owner laptop — the server refuses the user's devices,
 * then every partition they could read that this laptop holds gets a new key. The two halves are
 * noted separately (`outcome`): once the server has refused the devices it no longer names their
 * partitions, so the partitions still to rotate are kept in the row until each one is rotated.
 * An attempt the server answered with an error (5xx) waits 2 s, 4 s, 8 s … up to 5 min before the
 * next; an unreachable server is retried by the very next round (the background loop already backs
 * off while the server is down: a round only gets here once it signed in); a refusal that retrying
 * cannot change (the server answers 4xx) ends the job as failed.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { OfficeDismissalView } from '../../src-shared/ipc/users';
import type { Database } from '../vault/schema';
import { OfficeCallError } from './client';
import { listOfficeDevices } from './devices';
import { isOfficeMember } from './outbox';
import { partitionsToRotate, rotatePartitionKey } from './rotate';
import { OfficeSession } from './session';
import { loadOfficeSettings } from './store';

/** Backoff of a failed attempt: 2 s doubling, at most 5 min. */
export function jobBackoffMs(attempts: number): number {
  return Math.min(5 * 60_000, 2_000 * 2 ** Math.max(0, attempts - 1));
}

/** What a finished or half-done dismissal job holds (ids and counts only). */
interface DismissOutcome {
  revokedDevices: number;
  /** Partitions the user could read, not yet rotated from here. */
  toRotate: string[];
  rotated: number;
  notRotated: number;
  failed?: string;
}

/** How a job attempt ended. */
export type JobAttempt =
  | { state: 'dismissed'; revokedDevices: number; rotated: number; notRotated: number }
  | { state: 'queued' | 'failed'; code: string; message: string };

/** Queues the office step of dismissing `userId` (in the caller's transaction); answers its id. */
export async function queueDismissal(db: Kysely<Database>, userId: string): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await db
    .insertInto('office_jobs')
    .values({
      id,
      kind: 'dismiss',
      user_id: userId,
      created_at: now,
      attempts: 0,
      next_attempt_at: now,
    })
    .execute();
  return id;
}

async function save(db: Kysely<Database>, id: string, outcome: DismissOutcome, done: boolean) {
  await db
    .updateTable('office_jobs')
    .set({
      outcome: JSON.stringify(outcome),
      last_error: outcome.failed ?? null,
      ...(done ? { done_at: new Date().toISOString() } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** One attempt at job `id` (see the file comment); never throws for office errors. */
export async function attemptJob(db: Kysely<Database>, id: string): Promise<JobAttempt> {
  const job = await db
    .selectFrom('office_jobs')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  let outcome: DismissOutcome | null = job.outcome
    ? (JSON.parse(job.outcome) as DismissOutcome)
    : null;
  try {
    const settings = await loadOfficeSettings(db);
    if (!settings) throw new OfficeCallError(0, 'not_joined', 'This vault left the office.');
    const session = await OfficeSession.signIn(settings);
    if (!outcome) {
      const answer = await session.post<{ revokedDevices: string[]; partitions: string[] }>(
        '/v1/users/dismiss',
        { userId: job.user_id },
      );
      outcome = {
        revokedDevices: answer.revokedDevices.length,
        toRotate: partitionsToRotate(answer),
        rotated: 0,
        notRotated: 0,
      };
      await save(db, id, outcome, false);
    }
    const devices = await listOfficeDevices(session);
    while (outcome.toRotate.length > 0) {
      const [partitionId = '', ...rest]: string[] = outcome.toRotate;
      const held: { partition_id: string } | undefined = await db
        .selectFrom('office_partitions')
        .select('partition_id')
        .where('partition_id', '=', partitionId)
        .executeTakeFirst();
      if (held) await rotatePartitionKey(db, session, settings, partitionId, devices);
      outcome = {
        ...outcome,
        toRotate: rest,
        rotated: outcome.rotated + (held ? 1 : 0),
        notRotated: outcome.notRotated + (held ? 0 : 1),
      };
      await save(db, id, outcome, false);
    }
    await save(db, id, outcome, true);
    const { revokedDevices, rotated, notRotated } = outcome;
    return { state: 'dismissed', revokedDevices, rotated, notRotated };
  } catch (error) {
    if (!(error instanceof OfficeCallError)) throw error;
    // A 4xx answer will not change by retrying (not an owner device, an unknown user …).
    const final = error.status >= 400 && error.status < 500 && error.status !== 401;
    await db
      .updateTable('office_jobs')
      .set({
        attempts: job.attempts + 1,
        last_error: error.code,
        next_attempt_at: new Date(
          Date.now() + (error.status === 0 ? 0 : jobBackoffMs(job.attempts + 1)),
        ).toISOString(),
        ...(final ? { done_at: new Date().toISOString() } : {}),
      })
      .where('id', '=', id)
      .execute();
    return { state: final ? 'failed' : 'queued', code: error.code, message: error.message };
  }
}

/** Attempts every unfinished job whose time has come (a sync round calls this). */
export async function runDueJobs(db: Kysely<Database>, now = new Date()): Promise<JobAttempt[]> {
  const due = await db
    .selectFrom('office_jobs')
    .select('id')
    .where('done_at', 'is', null)
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('created_at')
    .execute();
  const results: JobAttempt[] = [];
  for (const job of due) results.push(await attemptJob(db, job.id));
  return results;
}

/** The owner's view: unfinished jobs and the last error code among them. */
export async function pendingJobs(
  db: Kysely<Database>,
): Promise<{ waiting: number; lastError: string | null }> {
  const rows = await db
    .selectFrom('office_jobs')
    .select(['last_error'])
    .where('done_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
  return { waiting: rows.length, lastError: rows[0]?.last_error ?? null };
}

/**
 * The office step of the app's staff dismissal (src-main/users/dismiss.ts), after the local one: on
 * a vault that syncs, queued in the vault (this file, in the caller's transaction) and tried
 * once at once; else nothing (undefined). It never throws for an office that cannot be reached or
 * refuses: `queued` — every sync round retries it until the server confirms; `failed` — the server
 * refused for good (e.g. this laptop is not an owner device).
 */
export async function dismissInOffice(
  db: Kysely<Database>,
  userId: string,
): Promise<OfficeDismissalView | undefined> {
  if (!(await isOfficeMember(db))) return undefined;
  return attemptJob(db, await queueDismissal(db, userId));
}
