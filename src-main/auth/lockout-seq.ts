/**
 * The copy of lockout.json's `seq` kept inside the encrypted database (vault_meta 'lockout_seq'):
 * saved at every successful sign-in, compared at the next one with `compareLockoutSeq` so a deleted
 * or restored-from-copy lockout file is noticed and audited.
 */
import type { Database } from '../vault/schema';
import type { Kysely } from 'kysely';

const KEY = 'lockout_seq';

/** The seq saved at the last successful sign-in, or null before the first one. */
export async function readSavedLockoutSeq(db: Kysely<Database>): Promise<number | null> {
  const row = await db
    .selectFrom('vault_meta')
    .select('value')
    .where('key', '=', KEY)
    .executeTakeFirst();
  if (row === undefined) return null;
  const seq = Number(row.value);
  // A damaged value must not silence rollback detection: treat it as "very high".
  return Number.isSafeInteger(seq) && seq >= 0 ? seq : Number.MAX_SAFE_INTEGER;
}

/** Saves the lockout file's seq after a successful sign-in (`FailuresToAudit.seq`). */
export async function saveLockoutSeq(db: Kysely<Database>, seq: number): Promise<void> {
  if (!Number.isSafeInteger(seq) || seq < 0) throw new RangeError('seq: a non-negative integer');
  await db
    .insertInto('vault_meta')
    .values({ key: KEY, value: String(seq) })
    .onConflict(oc => oc.column('key').doUpdateSet({ value: String(seq) }))
    .execute();
}
