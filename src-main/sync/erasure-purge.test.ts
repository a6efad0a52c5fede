/**
 * Erasure on the office server (PGlite, and PostgreSQL 15 where it starts): manager A's client
 * with a canary in their name, an activity and a document is erased on the owner's laptop while A
 * is offline. Once the erasure is acknowledged (a round stopped right after the push finishes the
 * job the next time), no change left at the office opens (with the partition key) to text holding
 * the canary, and the document's chunks are gone (counted), while the other client's changes and
 * document stay; a manager of another team asking for the same deletion gets 403 and nothing goes;
 * A, offline during the erasure, and a head who joins after it converge to the same vault (the
 * erasure's own change stays), and both office chains verify.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { activityInputSchema } from '../../src-shared/activities/schema';
import { verifyOfficeChain as verifyServerChain } from '../../src-server/chain';
import { testEngines } from '../../src-server/db/cluster.test-support';
import type { RunningOffice } from '../../src-server/serve';
import { createActivity } from '../crm/activities/repository';
import { eraseContact } from '../privacy/erasure/erase';
import { vaultPaths } from '../vault';
import { openChange } from './crypto';
import { attach, cannedDocument, documentsOf } from './documents.test-support';
import { vaultEraser } from './erasure-in';
import {
  addClient,
  enrolledOwner,
  joinedLaptop,
  startOffice,
  type Laptop,
} from './office.test-support';
import { OfficeSession } from './session';
import { loadOfficeSettings, partitionKey } from './store';
import { verifyOfficeChain } from './verify';
import { pushOutbox, syncNow } from './worker';

const engines = await testEngines();
const opened: Laptop[] = [];
afterAll(() => {
  for (const laptop of opened.splice(0)) laptop.vault.close();
  engines.forEach(engine => engine.stop());
});

const CANARY = 'Канарейченко';
const KEPT = 'Залишенко';

async function round(...laptops: Laptop[]): Promise<void> {
  for (const laptop of laptops) {
    const attachments = vaultPaths(laptop.dir).attachments;
    await syncNow(laptop.db, { eraser: vaultEraser(laptop.vault), attachments });
  }
}

/** The changes at the office in `partitionId` that open (with `key`) to text holding `needle`. */
async function changesHolding(
  office: RunningOffice,
  partitionId: string,
  key: Buffer,
  needle: string,
): Promise<number> {
  const rows = await office.db.query<{
    change_id: string;
    key_version: number;
    sealed: Uint8Array;
  }>(
    'SELECT change_id, key_version, sealed FROM changes WHERE partition_id = $1 AND sealed IS NOT NULL',
    [partitionId],
  );
  return rows.filter(row => {
    const at = { partitionId, keyVersion: row.key_version, changeId: row.change_id };
    return openChange(key, at, Buffer.from(row.sealed).toString('base64')).includes(needle);
  }).length;
}

async function count(office: RunningOffice, sql: string, params: unknown[]): Promise<number> {
  const [row] = await office.db.query<{ n: string | number }>(sql, params);
  return Number(row?.n ?? 0);
}

const chunksOf = (office: RunningOffice, documentId: string) =>
  count(office, 'SELECT count(*) AS n FROM document_chunks WHERE document_id = $1', [documentId]);

describe.each(engines.map(e => [e.name, e] as const))(
  'erasure on the office server on %s',
  (_name, engine) => {
    it('deletes the person’s ciphertext at the office; others converge; a forged delete is 403', async () => {
      const office = await startOffice(engine.create().storage);
      try {
        const owner = await enrolledOwner(office);
        const a = await joinedLaptop(office, owner, 'anna', 'manager', 'north');
        const c = await joinedLaptop(office, owner, 'chrystia', 'manager', 'south');
        opened.push(owner, a, c);
        await round(a, c, owner);
        const erased = await addClient(a, CANARY);
        const kept = await addClient(a, KEPT);
        const viewer = { userId: a.userId, teamId: 'north', scope: 'own' as const };
        const acts = { ...viewer, records: { contact: 'own' as const } };
        const note = { kind: 'note', subject: `Дзвінок: ${CANARY}`, contactId: erased };
        await createActivity(a.db, acts, activityInputSchema.parse(note));
        const docs = documentsOf(a);
        const record = (id: string) => ({ type: 'contact' as const, id });
        const erasedDoc = await attach(
          docs,
          docs.viewer,
          record(erased),
          `${CANARY}.txt`,
          cannedDocument(CANARY, 1),
        );
        const keptDoc = await attach(
          docs,
          docs.viewer,
          record(kept),
          'акт.txt',
          cannedDocument('x', 1),
        );
        await round(a, owner);

        const partitionA = (
          await a.db
            .selectFrom('office_partitions')
            .select('partition_id')
            .where('owner_user_id', '=', a.userId)
            .executeTakeFirstOrThrow()
        ).partition_id;
        const key = await partitionKey(owner.db, partitionA, 1);
        if (!key) throw new Error('the owner holds no key for A’s partition');
        // Contact, activity and document metadata hold the canary; the document has two chunks.
        expect(await changesHolding(office, partitionA, key, CANARY)).toBe(3);
        expect(await chunksOf(office, erasedDoc.id)).toBe(2);
        const keptChanges = await changesHolding(office, partitionA, key, KEPT);
        expect(keptChanges).toBeGreaterThan(0);
        const stored = await count(
          office,
          'SELECT count(*) AS n FROM changes WHERE sealed IS NOT NULL',
          [],
        );

        // C (team south), with its real device key, asks for the same deletion: 403, nothing goes.
        const settingsC = await loadOfficeSettings(c.db);
        if (!settingsC) throw new Error('C has not joined');
        const sessionC = await OfficeSession.signIn(settingsC);
        const ids = await office.db.query<{ change_id: string }>(
          'SELECT change_id FROM changes WHERE partition_id = $1',
          [partitionA],
        );
        const forged = await sessionC
          .post('/v1/purge', {
            partitionId: partitionA,
            changeIds: ids.map(r => r.change_id),
            documentIds: [erasedDoc.id, keptDoc.id],
          })
          .catch((e: unknown) => e);
        expect(forged).toMatchObject({ status: 403, code: 'forbidden' });
        expect(
          await count(office, 'SELECT count(*) AS n FROM changes WHERE sealed IS NOT NULL', []),
        ).toBe(stored);
        expect(await chunksOf(office, erasedDoc.id)).toBe(2);

        // The owner erases the client while A is offline.
        await eraseContact(owner.vault, {
          contactId: erased,
          reason: 'request',
          by: owner.userId,
          at: new Date(),
        });
        // The push is acknowledged and the round stops there (as after a crash): nothing gone yet.
        const settingsO = await loadOfficeSettings(owner.db);
        if (!settingsO) throw new Error('the owner has not joined');
        expect(await pushOutbox(owner.db, await OfficeSession.signIn(settingsO))).toBe(1);
        expect(await changesHolding(office, partitionA, key, CANARY)).toBe(3);
        // The next round finds the acknowledged erasure still in the outbox and finishes the job.
        await round(owner);
        expect(await changesHolding(office, partitionA, key, CANARY)).toBe(0);
        expect(await chunksOf(office, erasedDoc.id)).toBe(0);
        expect(await changesHolding(office, partitionA, key, KEPT)).toBe(keptChanges);
        expect(await chunksOf(office, keptDoc.id)).toBe(2);
        expect(
          await count(office, 'SELECT count(*) AS n FROM changes WHERE erased_at IS NOT NULL', []),
        ).toBe(3);

        // A comes back; a head joins after the erasure: both end with the other client only.
        const head = await joinedLaptop(office, owner, 'hanna', 'head', 'north');
        opened.push(head);
        await round(a, head, owner);
        for (const laptop of [a, head, owner]) {
          const contacts = await laptop.db.selectFrom('contacts').select('id').execute();
          expect(contacts.map(r => r.id)).toEqual([kept]);
          expect(await laptop.db.selectFrom('activities').select('id').execute()).toEqual([]);
          const documents = await laptop.db.selectFrom('documents').select('id').execute();
          expect(documents.map(d => d.id)).toEqual([keptDoc.id]);
          expect(await laptop.db.selectFrom('sync_outbox').select('change_id').execute()).toEqual(
            [],
          );
        }
        expect((await verifyOfficeChain(a.db)).ok).toBe(true);
        expect((await verifyOfficeChain(head.db)).ok).toBe(true);
        expect(await verifyServerChain(office.db)).toEqual([]);
      } finally {
        await office.close();
      }
    }, 300_000);
  },
);
