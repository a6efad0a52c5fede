/**
 * Erasures received through office sync: apply notes each pulled erasure in
 * `sync_pending_erasures` (same transaction as the pull cursor); after the pull, each is carried
 * out by the privacy erasure code itself (src-main/privacy/erasure/erase.ts: rows, search, files,
 * audit pseudonyms, the erasure log beside the vault) under the sender's erasure id, then the note
 * goes. A crash in between repeats the erasure on the next round, which changes nothing more.
 */
import type { Kysely } from 'kysely';
import type { OpenVault } from '../vault';
import type { Database } from '../vault/schema';
import { eraseContact } from '../privacy/erasure/erase';

/** Carries out one received erasure. */
export type Eraser = (contactId: string, erasureId: string) => Promise<void>;

/** The eraser of an open vault: the privacy erasure, replayed under the sender's erasure id. */
export function vaultEraser(vault: OpenVault): Eraser {
  return async (contactId, erasureId) => {
    await eraseContact(vault, {
      contactId,
      erasureId,
      reason: 'request',
      by: null,
      at: new Date(),
    });
  };
}

/** Runs every pending received erasure; answers how many ran. */
export async function runPendingErasures(db: Kysely<Database>, eraser: Eraser): Promise<number> {
  const pending = await db
    .selectFrom('sync_pending_erasures')
    .select(['erasure_id', 'contact_id'])
    .orderBy('received_at')
    .execute();
  for (const row of pending) {
    await eraser(row.contact_id, row.erasure_id);
    await db.deleteFrom('sync_pending_erasures').where('erasure_id', '=', row.erasure_id).execute();
  }
  return pending.length;
}
