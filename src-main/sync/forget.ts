/**
 * "Forget this office" (docs/SYNC.md): a laptop whose join request was refused, or that leaves the
 * office, drops its membership — the settings row with its device keys, the partitions and their
 * keys, the outbox, the server-ordered field copies, conflicts, pending erasures and queued office
 * steps — so it can join again (with a new invitation: new device keys) or work alone. The records
 * stay: they are this vault's, and nothing here touches them. No network call: the server keeps
 * the old device until an owner dismisses it; without its private keys nobody can sign in as it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../vault/schema';
import { loadOfficeSettings } from './store';
import { NotJoinedError } from './worker';

/** What forgetting removed (ids and counts only, for the audit entry). */
export interface ForgetResult {
  officeId: string;
  deviceId: string;
  /** The membership state it had: `pending` (never approved, or refused) or `active`. */
  state: 'pending' | 'active';
  partitions: number;
  /** Changes made here the server never acknowledged: they will not reach the office. */
  unsent: number;
}

/** Forgets this vault's office (see the file comment), in one transaction. */
export async function forgetOffice(db: Kysely<Database>): Promise<ForgetResult> {
  return db.transaction().execute(async trx => {
    const settings = await loadOfficeSettings(trx);
    if (!settings) throw new NotJoinedError();
    const unsent = await trx.deleteFrom('sync_outbox').where('seq', 'is', null).executeTakeFirst();
    await trx.deleteFrom('sync_outbox').execute();
    await trx.deleteFrom('sync_fields').execute();
    await trx.deleteFrom('sync_conflicts').execute();
    await trx.deleteFrom('sync_pending_erasures').execute();
    await trx.deleteFrom('office_jobs').execute();
    await trx.deleteFrom('office_partition_keys').execute();
    const partitions = await trx.deleteFrom('office_partitions').executeTakeFirst();
    await trx.deleteFrom('office_settings').execute();
    return {
      officeId: settings.office_id,
      deviceId: settings.device_id,
      state: settings.status,
      partitions: Number(partitions.numDeletedRows),
      unsent: Number(unsent.numDeletedRows),
    };
  });
}
