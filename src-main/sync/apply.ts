/**
 * Applies pulled changes of one partition to the vault in one transaction, in server order:
 * field-level last writer wins by server sequence number (never by laptop clocks); a stage, amount
 * or owner change made on a value that is no longer the current one (server order) becomes a
 * conflict row and is not applied; deletes win over edits (an edit after a delete is ignored, a
 * delete applies even over local edits not yet pushed). A laptop's own edits not yet back from the
 * server stay on screen until their own change comes back (they are later in server order).
 * No HTTP here: unit-tested on real vault files.
 */
import type { Kysely } from 'kysely';
import type { PulledChange } from '../../src-shared/office/contracts';
import type { Database } from '../vault/schema';
import {
  GUARDED_FIELDS,
  LINK_COLUMNS,
  recordChangeSchema,
  type RecordChangeBody,
} from './change-format';
import { openChange } from './crypto';
import { documentChangeSchema, type DocumentChangeBody } from './document-change';
import { applyDocumentChange } from './documents-in';
import { dropRecord, holdsOwnerPartition } from './moves';
import { ensurePeople } from './office-rows';
import { readStoredRow, type StoredRow } from './outbox';

export { ensurePeople } from './office-rows';
import { partitionKey } from './store';

/** A pulled change this laptop cannot apply (no key for its version, or it does not open). */
export class SyncApplyError extends Error {
  constructor(
    readonly code: 'missing_key' | 'bad_change' | 'unknown_partition',
    message: string,
  ) {
    super(message);
    this.name = 'SyncApplyError';
  }
}

/** What one apply did. */
export interface ApplyResult {
  applied: number;
  conflicts: number;
  cursor: number;
  /** Records that left this laptop (moved to an owner whose partition it does not hold). */
  dropped: number;
  /** Document ids of those records: the caller shreds their files after the commit. */
  droppedDocuments: string[];
}

type Value = string | number | null;

/** Opens a pulled change and parses it with `schema` (`bad_change` when either fails). */
export function openPulled<T>(
  change: PulledChange,
  partitionId: string,
  key: Buffer,
  schema: { parse(value: unknown): T },
): T {
  try {
    const at = { partitionId, keyVersion: change.keyVersion, changeId: change.changeId };
    return schema.parse(JSON.parse(openChange(key, at, change.sealed)));
  } catch {
    throw new SyncApplyError('bad_change', `Change ${change.changeId} does not open.`);
  }
}

/** A pulled record partition change: a document's row (./document-change.ts) or a record's. */
export const pulledChangeSchema = {
  parse(opened: unknown): RecordChangeBody | DocumentChangeBody {
    if (typeof opened === 'object' && opened !== null && 'document' in opened)
      return documentChangeSchema.parse(opened);
    return recordChangeSchema.parse(opened);
  },
};

/** The pull cursor of a held partition (`unknown_partition` when it is not held). */
export async function pullCursor(trx: Kysely<Database>, partitionId: string): Promise<number> {
  const partition = await trx
    .selectFrom('office_partitions')
    .select('after_seq')
    .where('partition_id', '=', partitionId)
    .executeTakeFirst();
  if (!partition) throw new SyncApplyError('unknown_partition', 'No such partition here.');
  return partition.after_seq;
}

/** Moves a partition's pull cursor (and the office chain head computed up to it, when given). */
export async function movePullCursor(
  trx: Kysely<Database>,
  partitionId: string,
  cursor: number,
  chainHead: string | null,
): Promise<void> {
  await trx
    .updateTable('office_partitions')
    .set(chainHead === null ? { after_seq: cursor } : { after_seq: cursor, chain_head: chainHead })
    .where('partition_id', '=', partitionId)
    .execute();
}

/** The server-ordered value of each field of a record seen so far. */
async function canonicalOf(trx: Kysely<Database>, body: RecordChangeBody) {
  const rows = await trx
    .selectFrom('sync_fields')
    .select(['field', 'value'])
    .where('record_table', '=', body.table)
    .where('record_id', '=', body.id)
    .execute();
  return new Map(rows.map(r => [r.field, JSON.parse(r.value ?? 'null') as Value]));
}

/** Fields of this record changed locally and not yet back from the server (other changes). */
async function pendingFields(
  trx: Kysely<Database>,
  body: RecordChangeBody,
  changeId: string,
): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('sync_outbox')
    .select('fields')
    .where('record_table', '=', body.table)
    .where('record_id', '=', body.id)
    .where('change_id', '!=', changeId)
    .execute();
  return new Set(rows.flatMap(r => JSON.parse(r.fields) as string[]));
}

/**
 * Links to records this laptop does not hold are cleared (it may not read them); a deal in a
 * pipeline stage this vault does not have cannot be stored: null then.
 */
async function localLinks(trx: Kysely<Database>, values: StoredRow): Promise<StoredRow | null> {
  const out = { ...values };
  for (const [column, table] of Object.entries(LINK_COLUMNS)) {
    const id = out[column];
    if (typeof id !== 'string') continue;
    const found = await trx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
    if (!found) out[column] = null;
  }
  if (typeof out.stage_id === 'string') {
    const stage = await trx
      .selectFrom('pipeline_stages')
      .select('id')
      .where('id', '=', out.stage_id)
      .executeTakeFirst();
    if (!stage) return null;
  }
  return out;
}

async function recordConflict(
  trx: Kysely<Database>,
  body: RecordChangeBody,
  change: PulledChange,
  field: string,
  kept: Value,
): Promise<void> {
  await trx
    .insertInto('sync_conflicts')
    .values({
      change_id: change.changeId,
      record_table: body.table,
      record_id: body.id,
      field,
      base_value: JSON.stringify(body.base[field] ?? null),
      kept_value: JSON.stringify(kept),
      offered_value: JSON.stringify(body.fields[field] ?? null),
      device_id: change.deviceId,
      created_at: new Date().toISOString(),
      resolved_at: null,
    })
    .onConflict(oc => oc.columns(['change_id', 'field']).doNothing())
    .execute();
}

/** What one change did: conflicts raised, and document ids of a record that left this laptop. */
interface OneResult {
  conflicts: number;
  dropped: string[] | null;
}

/**
 * Applies one opened change. A move out of the partition whose new owner's partition this laptop
 * does not hold drops the record here (./moves.ts) instead.
 */
async function applyOne(
  trx: Kysely<Database>,
  body: RecordChangeBody,
  change: PulledChange,
  own: boolean,
): Promise<OneResult> {
  const conflicts = await applyFields(trx, body, change, own);
  const owner = body.fields.owner_id;
  const stays =
    body.move !== 'out' ||
    typeof owner !== 'string' ||
    conflicts > 0 ||
    (await holdsOwnerPartition(trx, owner));
  return { conflicts, dropped: stays ? null : await dropRecord(trx, body.table, body.id) };
}

/** Applies one opened change's fields; answers how many conflicts it raised. */
async function applyFields(
  trx: Kysely<Database>,
  body: RecordChangeBody,
  change: PulledChange,
  own: boolean,
): Promise<number> {
  const canonical = await canonicalOf(trx, body);
  const restoring = 'deleted_at' in body.fields && body.fields.deleted_at === null;
  const deleting = typeof body.fields.deleted_at === 'string';
  const wasDeleted = typeof canonical.get('deleted_at') === 'string';
  // Deletes win: an edit that arrives (in server order) after a delete is not applied.
  if (wasDeleted && !restoring && !deleting) return 0;
  const stale: string[] = [];
  for (const field of GUARDED_FIELDS[body.table]) {
    if (!(field in body.base) || !canonical.has(field)) continue;
    if (canonical.get(field) !== body.base[field]) {
      await recordConflict(trx, body, change, field, canonical.get(field) ?? null);
      stale.push(field);
    }
  }
  const fields: StoredRow = Object.fromEntries(
    Object.entries(body.fields).filter(([field]) => !stale.includes(field)),
  );
  for (const [field, value] of Object.entries(fields)) {
    await trx
      .insertInto('sync_fields')
      .values({
        record_table: body.table,
        record_id: body.id,
        field,
        value: JSON.stringify(value),
        seq: change.seq,
      })
      .onConflict(oc =>
        oc
          .columns(['record_table', 'record_id', 'field'])
          .doUpdateSet({ value: JSON.stringify(value), seq: change.seq }),
      )
      .execute();
  }
  // A later change of a field settles its open conflicts here too (a resolution made elsewhere).
  if (Object.keys(fields).length > 0) {
    await trx
      .updateTable('sync_conflicts')
      .set({ resolved_at: new Date().toISOString() })
      .where('record_table', '=', body.table)
      .where('record_id', '=', body.id)
      .where('field', 'in', Object.keys(fields))
      .where('resolved_at', 'is', null)
      .execute();
  }
  const pending = await pendingFields(trx, body, change.changeId);
  const local: StoredRow = {};
  for (const [field, value] of Object.entries(fields)) {
    const deleteStamp = deleting && (field === 'deleted_at' || field === 'deleted_by');
    if (deleteStamp || !pending.has(field)) local[field] = value;
  }
  // This laptop's own stale change: its value gives way to the one that came first.
  if (own)
    for (const field of stale) if (!pending.has(field)) local[field] = canonical.get(field) ?? null;
  const row = await readStoredRow(trx, body.table, body.id);
  if (!row) {
    if (!('created_at' in fields)) return stale.length; // an edit of a record this laptop never had
    const values = await localLinks(trx, fields);
    if (!values) return stale.length;
    await ensurePeople(trx, body, values);
    await trx
      .insertInto(body.table)
      .values(values as never)
      .execute();
    return stale.length;
  }
  const values = await localLinks(trx, local);
  if (!values || Object.keys(values).length === 0) return stale.length;
  await ensurePeople(trx, body, { ...row, ...values });
  await trx
    .updateTable(body.table)
    .set(values as never)
    .where('id', '=', body.id)
    .execute();
  return stale.length;
}

async function noteErasure(trx: Kysely<Database>, contactId: string, erasureId: string) {
  await trx
    .insertInto('sync_pending_erasures')
    .values({ erasure_id: erasureId, contact_id: contactId, received_at: new Date().toISOString() })
    .onConflict(oc => oc.column('erasure_id').doNothing())
    .execute();
}

/**
 * Applies `changes` (one pull answer for `partitionId`, in server order) in one transaction and
 * moves the partition's pull cursor (with the office chain head the caller computed up to it, when
 * given). Changes at or below the cursor are skipped (a repeated pull
 * changes nothing); this laptop's own changes leave the outbox as they come back.
 */
export async function applyPulled(
  db: Kysely<Database>,
  partitionId: string,
  changes: readonly PulledChange[],
  chainHead: string | null = null,
): Promise<ApplyResult> {
  return db.transaction().execute(async trx => {
    let cursor = await pullCursor(trx, partitionId);
    let applied = 0;
    let conflicts = 0;
    let dropped = 0;
    const droppedDocuments: string[] = [];
    for (const change of [...changes].sort((a, b) => a.seq - b.seq)) {
      if (change.seq <= cursor) continue;
      if (change.erasedHash !== undefined) {
        // Its ciphertext was erased at the office (a person's erasure, ./purge.ts): nothing to
        // apply; the erasure's own change, which stays, erases the record here.
        await trx.deleteFrom('sync_outbox').where('change_id', '=', change.changeId).execute();
        cursor = change.seq;
        continue;
      }
      const key = await partitionKey(trx, partitionId, change.keyVersion);
      if (!key) throw new SyncApplyError('missing_key', `No key version ${change.keyVersion}.`);
      const body = openPulled(change, partitionId, key, pulledChangeSchema);
      const own = await trx
        .deleteFrom('sync_outbox')
        .where('change_id', '=', change.changeId)
        .returning('change_id')
        .executeTakeFirst();
      if ('document' in body) {
        // A document's row (its content is fetched on demand): ./documents-in.ts.
        droppedDocuments.push(...(await applyDocumentChange(trx, partitionId, body)));
        cursor = change.seq;
        applied += 1;
        continue;
      }
      if (body.erase !== undefined) {
        // An erasure: carried out after this transaction by the privacy code (./erasure-in.ts).
        if (!own) await noteErasure(trx, body.id, body.erase);
        cursor = change.seq;
        applied += 1;
        continue;
      }
      const one = await applyOne(trx, body, change, own !== undefined);
      conflicts += one.conflicts;
      if (one.dropped) {
        dropped += 1;
        droppedDocuments.push(...one.dropped);
      }
      cursor = change.seq;
      applied += 1;
    }
    await movePullCursor(trx, partitionId, cursor, chainHead);
    return { applied, conflicts, cursor, dropped, droppedDocuments };
  });
}
