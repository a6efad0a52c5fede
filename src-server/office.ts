/**
 * The office itself: its id (named in every signed statement), the token secret, and the one-time
 * enrolment code for the first owner device (only its SHA-256 is stored).
 */
import { randomInt, randomUUID } from 'node:crypto';
import { random, sha256 } from './crypto';
import type { Db, Queryable } from './db/db';
import { PublicLimits, type PublicBudgets } from './rate-limit';

/**
 * What every service needs: the database, the office's identity and secret, a clock, and the
 * limits on calls made before sign-in (./rate-limit.ts, on the same clock).
 */
export interface ServerContext {
  db: Db;
  officeId: string;
  authSecret: Buffer;
  now: () => number;
  limits: PublicLimits;
}

/** Creates the office row on first start (random id and secret) and returns the context. */
export async function loadOffice(
  db: Db,
  now: () => number = Date.now,
  budgets?: PublicBudgets,
): Promise<ServerContext> {
  await db.query(
    'INSERT INTO office (id, office_id, auth_secret) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING',
    [randomUUID(), random(32)],
  );
  const [row] = await db.query<{ office_id: string; auth_secret: Buffer | Uint8Array }>(
    'SELECT office_id, auth_secret FROM office WHERE id = 1',
  );
  if (!row) throw new Error('the office row is missing');
  return {
    db,
    officeId: row.office_id,
    authSecret: Buffer.from(row.auth_secret),
    now,
    limits: new PublicLimits(now, budgets),
  };
}

/** Whether an owner device exists (once it does, no enrolment code is issued any more). */
export async function isEnrolled(db: Queryable): Promise<boolean> {
  const rows = await db.query(
    "SELECT 1 FROM devices d JOIN users u USING (user_id) WHERE u.role = 'owner' LIMIT 1",
  );
  return rows.length > 0;
}

/** Readable code alphabet: no 0/O, 1/I/L. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * A fresh one-time enrolment code (25 characters of 31, about 124 bits, in groups of five) replacing any earlier one, or
 * null when an owner device is already enrolled. Shown once to whoever starts the server.
 */
export async function issueEnrolmentCode(ctx: ServerContext): Promise<string | null> {
  const code = Array.from({ length: 25 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)])
    .join('')
    .match(/.{5}/g)
    ?.join('-');
  if (!code) throw new Error('enrolment code generation failed');
  return ctx.db.transaction(async tx => {
    if (await isEnrolled(tx)) return null;
    await tx.query('UPDATE office SET enrolment_code_hash = $1 WHERE id = 1', [
      sha256(normaliseCode(code)),
    ]);
    return code;
  });
}

/** The code as hashed: upper case, separators dropped (typed codes may differ in both). */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
