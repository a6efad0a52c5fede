/**
 * Documents through a real office server on loopback (PGlite, and PostgreSQL 15 where it starts):
 * a manager adds a 3 MiB document; the owner's laptop lists it after a pull as "at the office" and
 * opens it byte-equal (fetched on demand as sealed chunks); a manager of another team is refused a
 * forged chunk request (403, nothing sent); the document's canary never reaches the server's data
 * folder; a swapped or deleted chunk on the server is refused with a typed error and nothing is
 * stored; offline the document says it is at the office; a deletion reaches the owner's laptop.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, truncateSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contactInputSchema } from '../../src-shared/contacts/schema';
import { createContact } from '../crm/contacts/repository';
import { reassignContact } from '../crm/contacts/ownership';
import { isDocumentError } from '../crm/documents/errors';
import { documentPath } from '../crm/documents/files';
import { vaultPaths } from '../vault';
import { OfficeCallError } from './client';
import { attach, cannedDocument, documentsOf, open } from './documents.test-support';
import { approveJoin, parseJoinRequest, requestToJoin } from './enrol';
import {
  enrolledOwner,
  filesHolding,
  joinedLaptop,
  type Laptop,
  newLaptop,
  officeTestBed,
  startOffice,
} from './office.test-support';
import { OfficeSession } from './session';
import { loadOfficeSettings } from './store';
import { syncNow } from './worker';

const { engines, opened } = await officeTestBed();

const CANARY = `DOC-CANARY-${randomBytes(8).toString('hex')}`;

/** A text document of about `mib` MiB whose every line carries the canary. */
const textDocument = (mib: number) => cannedDocument(CANARY, mib);

describe.each(engines.map(e => [e.name, e] as const))(
  'documents in office sync on %s',
  (_n, engine) => {
    it('uploads sealed chunks, opens them on demand byte-equal, refuses other teams and tampering', async () => {
      const { storage, dataDir } = engine.create();
      const office = await startOffice(storage);
      let closed = false;
      try {
        const owner = await enrolledOwner(office);
        const a = await joinedLaptop(office, owner, 'anna', 'manager', 'north');
        const c = await joinedLaptop(office, owner, 'chrystia', 'manager', 'south');
        opened.push(owner, a, c);
        for (const laptop of [a, c, owner]) await syncNow(laptop.db);
        const input = contactInputSchema.parse({ surname: 'Документенко', givenName: 'Ірина' });
        const contact = (await createContact(a.db, { userId: a.userId }, input)).after;
        const record = { type: 'contact' as const, id: contact.id };
        const docsA = documentsOf(a);
        const bytes = textDocument(3);
        const doc = await attach(docsA, docsA.viewer, record, 'договір.txt', bytes);
        const small = await attach(docsA, docsA.viewer, record, 'акт.txt', textDocument(2));

        const docsO = documentsOf(owner);
        await syncNow(a.db, { attachments: docsA.attachments });
        await syncNow(owner.db, { attachments: docsO.attachments });
        const listed = await docsO.service.list(docsO.viewer, record);
        expect(listed.map(d => [d.id, d.size, d.sha256, d.atOffice])).toEqual([
          [small.id, small.size, small.sha256, true],
          [doc.id, bytes.length, doc.sha256, true],
        ]);
        const counted = await office.db.query<{ n: string | number }>(
          'SELECT count(*) AS n FROM document_chunks WHERE document_id = $1',
          [doc.id],
        );
        expect(Number(counted[0]?.n)).toBe(4); // 3 MiB + 17 bytes: four chunks of 1 MiB at most

        // Opened on the owner's laptop: fetched, checked, stored locally, byte-equal.
        expect((await open(docsO, doc.id)).equals(bytes)).toBe(true);
        expect(existsSync(documentPath(docsO.attachments, doc.id))).toBe(true);
        expect((await docsO.service.list(docsO.viewer, record))[1]?.atOffice).toBeUndefined();

        // C (team south) with its real device key: a forged chunk request for A's partition.
        const partitionA = await a.db
          .selectFrom('sync_documents')
          .select('partition_id')
          .where('document_id', '=', doc.id)
          .executeTakeFirstOrThrow();
        const settingsC = await loadOfficeSettings(c.db);
        if (!settingsC) throw new Error('C has not joined');
        const sessionC = await OfficeSession.signIn(settingsC);
        const ref = { partitionId: partitionA.partition_id, documentId: doc.id, index: 0 };
        const forged = await sessionC.post('/v1/chunks/get', ref).catch((e: unknown) => e);
        expect(forged).toBeInstanceOf(OfficeCallError);
        expect(forged).toMatchObject({ status: 403, code: 'forbidden' });
        const pushed = await sessionC
          .post('/v1/chunks', { ...ref, index: 9, keyVersion: 1, sealed: 'AAAA' })
          .catch((e: unknown) => e);
        expect(pushed).toMatchObject({ status: 403, code: 'forbidden' });
        expect(await c.db.selectFrom('documents').select('id').execute()).toEqual([]);

        // The server's blobs edited: chunk 0 replaced by chunk 1 (swapped), then the last cut off.
        const chunk = (index: number) =>
          office.db.query<{ sealed: Uint8Array }>(
            'SELECT sealed FROM document_chunks WHERE document_id = $1 AND chunk_index = $2',
            [small.id, index],
          );
        const [first] = await chunk(0);
        const [second] = await chunk(1);
        const setChunk = (index: number, sealed: Uint8Array | undefined) =>
          office.db.query(
            'UPDATE document_chunks SET sealed = $1 WHERE document_id = $2 AND chunk_index = $3',
            [sealed, small.id, index],
          );
        await setChunk(0, second?.sealed);
        const swapped = await open(docsO, small.id).catch((e: unknown) => e);
        expect(isDocumentError(swapped, 'office_tampered')).toBe(true);
        expect(existsSync(documentPath(docsO.attachments, small.id))).toBe(false);
        await setChunk(0, first?.sealed);
        await office.db.query(
          'DELETE FROM document_chunks WHERE document_id = $1 AND chunk_index = 2',
          [small.id],
        );
        const truncated = await open(docsO, small.id).catch((e: unknown) => e);
        expect(isDocumentError(truncated, 'office_truncated')).toBe(true);
        expect(existsSync(documentPath(docsO.attachments, small.id))).toBe(false);

        // Deleted on A: the owner's row is tombstoned and its local copy shredded.
        await docsA.service.remove(docsA.viewer, doc.id);
        await syncNow(a.db, { attachments: docsA.attachments });
        await syncNow(owner.db, { attachments: docsO.attachments });
        expect((await docsO.service.list(docsO.viewer, record)).map(d => d.id)).toEqual([small.id]);
        expect(existsSync(documentPath(docsO.attachments, doc.id))).toBe(false);
        // Its chunks left the office once the deletion was acknowledged; the other's stay.
        const chunksOf = async (id: string) =>
          Number(
            (
              await office.db.query<{ n: string | number }>(
                'SELECT count(*) AS n FROM document_chunks WHERE document_id = $1',
                [id],
              )
            )[0]?.n,
          );
        expect(await chunksOf(doc.id)).toBe(0);
        expect(await chunksOf(small.id)).toBe(2);

        // No canary in the server's files (tables, WAL); the partition id is the grep's control.
        await office.db.exec('CHECKPOINT');
        await office.close();
        closed = true;
        expect(filesHolding(dataDir, partitionA.partition_id)).toBeGreaterThan(0);
        expect(filesHolding(dataDir, CANARY)).toBe(0);

        // Offline: the document still at the office says so.
        const offline = await open(docsO, small.id).catch((e: unknown) => e);
        expect(isDocumentError(offline, 'at_office')).toBe(true);
      } finally {
        if (!closed) await office.close();
      }
    }, 300_000);

    it('moves a client’s documents with it: dropped (and shredded) where the client leaves, opened where it arrives', async () => {
      const office = await startOffice(engine.create().storage);
      try {
        const owner = await enrolledOwner(office);
        const a = await joinedLaptop(office, owner, 'anna', 'manager', 'north');
        const head = await joinedLaptop(office, owner, 'head', 'head', 'north');
        const c = await joinedLaptop(office, owner, 'chrystia', 'manager', 'south');
        opened.push(owner, a, head, c);
        const docsA = documentsOf(a);
        const docsO = documentsOf(owner);
        const docsH = documentsOf(head);
        const docsC = documentsOf(c);
        const round = async (...laptops: Laptop[]) => {
          for (const laptop of laptops)
            await syncNow(laptop.db, { attachments: vaultPaths(laptop.dir).attachments });
        };
        await round(a, head, c, owner);
        const input = contactInputSchema.parse({ surname: 'Переїзд', givenName: 'Олег' });
        const contact = (await createContact(a.db, { userId: a.userId }, input)).after;
        const record = { type: 'contact' as const, id: contact.id };
        const bytes = textDocument(1);
        const doc = await attach(docsA, docsA.viewer, record, 'рахунок.txt', bytes);
        await round(a, owner, head, c);
        // The head opened it (its copy is on the head's laptop); the owner never did.
        expect((await open(docsH, doc.id)).equals(bytes)).toBe(true);
        const onHead = documentPath(docsH.attachments, doc.id);
        expect(existsSync(onHead)).toBe(true);
        expect(existsSync(documentPath(docsO.attachments, doc.id))).toBe(false);

        // The owner gives the client to C (team south): fetched from A's partition, sent to C's.
        await reassignContact(owner.db, docsO.viewer, contact.id, c.userId);
        await round(owner, a, head, c);
        for (const laptop of [a, head]) {
          expect(await laptop.db.selectFrom('documents').select('id').execute()).toEqual([]);
          const synced = await laptop.db.selectFrom('sync_documents').selectAll().execute();
          expect(synced).toEqual([]);
        }
        expect(existsSync(onHead)).toBe(false);
        expect(existsSync(documentPath(docsA.attachments, doc.id))).toBe(false);
        const listed = await docsC.service.list(docsC.viewer, record);
        expect(listed.map(d => [d.id, d.atOffice])).toEqual([[doc.id, true]]);
        expect((await open(docsC, doc.id)).equals(bytes)).toBe(true);
        const partitionC = await c.db
          .selectFrom('office_partitions')
          .select('partition_id')
          .where('owner_user_id', '=', c.userId)
          .executeTakeFirstOrThrow();
        const onOwner = await owner.db
          .selectFrom('sync_documents')
          .select(['partition_id', 'state'])
          .execute();
        expect(onOwner).toEqual([{ partition_id: partitionC.partition_id, state: 'sent' }]);
        // Its chunks (1 MiB + 17 bytes: two) left A’s partition once C’s held them and its metadata.
        const chunks = await office.db.query<{ partition_id: string; n: string | number }>(
          `SELECT partition_id, count(*) AS n FROM document_chunks WHERE document_id = $1
           GROUP BY partition_id`,
          [doc.id],
        );
        expect(chunks.map(c => [c.partition_id, Number(c.n)])).toEqual([
          [partitionC.partition_id, 2],
        ]);
        for (const laptop of [owner, a, head, c]) {
          expect(await laptop.db.selectFrom('sync_outbox').select('change_id').execute()).toEqual(
            [],
          );
        }
      } finally {
        await office.close();
      }
    }, 300_000);

    it('sends the documents a laptop already had when it joined', async () => {
      const office = await startOffice(engine.create().storage);
      try {
        const owner = await enrolledOwner(office);
        const a = await newLaptop('anna', 'north');
        opened.push(owner, a);
        const input = contactInputSchema.parse({ surname: 'Давній', givenName: 'Клієнт' });
        const contact = (await createContact(a.db, { userId: a.userId }, input)).after;
        const record = { type: 'contact' as const, id: contact.id };
        const docsA = documentsOf(a);
        const bytes = textDocument(1);
        const doc = await attach(docsA, docsA.viewer, record, 'старий.txt', bytes);
        // A second one whose local file is damaged: it cannot go up, and must not stop the round.
        const damaged = await attach(docsA, docsA.viewer, record, 'пошкоджений.txt', bytes);
        truncateSync(documentPath(docsA.attachments, damaged.id), 1000);
        expect(await a.db.selectFrom('sync_documents').selectAll().execute()).toEqual([]);
        const text = await requestToJoin(a.db, {
          endpoint: { url: office.url, fingerprint: null },
          userId: a.userId,
          name: 'ANNA',
        });
        const request = parseJoinRequest(text);
        if (!request) throw new Error('join request did not parse');
        await approveJoin(owner.db, { request, role: 'manager', teamId: 'north' });
        const docsO = documentsOf(owner);
        await syncNow(a.db, { attachments: docsA.attachments });
        await syncNow(owner.db, { attachments: docsO.attachments });
        const listed = await docsO.service.list(docsO.viewer, record);
        expect(listed.map(d => [d.id, d.atOffice])).toEqual([[doc.id, true]]);
        expect((await open(docsO, doc.id)).equals(bytes)).toBe(true);
        const waiting = await a.db.selectFrom('sync_documents').select(['document_id', 'state']);
        expect(await waiting.orderBy('state').execute()).toEqual([
          { document_id: doc.id, state: 'sent' },
          { document_id: damaged.id, state: 'upload' },
        ]);
        expect((await loadOfficeSettings(a.db))?.last_error).toBeNull();
      } finally {
        await office.close();
      }
    }, 300_000);
  },
);
