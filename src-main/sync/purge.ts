/**
 * Removing ciphertext from the office once the change that makes it needless is acknowledged
 * (docs/SYNC.md, "Erasure on the office server"); run in each round after the push, before the
 * pull (which takes the acknowledged rows out of the outbox, so a round cut short repeats this):
 * - a person's erasure (./erasure-out.ts): this laptop reads back every owner partition it holds,
 *   opens each change with the partition keys it holds, and names to the server the changes of the
 *   contact and of its activities, and the documents attached to it (their metadata changes and
 *   their chunks). The erasure's own change stays: laptops that pull later still erase the contact.
 * - a deleted document: its chunks in the partition the deletion went to.
 * - a moved document: its chunks in the old partition, once its metadata is in the new one.
 * The server deletes only for devices that may push to the partition, or owner devices; a refusal
 * (403), or a server that has no purge yet (404), leaves that ciphertext there and the round goes
 * on; any other failure stops the round, and the next one tries again.
 */
import type { Kysely } from 'kysely';
import {
  MAX_PULL_CHANGES,
  type PullResponse,
  type PulledChange,
} from '../../src-shared/office/contracts';
import { MAX_PURGE_IDS, type PurgeResponse } from '../../src-shared/office/purge';
import type { Database } from '../vault/schema';
import { openPulled, pulledChangeSchema } from './apply';
import { recordChangeSchema } from './change-format';
import { OfficeCallError } from './client';
import { openChange } from './crypto';
import type { OfficeSession } from './session';
import { partitionKey } from './store';

/** Calls `onPage` with every change of a partition, page by page, in server order. */
export async function readWholePartition(
  session: OfficeSession,
  partitionId: string,
  onPage: (changes: readonly PulledChange[]) => Promise<void> | void,
): Promise<void> {
  let after = 0;
  for (;;) {
    const answer = await session.post<PullResponse>('/v1/pull', {
      cursors: [{ partitionId, after }],
      limit: MAX_PULL_CHANGES,
    });
    const part = answer.partitions[0];
    const changes = part?.changes ?? [];
    await onPage(changes);
    after = changes.at(-1)?.seq ?? after;
    if (!part?.more || changes.length === 0) return;
  }
}

/** What one change of a partition is about (ids only: nothing of its fields is kept). */
interface Seen {
  partitionId: string;
  changeId: string;
  table: string;
  id: string;
  /** The contact a record change links to (`contact_id`), or a document's contact. */
  contactId: string | null;
  erase: boolean;
}

/** The ids of the changes held in `partitionId` (those this laptop can open). */
async function scanPartition(
  db: Kysely<Database>,
  session: OfficeSession,
  partitionId: string,
): Promise<Seen[]> {
  const seen: Seen[] = [];
  await readWholePartition(session, partitionId, async changes => {
    for (const change of changes) {
      if (change.erasedHash !== undefined) continue;
      const key = await partitionKey(db, partitionId, change.keyVersion);
      if (!key) continue;
      let body;
      try {
        body = openPulled(change, partitionId, key, pulledChangeSchema);
      } catch {
        continue;
      }
      const base = { partitionId, changeId: change.changeId };
      if ('document' in body) {
        const d = body.document;
        const contactId = d.recordType === 'contact' ? d.recordId : null;
        seen.push({ ...base, table: 'documents', id: d.id, contactId, erase: false });
        continue;
      }
      const link = body.fields.contact_id;
      const contactId =
        body.table === 'contacts' ? body.id : typeof link === 'string' ? link : null;
      seen.push({ ...base, table: body.table, id: body.id, contactId, erase: !!body.erase });
    }
  });
  return seen;
}

/** One partition's ids to purge. */
interface PurgeList {
  changeIds: Set<string>;
  documentIds: Set<string>;
}

/** Sends the purge requests of `lists` (in batches); a 403 or 404 skips a partition. Totals. */
async function sendPurges(
  session: OfficeSession,
  lists: Map<string, PurgeList>,
): Promise<PurgeResponse> {
  const total: PurgeResponse = { changes: 0, chunks: 0 };
  for (const [partitionId, list] of lists) {
    const changeIds = [...list.changeIds];
    const documentIds = [...list.documentIds];
    for (let i = 0; i < Math.max(changeIds.length, documentIds.length); i += MAX_PURGE_IDS) {
      try {
        const done = await session.post<PurgeResponse>('/v1/purge', {
          partitionId,
          changeIds: changeIds.slice(i, i + MAX_PURGE_IDS),
          documentIds: documentIds.slice(i, i + MAX_PURGE_IDS),
        });
        total.changes += done.changes;
        total.chunks += done.chunks;
      } catch (error) {
        // 403: not this device's to delete; 404: a server older than this laptop (no purge).
        if (error instanceof OfficeCallError && (error.status === 403 || error.status === 404))
          break;
        throw error;
      }
    }
  }
  return total;
}

function listOf(lists: Map<string, PurgeList>, partitionId: string): PurgeList {
  let list = lists.get(partitionId);
  if (!list) {
    list = { changeIds: new Set(), documentIds: new Set() };
    lists.set(partitionId, list);
  }
  return list;
}

/** Contacts whose erasure this laptop sent and the server acknowledged (not yet pulled back). */
async function acknowledgedErasures(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db
    .selectFrom('sync_outbox')
    .select(['change_id', 'partition_id', 'key_version', 'sealed'])
    .where('record_table', '=', 'contacts')
    .where('fields', '=', '[]')
    .where('seq', 'is not', null)
    .execute();
  const contacts = new Set<string>();
  for (const row of rows) {
    const key = await partitionKey(db, row.partition_id, row.key_version);
    if (!key) continue;
    const at = {
      partitionId: row.partition_id,
      keyVersion: row.key_version,
      changeId: row.change_id,
    };
    try {
      const body = recordChangeSchema.parse(JSON.parse(openChange(key, at, row.sealed)));
      if (body.erase !== undefined) contacts.add(body.id);
    } catch {
      // Not an erasure this laptop can read: nothing to purge for it.
    }
  }
  return contacts;
}

/** Adds to `lists` every change and document of the erased `contacts` in the held partitions. */
async function erasedContactLists(
  db: Kysely<Database>,
  session: OfficeSession,
  contacts: ReadonlySet<string>,
  lists: Map<string, PurgeList>,
): Promise<void> {
  const partitions = await db
    .selectFrom('office_partitions')
    .select('partition_id')
    .where('kind', '=', 'owner')
    .where('may_pull', '=', 1)
    .orderBy('partition_id')
    .execute();
  const seen: Seen[] = [];
  for (const p of partitions) seen.push(...(await scanPartition(db, session, p.partition_id)));
  // An activity of the person: any change that linked it to them makes all its changes theirs.
  const activities = new Set(
    seen
      .filter(s => s.table === 'activities' && s.contactId && contacts.has(s.contactId))
      .map(s => s.id),
  );
  for (const s of seen) {
    const mine =
      s.table === 'activities'
        ? activities.has(s.id)
        : (s.table === 'contacts' || s.table === 'documents') &&
          s.contactId !== null &&
          contacts.has(s.contactId) &&
          !s.erase;
    if (!mine) continue;
    const list = listOf(lists, s.partitionId);
    list.changeIds.add(s.changeId);
    if (s.table === 'documents') list.documentIds.add(s.id);
  }
}

/** Deleted documents whose deletion the server acknowledged: chunks in that partition go. */
async function deletedDocumentLists(
  db: Kysely<Database>,
  lists: Map<string, PurgeList>,
): Promise<void> {
  const rows = await db
    .selectFrom('sync_outbox as o')
    .leftJoin('documents as d', 'd.id', 'o.record_id')
    .select(['o.partition_id', 'o.record_id'])
    .where('o.record_table', '=', 'documents')
    .where('o.seq', 'is not', null)
    .where(eb => eb.or([eb('d.id', 'is', null), eb('d.deleted_at', 'is not', null)]))
    .execute();
  for (const row of rows) listOf(lists, row.partition_id).documentIds.add(row.record_id);
}

/** Moved documents whose new metadata the server acknowledged: chunks in the old partition go. */
async function movedDocuments(db: Kysely<Database>) {
  return db
    .selectFrom('sync_documents as s')
    .select(['s.document_id', 's.from_partition_id'])
    .where('s.state', '=', 'sent')
    .where('s.from_partition_id', 'is not', null)
    .whereRef('s.from_partition_id', '!=', 's.partition_id')
    .where(eb =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('sync_outbox as o')
            .select('o.change_id')
            .whereRef('o.record_id', '=', 's.document_id')
            .where('o.record_table', '=', 'documents')
            .where('o.seq', 'is', null),
        ),
      ),
    )
    .execute();
}

/**
 * Asks the office to delete the ciphertext that acknowledged erasures, document deletions and
 * document moves made needless; answers how many changes and chunks went.
 */
export async function purgeAcknowledged(
  db: Kysely<Database>,
  session: OfficeSession,
): Promise<PurgeResponse> {
  const lists = new Map<string, PurgeList>();
  const contacts = await acknowledgedErasures(db);
  if (contacts.size > 0) await erasedContactLists(db, session, contacts, lists);
  await deletedDocumentLists(db, lists);
  const moved = await movedDocuments(db);
  for (const doc of moved) {
    if (doc.from_partition_id)
      listOf(lists, doc.from_partition_id).documentIds.add(doc.document_id);
  }
  const total = await sendPurges(session, lists);
  if (moved.length > 0) {
    await db
      .updateTable('sync_documents')
      .set({ from_partition_id: null })
      .where('state', '=', 'sent')
      .where(
        'document_id',
        'in',
        moved.map(d => d.document_id),
      )
      .execute();
  }
  return total;
}
