/**
 * The second factor of an account in the database: the TOTP secret, the last accepted time step
 * (replay protection) and the one-time recovery codes (hashed). `db` first, clock injectable.
 * The cryptography is in ./totp.ts and ./recovery-codes.ts; this module only stores and consumes.
 */
import type { Database } from '../vault/schema';
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { AccountError, isoTime, parseUserId } from './account-schema';
import { hashRecoveryCodes, normaliseRecoveryCode, recoveryCodeMatches } from './recovery-codes';

/** What sign-in needs to check a TOTP code. Keep it in memory only as long as the check. */
export interface TotpState {
  /** Base32 secret, or null when never enrolled. */
  secret: string | null;
  enabled: boolean;
  /** Last accepted time step, for `verifyTotpStep`. */
  lastStep: number | null;
}

const BASE32_SECRET = /^[A-Z2-7]{16,128}$/u;

async function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  // Composable: inside a caller's transaction, join it instead of nesting (kysely cannot nest).
  if (db.isTransaction) return work(db);
  return db.transaction().execute((trx: Transaction<Database>) => work(trx));
}

function parseCodes(codes: readonly string[]): string[] {
  if (codes.length < 1 || codes.length > 100) {
    throw new AccountError('invalid_input', 'recovery codes: 1–100 codes');
  }
  const canonical = codes.map(normaliseRecoveryCode);
  if (canonical.some(c => c === null) || new Set(canonical).size !== codes.length) {
    throw new AccountError('invalid_input', 'recovery codes: malformed or repeated code');
  }
  return [...codes];
}

async function writeCodes(
  trx: Kysely<Database>,
  userId: string,
  codes: readonly string[],
  createdAt: string,
): Promise<void> {
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  const rows = hashRecoveryCodes(codes).map(({ codeHash, salt }) => ({
    id: randomUUID(),
    user_id: userId,
    code_hash: codeHash,
    salt,
    created_at: createdAt,
    used_at: null,
  }));
  await trx.insertInto('recovery_codes').values(rows).execute();
}

async function requireUser(trx: Kysely<Database>, userId: string): Promise<void> {
  const row = await trx
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .executeTakeFirst();
  if (row === undefined) throw new AccountError('not_found', 'No such user.');
}

/**
 * Enrols TOTP: stores the secret, enables it, forgets the last step, and replaces the user's
 * recovery codes with hashes of `recoveryCodes` (pass the codes you just showed; they are never
 * stored in plaintext). One transaction: all of it or nothing.
 */
export async function setTotp(
  db: Kysely<Database>,
  userId: string,
  secret: string,
  recoveryCodes: readonly string[],
  now: Date = new Date(),
): Promise<void> {
  const id = parseUserId(userId);
  if (!BASE32_SECRET.test(secret)) throw new AccountError('invalid_input', 'TOTP secret: Base32');
  const codes = parseCodes(recoveryCodes);
  const createdAt = isoTime(now);
  await inTransaction(db, async trx => {
    await requireUser(trx, id);
    await trx
      .updateTable('users')
      .set({ totp_secret: secret, totp_enabled: 1, totp_last_step: null })
      .where('id', '=', id)
      .execute();
    await writeCodes(trx, id, codes, createdAt);
  });
}

/** Turns TOTP off for a user and deletes their recovery codes (e.g. a lost phone, re-enrolment). */
export async function clearTotp(db: Kysely<Database>, userId: string): Promise<void> {
  const id = parseUserId(userId);
  await inTransaction(db, async trx => {
    await requireUser(trx, id);
    await trx
      .updateTable('users')
      .set({ totp_secret: null, totp_enabled: 0, totp_last_step: null })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('recovery_codes').where('user_id', '=', id).execute();
  });
}

/** Replaces a user's recovery codes (all old ones stop working). */
export async function replaceRecoveryCodes(
  db: Kysely<Database>,
  userId: string,
  recoveryCodes: readonly string[],
  now: Date = new Date(),
): Promise<void> {
  const id = parseUserId(userId);
  const codes = parseCodes(recoveryCodes);
  const createdAt = isoTime(now);
  await inTransaction(db, async trx => {
    await requireUser(trx, id);
    await writeCodes(trx, id, codes, createdAt);
  });
}

/** The TOTP secret, switch and last step of a user, or undefined for an unknown user. */
export async function getTotpState(
  db: Kysely<Database>,
  userId: string,
): Promise<TotpState | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['totp_secret', 'totp_enabled', 'totp_last_step'])
    .where('id', '=', parseUserId(userId))
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return { secret: row.totp_secret, enabled: row.totp_enabled === 1, lastStep: row.totp_last_step };
}

/**
 * Stores a newly accepted TOTP time step. Returns false (and changes nothing) when a step at or
 * after it was already stored: two sign-ins racing with the same code cannot both win.
 */
export async function acceptTotpStep(
  db: Kysely<Database>,
  userId: string,
  step: number,
): Promise<boolean> {
  if (!Number.isSafeInteger(step) || step < 0) {
    throw new AccountError('invalid_input', 'TOTP step: a non-negative integer');
  }
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', parseUserId(userId))
    .where('totp_enabled', '=', 1)
    .where(eb => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Uses up a recovery code: true when it matched an unused code of this user, which is now marked
 * used (once: a second use of the same code returns false). Malformed input returns false.
 */
export async function consumeRecoveryCode(
  db: Kysely<Database>,
  userId: string,
  code: string,
  now: Date = new Date(),
): Promise<boolean> {
  const id = parseUserId(userId);
  const usedAt = isoTime(now);
  if (normaliseRecoveryCode(code) === null) return false;
  return inTransaction(db, async trx => {
    const unused = await trx
      .selectFrom('recovery_codes')
      .select(['id', 'code_hash', 'salt'])
      .where('user_id', '=', id)
      .where('used_at', 'is', null)
      .execute();
    // Check every row (no early exit) so the time taken does not hint at which code matched.
    let matchId: string | undefined;
    for (const row of unused) {
      if (recoveryCodeMatches(code, { codeHash: row.code_hash, salt: row.salt })) matchId = row.id;
    }
    if (matchId === undefined) return false;
    const result = await trx
      .updateTable('recovery_codes')
      .set({ used_at: usedAt })
      .where('id', '=', matchId)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  });
}

/** How many unused recovery codes a user has left (the app warns when few remain). */
export async function countUnusedRecoveryCodes(
  db: Kysely<Database>,
  userId: string,
): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select(eb => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', parseUserId(userId))
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
