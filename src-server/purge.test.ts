/**
 * Deleting ciphertext on the office server (PGlite, and PostgreSQL 15 where it starts): a writer of
 * an owner partition erases named changes' sealed bytes and named documents' chunks; the rows keep
 * their place, so a pull answers them without bytes (with the hash the chain was built on), the
 * server's chain check passes and a replayed push is still answered; a reader, another partition's
 * writer, and anyone on an audit partition (even its own pusher) get 403 and nothing goes.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PulledChange } from '../src-shared/office/contracts';
import { verifyOfficeChain } from './chain';
import { testEngines } from './db/cluster.test-support';
import type { RunningOffice } from './serve';
import { TestOffice, changesFor, startTestOffice } from './world.test-support';

const engines = await testEngines();
afterAll(() => engines.forEach(engine => engine.stop()));

describe.each(engines.map(engine => [engine.name, engine] as const))(
  'purging ciphertext on %s',
  (_name, engine) => {
    let office: RunningOffice;
    let world: TestOffice;

    beforeAll(async () => {
      office = await startTestOffice(engine.create().storage);
    }, 120_000);
    afterAll(async () => office.close());
    beforeEach(async () => {
      world = await TestOffice.enrolled(office);
    });

    const sealedLeft = async (ids: string[]) =>
      Number(
        (
          await office.db.query<{ n: string | number }>(
            'SELECT count(*) AS n FROM changes WHERE change_id = ANY($1::uuid[]) AND sealed IS NOT NULL',
            [ids],
          )
        )[0]?.n,
      );

    it('erases named changes and chunks for a writer; pulls, chains and replays still work', async () => {
      const a = await world.device('manager', 'north');
      const reader = await world.device('head', 'north');
      const part = await world.partition(a, [a], [reader]);
      const changes = changesFor(part, 4);
      expect((await a.post('/v1/push', { changes })).status).toBe(200);
      const documentId = randomUUID();
      const chunk = { partitionId: part.partitionId, documentId, keyVersion: 1 };
      for (const index of [0, 1]) {
        const sealed = randomBytes(64).toString('base64');
        expect((await a.post('/v1/chunks', { ...chunk, index, sealed })).status).toBe(200);
      }
      const gone = [changes[1], changes[2]].map(c => c?.changeId ?? '');
      const request = { partitionId: part.partitionId, changeIds: gone, documentIds: [documentId] };

      expect((await reader.post('/v1/purge', request)).status).toBe(403);
      expect(await sealedLeft(gone)).toBe(2);

      const done = await a.post('/v1/purge', request);
      expect(done).toMatchObject({ status: 200, body: { changes: 2, chunks: 2 } });
      expect(await sealedLeft(gone)).toBe(0);
      expect(await sealedLeft(changes.map(c => c.changeId))).toBe(2);
      const chunks = await office.db.query('SELECT 1 FROM document_chunks WHERE document_id = $1', [
        documentId,
      ]);
      expect(chunks).toEqual([]);

      const pull = await reader.post<{ partitions: { changes: PulledChange[] }[] }>('/v1/pull', {
        cursors: [{ partitionId: part.partitionId, after: 0 }],
      });
      const pulled = pull.body.partitions[0]?.changes ?? [];
      expect(pulled.map(c => [c.seq, c.sealed === '', c.erasedHash !== undefined])).toEqual([
        [1, false, false],
        [2, true, true],
        [3, true, true],
        [4, false, false],
      ]);
      const hash = createHash('sha256')
        .update(Buffer.from(changes[1]?.sealed ?? '', 'base64'))
        .digest('base64');
      expect(pulled[1]?.erasedHash).toBe(hash);
      expect(await verifyOfficeChain(office.db)).toEqual([]);
      // A push repeated after a crash is answered with its place, not stored again.
      const again = await a.post<{ accepted: { seq: number; replayed: boolean }[] }>('/v1/push', {
        changes: [changes[1]],
      });
      expect(again.body.accepted).toEqual([expect.objectContaining({ seq: 2, replayed: true })]);
      expect(await sealedLeft(gone)).toBe(0);
      // Twice: nothing more goes.
      expect((await a.post('/v1/purge', request)).body).toEqual({ changes: 0, chunks: 0 });
    });

    it('refuses another partition’s writer and every audit partition, deleting nothing', async () => {
      const a = await world.device('manager', 'north');
      const c = await world.device('manager', 'south');
      const partA = await world.partition(a, [a]);
      await world.partition(c, [c]);
      const audit = await world.partition(null, [c]);
      const inA = changesFor(partA, 2);
      const inAudit = changesFor(audit, 2);
      expect((await a.post('/v1/push', { changes: inA })).status).toBe(200);
      expect((await c.post('/v1/push', { changes: inAudit })).status).toBe(200);
      const ids = (list: { changeId: string }[]) => list.map(x => x.changeId);

      const forged = await c.post('/v1/purge', {
        partitionId: partA.partitionId,
        changeIds: ids(inA),
        documentIds: [],
      });
      expect(forged).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
      for (const device of [c, world.owner]) {
        const answer = await device.post('/v1/purge', {
          partitionId: audit.partitionId,
          changeIds: ids(inAudit),
          documentIds: [],
        });
        expect(answer.status).toBe(403);
      }
      const unknown = await world.owner.post('/v1/purge', {
        partitionId: randomUUID(),
        changeIds: [],
        documentIds: [],
      });
      expect(unknown.status).toBe(403);
      expect(await sealedLeft([...ids(inA), ...ids(inAudit)])).toBe(4);
    });
  },
);
