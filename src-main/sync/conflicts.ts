/**
 * The conflicts a person resolves: stale stage, amount or owner changes that were not applied
 * (./apply.ts). Each is shown from this laptop's side — "mine" is the value this device offered
 * when the stale change was its own, else the value it kept — and resolved by keeping one. Keeping
 * the value already in force only closes the conflict; keeping the other one writes it as a new
 * edit made on the value in force, so it goes through the outbox like any edit and wins on every
 * laptop (it is not stale there). A laptop without push rights on the record's partition (a head
 * reading their team) cannot write it: `forbidden`, nothing changed.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../vault/schema';
import { isSyncedTable } from './change-format';
import { readStoredRow, recordToOutbox } from './outbox';
import { loadOfficeSettings } from './store';

/** One open conflict as the screen lists it (values as stored, JSON-decoded). */
export interface ConflictView {
  changeId: string;
  table: string;
  recordId: string;
  field: string;
  mine: string | number | null;
  theirs: string | number | null;
  /** The device whose change came second (and was not applied). */
  deviceId: string;
  createdAt: string;
}

/** A resolution refused: no such open conflict, or this laptop may not write the record. */
export class ConflictError extends Error {
  constructor(
    readonly code: 'not_found' | 'forbidden',
    message: string,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

const decode = (text: string | null) => JSON.parse(text ?? 'null') as string | number | null;

/** The open conflicts, newest first. */
export async function listConflicts(db: Kysely<Database>): Promise<ConflictView[]> {
  const settings = await loadOfficeSettings(db);
  const rows = await db
    .selectFrom('sync_conflicts')
    .selectAll()
    .where('resolved_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(r => {
    const ownChange = r.device_id === settings?.device_id;
    const kept = decode(r.kept_value);
    const offered = decode(r.offered_value);
    return {
      changeId: r.change_id,
      table: r.record_table,
      recordId: r.record_id,
      field: r.field,
      mine: ownChange ? offered : kept,
      theirs: ownChange ? kept : offered,
      deviceId: r.device_id,
      createdAt: r.created_at,
    };
  });
}

/**
 * Resolves one conflict by keeping `keep` (see the file comment); answers whether a new edit was
 * written. `userId` stamps the edit.
 */
export async function resolveConflict(
  db: Kysely<Database>,
  o: { changeId: string; field: string; keep: 'mine' | 'theirs'; userId: string; now?: Date },
): Promise<{ written: boolean }> {
  const open = (await listConflicts(db)).find(
    c => c.changeId === o.changeId && c.field === o.field,
  );
  if (!open || !isSyncedTable(open.table)) {
    throw new ConflictError('not_found', 'No such open conflict.');
  }
  const table = open.table;
  const value = o.keep === 'mine' ? open.mine : open.theirs;
  return db.transaction().execute(async trx => {
    const before = await readStoredRow(trx, table, open.recordId);
    const written = before !== null && before[open.field] !== value;
    if (written) {
      const partition = await trx
        .selectFrom('office_partitions')
        .select('may_push')
        .where('kind', '=', 'owner')
        .where('owner_user_id', '=', String(before.owner_id))
        .executeTakeFirst();
      if (partition?.may_push !== 1) {
        throw new ConflictError('forbidden', 'This laptop may not change that record.');
      }
      const at = (o.now ?? new Date()).toISOString();
      const updatedAt = at > String(before.updated_at) ? at : `${String(before.updated_at)}`;
      await trx
        .updateTable(table)
        .set({ [open.field]: value, updated_at: updatedAt, updated_by: o.userId } as never)
        .where('id', '=', open.recordId)
        .execute();
      await recordToOutbox(trx, table, open.recordId, before);
    }
    await trx
      .updateTable('sync_conflicts')
      .set({ resolved_at: (o.now ?? new Date()).toISOString() })
      .where('change_id', '=', o.changeId)
      .where('field', '=', o.field)
      .execute();
    return { written };
  });
}
