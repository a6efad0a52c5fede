/**
 * Documents leaving this laptop for the office. Adding a document on a vault that syncs notes it
 * (`documentAdded`, in the call's own transaction) in the partition of the record's owner; the next
 * round uploads its content as sealed chunks (`uploadDocuments`: 1 MiB of plaintext each, sealed
 * with the partition's current key, read from the local .zdoc file one chunk at a time — never the
 * whole file in memory) and only then queues the document's sealed metadata change in the outbox,
 * so no other laptop learns of a document whose content is not at the office yet. A deletion is a
 * metadata change too (`documentRemoved`); a document whose content never went up just stays local.
 * A moved document keeps its old partition in `from_partition_id` after its upload, until that
 * partition's chunks are deleted at the office (./purge.ts), as a deleted document's are.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DOCUMENT_CHUNK_BYTES } from '../../src-shared/office/documents';
import { openDocumentStream } from '../crm/documents/files';
import type { Database, DocumentsTable } from '../vault/schema';
import type { SyncedTable } from './change-format';
import { DOCUMENT_TABLE, type DocumentChangeBody } from './document-change';
import { sealChange, sealChunk } from './crypto';
import { DocumentError } from '../crm/documents/errors';
import { OfficeCallError } from './client';
import { fetchDocumentContent, hasLocalFile } from './documents-in';
import { isOfficeMember, ownerPartition, peopleOf } from './office-rows';
import type { OfficeSession } from './session';
import { partitionKey } from './store';

const OWNER_TABLE = { contact: 'contacts', company: 'companies', deal: 'deals' } as const;

/** The owner of the record a document is attached to, or null when the record is not here. */
async function recordOwner(db: Kysely<Database>, row: DocumentsTable): Promise<string | null> {
  const found = await db
    .selectFrom(OWNER_TABLE[row.record_type])
    .select('owner_id')
    .where('id', '=', row.record_id)
    .executeTakeFirst();
  return found?.owner_id ?? null;
}

/**
 * Notes a document just added (inside the call's transaction): its content goes up on the next
 * round, in the partition of the record's owner. Nothing when the vault does not sync or holds no
 * key for that partition (the document stays on this laptop, as records of such owners do).
 */
export async function documentAdded(trx: Kysely<Database>, documentId: string): Promise<void> {
  if (!(await isOfficeMember(trx))) return;
  const row = await trx
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', documentId)
    .executeTakeFirst();
  const owner = row ? await recordOwner(trx, row) : null;
  const partition = owner ? await ownerPartition(trx, owner) : undefined;
  if (!partition) return;
  await trx
    .insertInto('sync_documents')
    .values({
      document_id: documentId,
      partition_id: partition.partition_id,
      state: 'upload',
      from_partition_id: null,
      created_at: new Date().toISOString(),
    })
    .execute();
}

const DOCUMENT_TYPE = { contacts: 'contact', companies: 'company', deals: 'deal' } as const;

/**
 * A record moved to `newOwnerId` (inside the move's transaction): its live documents go up again,
 * into the new owner's partition, so the laptops holding only that partition can open them. One
 * whose content this laptop never fetched is fetched from its old partition first. Nothing when
 * this laptop holds no key for the new partition (the move stays local, as the record's does).
 */
export async function documentsMoved(
  trx: Kysely<Database>,
  table: SyncedTable,
  recordId: string,
  newOwnerId: string,
): Promise<void> {
  if (table === 'activities') return;
  const partition = await ownerPartition(trx, newOwnerId);
  if (!partition) return;
  const docs = await trx
    .selectFrom('documents as d')
    .leftJoin('sync_documents as s', 's.document_id', 'd.id')
    .select(['d.id', 's.partition_id', 's.state', 's.from_partition_id'])
    .where('d.record_type', '=', DOCUMENT_TYPE[table])
    .where('d.record_id', '=', recordId)
    .where('d.deleted_at', 'is', null)
    .execute();
  for (const doc of docs) {
    if (doc.partition_id === partition.partition_id) continue;
    // Where its content is at the office now: fetched from there when this laptop lacks the file,
    // and deleted there once the new partition has it (./purge.ts). Never the new partition itself.
    const at = doc.state === 'upload' ? (doc.from_partition_id ?? null) : doc.partition_id;
    const from = at === partition.partition_id ? null : at;
    const values = {
      partition_id: partition.partition_id,
      state: 'upload' as const,
      from_partition_id: from,
    };
    await trx
      .insertInto('sync_documents')
      .values({ document_id: doc.id, ...values, created_at: new Date().toISOString() })
      .onConflict(oc => oc.column('document_id').doUpdateSet(values))
      .execute();
  }
}

/**
 * Notes, for upload, the live documents of records owned by `userId` that this vault had before it
 * joined the office (called with the records' own first queueing); answers how many.
 */
export async function queueExistingDocuments(
  trx: Kysely<Database>,
  userId: string,
): Promise<number> {
  let queued = 0;
  for (const type of ['contact', 'company', 'deal'] as const) {
    const rows = await trx
      .selectFrom('documents')
      .select('id')
      .where('record_type', '=', type)
      .where('deleted_at', 'is', null)
      .where('record_id', 'in', eb =>
        eb.selectFrom(OWNER_TABLE[type]).select('id').where('owner_id', '=', userId),
      )
      .where('id', 'not in', eb => eb.selectFrom('sync_documents').select('document_id'))
      .execute();
    for (const row of rows) await documentAdded(trx, row.id);
    queued += rows.length;
  }
  return queued;
}

/** Seals the metadata change of `row` into the outbox of `partitionId` (its current key). */
async function queueDocumentChange(
  trx: Kysely<Database>,
  partitionId: string,
  row: DocumentsTable,
): Promise<boolean> {
  const partition = await trx
    .selectFrom('office_partitions')
    .select(['key_version', 'may_push'])
    .where('partition_id', '=', partitionId)
    .executeTakeFirst();
  const key = partition ? await partitionKey(trx, partitionId, partition.key_version) : null;
  if (!partition || !key || partition.may_push !== 1) return false;
  const body: DocumentChangeBody = {
    v: 1,
    document: {
      id: row.id,
      recordType: row.record_type,
      recordId: row.record_id,
      ownerId: row.owner_id,
      fileName: row.file_name,
      mimeType: row.mime_type,
      size: row.size,
      sha256: row.sha256,
      createdAt: row.created_at,
      deletedAt: row.deleted_at,
      deletedBy: row.deleted_by,
    },
    people: await peopleOf(trx, { owner_id: row.owner_id, deleted_by: row.deleted_by }),
  };
  const changeId = randomUUID();
  const at = { partitionId, keyVersion: partition.key_version, changeId };
  await trx
    .insertInto('sync_outbox')
    .values({
      change_id: changeId,
      partition_id: partitionId,
      key_version: partition.key_version,
      record_table: DOCUMENT_TABLE,
      record_id: row.id,
      fields: '[]',
      sealed: sealChange(key, at, JSON.stringify(body)),
      created_at: new Date().toISOString(),
      seq: null,
    })
    .execute();
  return true;
}

/**
 * A document was deleted here (inside the call's transaction, after its tombstone): when the
 * office knows it, the deletion goes to the outbox (other laptops tombstone it and shred their
 * copy); its sync row goes either way.
 */
export async function documentRemoved(trx: Kysely<Database>, documentId: string): Promise<void> {
  const synced = await trx
    .deleteFrom('sync_documents')
    .where('document_id', '=', documentId)
    .returning(['partition_id', 'state'])
    .executeTakeFirst();
  if (!synced || synced.state === 'upload') return;
  const row = await trx
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (row) await queueDocumentChange(trx, synced.partition_id, row);
}

/** Posts the chunks of one document's plaintext, one at a time; answers how many. */
async function postChunks(
  session: OfficeSession,
  plaintext: AsyncIterable<Buffer>,
  place: { partitionId: string; keyVersion: number; documentId: string; key: Buffer },
): Promise<number> {
  let index = 0;
  let pending: Buffer[] = [];
  let length = 0;
  const send = async (bytes: Buffer) => {
    const at = { ...place, index };
    await session.post('/v1/chunks', {
      partitionId: place.partitionId,
      documentId: place.documentId,
      index,
      keyVersion: place.keyVersion,
      sealed: sealChunk(place.key, at, bytes).toString('base64'),
    });
    index += 1;
  };
  for await (const piece of plaintext) {
    pending.push(piece);
    length += piece.length;
    while (length >= DOCUMENT_CHUNK_BYTES) {
      const all = Buffer.concat(pending);
      await send(all.subarray(0, DOCUMENT_CHUNK_BYTES));
      pending = [all.subarray(DOCUMENT_CHUNK_BYTES)];
      length -= DOCUMENT_CHUNK_BYTES;
    }
  }
  if (length > 0 || index === 0) await send(Buffer.concat(pending));
  return index;
}

/** Server refusals that concern one document only (the round goes on without it). */
const SKIPPED_REFUSALS = new Set([
  'forbidden',
  'conflict',
  'invalid_input',
  'too_large',
  'not_found',
]);

/** Uploads one document's chunks, then queues its metadata change; false when it cannot go yet. */
async function uploadOne(
  db: Kysely<Database>,
  session: OfficeSession,
  attachmentsDir: string,
  item: {
    document_id: string;
    partition_id: string;
    from_partition_id: string | null;
    key_version: number;
  },
): Promise<boolean> {
  const row = await db
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', item.document_id)
    .executeTakeFirstOrThrow();
  const key = await partitionKey(db, item.partition_id, item.key_version);
  if (!key || !row.file_key) return false;
  // A moved record's document this laptop never opened: fetched from its old partition first.
  if (!(await hasLocalFile(attachmentsDir, row.id))) {
    if (!item.from_partition_id) return false;
    await fetchDocumentContent(db, session, attachmentsDir, row, item.from_partition_id);
  }
  const plaintext = await openDocumentStream({
    attachmentsDir,
    id: row.id,
    key: Buffer.from(row.file_key),
    size: row.size,
    sha256: row.sha256,
  });
  await postChunks(session, plaintext, {
    partitionId: item.partition_id,
    keyVersion: item.key_version,
    documentId: row.id,
    key,
  });
  await db.transaction().execute(async trx => {
    await queueDocumentChange(trx, item.partition_id, row);
    await trx
      .updateTable('sync_documents')
      .set({ state: 'sent' })
      .where('document_id', '=', row.id)
      .execute();
  });
  return true;
}

/**
 * Uploads the content of every document added here and not yet at the office (partitions this
 * laptop may push to), then queues each one's metadata change; answers how many went up.
 * Repeating an upload cut short is harmless: the server answers chunks it already holds.
 */
export async function uploadDocuments(
  db: Kysely<Database>,
  session: OfficeSession,
  attachmentsDir: string,
): Promise<number> {
  const waiting = await db
    .selectFrom('sync_documents as s')
    .innerJoin('documents as d', 'd.id', 's.document_id')
    .innerJoin('office_partitions as p', 'p.partition_id', 's.partition_id')
    .select(['s.document_id', 's.partition_id', 's.from_partition_id', 'p.key_version'])
    .where('s.state', '=', 'upload')
    .where('d.deleted_at', 'is', null)
    .where('p.may_push', '=', 1)
    .orderBy('s.created_at')
    .execute();
  let uploaded = 0;
  for (const item of waiting) {
    try {
      if (await uploadOne(db, session, attachmentsDir, item)) uploaded += 1;
    } catch (error) {
      // One document that cannot go up (its local file damaged, the server refusing it) waits
      // here without stopping the round; anything else (offline, this device removed) stops it.
      if (error instanceof DocumentError) continue;
      if (error instanceof OfficeCallError && SKIPPED_REFUSALS.has(error.code)) continue;
      throw error;
    }
  }
  return uploaded;
}
