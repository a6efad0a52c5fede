/**
 * The office server end to end over HTTP, against embedded PGlite and a real PostgreSQL 15 (a
 * private cluster the set-up starts; left out with a printed reason only where postgresql-15 is not
 * installed or the tests do not run as root): enrolment, approval, sign-in, the ACL (a forged pull
 * or push gets 403 and nothing), idempotent push, gap-free sequences under concurrent pushes, long
 * polling, rotation and dismissal, the office chain, and no plaintext in the tables or WAL.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestDevice, call, sealedChange } from './client.test-support';
import { verifyOfficeChain } from './chain';
import { testEngines } from './db/cluster.test-support';
import type { RunningOffice } from './serve';
import {
  TestOffice,
  changesFor,
  resetOffice,
  startTestOffice,
  type Pulled,
} from './world.test-support';

const engines = await testEngines();
afterAll(() => engines.forEach(engine => engine.stop()));

describe.each(engines.map(engine => [engine.name, engine] as const))(
  'office server on %s',
  (_name, engine) => {
    let office: RunningOffice;
    let dataDir: string;
    let world: TestOffice;

    beforeAll(async () => {
      const created = engine.create();
      dataDir = created.dataDir;
      office = await startTestOffice(created.storage);
    }, 120_000);
    afterAll(async () => office.close());
    beforeEach(async () => {
      world = await TestOffice.enrolled(office);
    });

    it('answers health, enrols the first owner once, and refuses a wrong code or signature', async () => {
      expect((await call(office.url, 'GET', '/v1/health')).body).toEqual({
        status: 'ok',
        engine: engine.name,
        officeId: office.officeId,
      });
      const code = await resetOffice(office);
      const impostor = new TestDevice(office.url, office.officeId, randomUUID(), 'owner');
      const badSignature = {
        ...impostor.statement(),
        signKey: new TestDevice(office.url, '', '', 'owner').statement().signKey,
      };
      const forged = await call(office.url, 'POST', '/v1/enrol', {
        code,
        device: badSignature,
        signature: impostor.signText('anything'),
      });
      expect(forged.status).toBe(401);
      expect((await impostor.enrol('WRONG-CODE')).status).toBe(401);
      expect((await impostor.enrol(code.toLowerCase())).status).toBe(200);
      const second = new TestDevice(office.url, office.officeId, randomUUID(), 'owner');
      expect((await second.enrol(code)).status).toBe(401);
    });

    it('refuses an oversized body before sign-in with 413, and unknown endpoints with 404', async () => {
      const huge = { code: 'x'.repeat(200_000) };
      const answer = await call(office.url, 'POST', '/v1/enrol', huge);
      expect(answer.status).toBe(413);
      expect(answer.body).toMatchObject({ error: { code: 'too_large' } });
      expect((await call(office.url, 'GET', '/v1/nothing')).status).toBe(404);
      expect((await call(office.url, 'GET', '/v1/health')).status).toBe(200);
    });

    it('signs devices in by challenge; refuses a wrong key, a used challenge, and a missing token', async () => {
      const manager = await world.device('manager');
      const thief = Object.assign(
        new TestDevice(office.url, office.officeId, manager.userId, 'manager'),
        {
          deviceId: manager.deviceId,
        },
      );
      expect((await thief.signIn()).status).toBe(401);
      expect((await call(office.url, 'POST', '/v1/push', { changes: [] })).status).toBe(401);
      expect(
        (await call(office.url, 'GET', '/v1/partitions', undefined, `${manager.token}x`)).status,
      ).toBe(401);
      expect((await manager.get('/v1/partitions')).status).toBe(200);
    });

    it('lets only owner devices approve, create, grant, rotate and dismiss', async () => {
      const manager = await world.device('manager');
      const other = new TestDevice(office.url, office.officeId, randomUUID(), 'manager');
      expect((await manager.approve(other)).status).toBe(403);
      const forged = await world.owner.post('/v1/devices/approve', {
        device: other.statement(),
        signature: other.signText('x'),
      });
      expect(forged.status).toBe(400);
      for (const [path, body] of [
        ['/v1/partitions', { partitionId: 'p1', kind: 'audit', ownerUserId: null }],
        ['/v1/users/dismiss', { userId: world.owner.userId }],
        ['/v1/partitions/revoke', { partitionId: 'p1', deviceId: manager.deviceId }],
      ] as const) {
        expect((await manager.post(path, body)).status).toBe(403);
      }
    });

    it('a forged pull or push for another partition gets 403 and nothing is sent or stored', async () => {
      const a = await world.device('manager', 'team-1');
      const b = await world.device('manager', 'team-1');
      const partA = await world.partition(a, [a]);
      const partB = await world.partition(b, [b]);
      const secretsOfB = changesFor(partB, 3, 'B-only');
      expect((await b.post('/v1/push', { changes: secretsOfB })).status).toBe(200);

      const pull = await a.post('/v1/pull', {
        cursors: [{ partitionId: partB.partitionId, after: 0 }],
      });
      expect(pull.status).toBe(403);
      expect(pull.body).toEqual({
        error: { code: 'forbidden', message: 'This device may not do that.' },
      });
      // Mixed with its own partition: still the whole request refused.
      const mixed = await a.post('/v1/pull', {
        cursors: [
          { partitionId: partA.partitionId, after: 0 },
          { partitionId: partB.partitionId, after: 0 },
        ],
      });
      expect(mixed.status).toBe(403);
      const text = JSON.stringify(mixed.body) + JSON.stringify(pull.body);
      for (const change of secretsOfB) {
        expect(text).not.toContain(change.changeId);
        expect(text).not.toContain(change.sealed.slice(0, 24));
      }
      const push = await a.post('/v1/push', {
        changes: [...changesFor(partA, 1), ...changesFor(partB, 1)],
      });
      expect(push.status).toBe(403);
      // A reader may pull but not push.
      const reader = await world.device('head', 'team-1');
      await world.grant(partB, reader, false);
      expect((await reader.post('/v1/push', { changes: changesFor(partB, 1) })).status).toBe(403);
      const stored = await office.db.query<{ n: string | number }>(
        'SELECT count(*) AS n FROM changes WHERE partition_id = ANY($1::text[])',
        [[partA.partitionId, partB.partitionId]],
      );
      expect(Number(stored[0]?.n)).toBe(3);
      const readerPull = await reader.post<Pulled>('/v1/pull', {
        cursors: [{ partitionId: partB.partitionId, after: 0 }],
      });
      expect(readerPull.body.partitions[0]?.changes.map(c => c.changeId)).toEqual(
        secretsOfB.map(c => c.changeId),
      );
      const listed = await a.get<{ partitions: { partitionId: string }[] }>('/v1/partitions');
      expect(listed.body.partitions.map(p => p.partitionId)).toEqual([partA.partitionId]);
    });

    it('a replayed push is idempotent; the same id with other content is a conflict', async () => {
      const a = await world.device('manager');
      const part = await world.partition(a, [a]);
      const batch = changesFor(part, 5);
      const first = await a.post<{ accepted: { seq: number; replayed: boolean }[] }>('/v1/push', {
        changes: batch,
      });
      expect(first.body.accepted.map(x => [x.seq, x.replayed])).toEqual(
        [1, 2, 3, 4, 5].map(s => [s, false]),
      );
      const again = await a.post<{ accepted: { seq: number; replayed: boolean }[] }>('/v1/push', {
        changes: [...batch, ...changesFor(part, 1)],
      });
      expect(again.body.accepted.map(x => [x.seq, x.replayed])).toEqual([
        ...[1, 2, 3, 4, 5].map(s => [s, true]),
        [6, false],
      ]);
      const [original] = batch;
      const [other] = changesFor(part, 1);
      const tampered = { ...original, sealed: other?.sealed };
      expect((await a.post('/v1/push', { changes: [tampered] })).status).toBe(409);
      const pulled = await a.post<Pulled>('/v1/pull', {
        cursors: [{ partitionId: part.partitionId, after: 0 }],
      });
      expect(pulled.body.partitions[0]?.changes.map(c => c.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('keeps sequence numbers gap-free per partition under concurrent pushes', async () => {
      const a = await world.device('manager');
      const b = await world.device('manager');
      const shared = await world.partition(null, [a, b]);
      const own = await world.partition(a, [a]);
      const pushes = Array.from({ length: 12 }, (_, i) => {
        const device = i % 2 === 0 ? a : b;
        const changes = [...changesFor(shared, 15), ...(device === a ? changesFor(own, 5) : [])];
        return device.post<{ accepted: { partitionId: string; seq: number }[] }>('/v1/push', {
          changes,
        });
      });
      const answers = await Promise.all(pushes);
      expect(answers.map(x => x.status)).toEqual(Array(12).fill(200));
      const seqs = answers
        .flatMap(x => x.body.accepted)
        .filter(x => x.partitionId === shared.partitionId)
        .map(x => x.seq);
      expect(seqs.sort((x, y) => x - y)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
      const rows = await office.db.query<{
        partition_id: string;
        n: string | number;
        max: string | number;
      }>('SELECT partition_id, count(*) AS n, max(seq) AS max FROM changes GROUP BY partition_id');
      const byId = new Map(rows.map(r => [r.partition_id, [Number(r.n), Number(r.max)]]));
      expect(byId.get(shared.partitionId)).toEqual([180, 180]);
      expect(byId.get(own.partitionId)).toEqual([30, 30]);
      expect(await verifyOfficeChain(office.db)).toEqual([]);
    });

    it('wakes a waiting pull when a change arrives, and pages by cursor', async () => {
      const a = await world.device('manager');
      const owner = world.owner;
      const part = await world.partition(a, [a]);
      const started = Date.now();
      const waiting = owner.post<Pulled>('/v1/pull', {
        cursors: [{ partitionId: part.partitionId, after: 0 }],
        waitMs: 20_000,
      });
      // The push goes after the pull has registered; the pull answers well before its 20 s.
      await new Promise(resolve => setImmediate(resolve));
      const pushed = changesFor(part, 3);
      await a.post('/v1/push', { changes: pushed });
      const woken = await waiting;
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(woken.body.partitions[0]?.changes.length).toBeGreaterThan(0);
      const page = await owner.post<Pulled>('/v1/pull', {
        cursors: [{ partitionId: part.partitionId, after: 1 }],
        limit: 1,
      });
      expect(page.body.partitions[0]?.changes.map(c => c.changeId)).toEqual([pushed[1]?.changeId]);
      expect(page.body.partitions[0]?.more).toBe(true);
    });

    it('rotation refuses the old key version; a dismissed user is refused at once', async () => {
      const a = await world.device('manager', 't1');
      const b = await world.device('manager', 't1');
      const head = await world.device('head', 't1');
      const part = await world.partition(a, [a], [b, head]);
      expect((await b.post('/v1/users/dismiss', { userId: b.userId })).status).toBe(403);
      const dismissed = await world.owner.post('/v1/users/dismiss', { userId: b.userId });
      expect(dismissed.body).toEqual({
        revokedDevices: [b.deviceId],
        partitions: [part.partitionId],
      });
      // The owner sees every device with its ACL, B's now revoked and without partitions.
      const listed = await world.owner.get<{
        devices: { deviceId: string; status: string; partitions: string[] }[];
      }>('/v1/devices');
      expect(listed.body.devices.find(d => d.deviceId === b.deviceId)).toMatchObject({
        status: 'revoked',
        partitions: [],
      });
      expect(listed.body.devices.find(d => d.deviceId === head.deviceId)?.partitions).toEqual([
        part.partitionId,
      ]);
      expect((await a.get('/v1/devices')).status).toBe(403);
      const refused = await b.post('/v1/pull', {
        cursors: [{ partitionId: part.partitionId, after: 0 }],
      });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: { code: 'device_revoked' } });
      expect((await b.signIn()).body).toMatchObject({ error: { code: 'device_revoked' } });

      const newKey = randomBytes(32);
      const rotated = await world.owner.post('/v1/partitions/rotate', {
        partitionId: part.partitionId,
        keyVersion: 2,
        envelopes: [world.owner, a].map(d => d.envelopeFor(newKey)),
      });
      expect(rotated.body).toEqual({
        kept: [world.owner.deviceId, a.deviceId],
        dropped: [head.deviceId],
      });
      const stale = await a.post('/v1/push', { changes: changesFor(part, 1) });
      expect(stale.body).toMatchObject({ error: { code: 'stale_key' } });
      part.keyVersion = 2;
      part.keys.set(2, newKey);
      expect((await a.post('/v1/push', { changes: changesFor(part, 1) })).status).toBe(200);
      expect(
        (await head.post('/v1/pull', { cursors: [{ partitionId: part.partitionId, after: 0 }] }))
          .status,
      ).toBe(403);
      const envelopes = await a.get<{ envelopes: { keyVersion: number }[] }>('/v1/envelopes');
      expect(envelopes.body.envelopes.map(e => e.keyVersion)).toEqual([1, 2]);
      expect((await head.get<{ envelopes: unknown[] }>('/v1/envelopes')).body.envelopes).toEqual(
        [],
      );
    });

    it('gives owner devices office totals, and nobody else', async () => {
      const a = await world.device('manager');
      const part = await world.partition(a, [a]);
      const changes = changesFor(part, 3);
      await a.post('/v1/push', { changes });
      expect((await a.get('/v1/metrics')).status).toBe(403);
      const metrics = await world.owner.get('/v1/metrics');
      expect(metrics.body).toEqual({
        devices: { active: 2, revoked: 0 },
        partitions: 1,
        changes: 3,
        erasedChanges: 0,
        sealedBytes: changes.reduce((sum, c) => sum + Buffer.from(c.sealed, 'base64').length, 0),
        engine: engine.name,
        rateLimited: { byAddress: 0, byInvitation: 0 },
      });
    });

    it('detects an edited or deleted change through the office chain', async () => {
      const a = await world.device('manager');
      const part = await world.partition(a, [a]);
      await a.post('/v1/push', { changes: changesFor(part, 4) });
      expect(await verifyOfficeChain(office.db)).toEqual([]);
      await office.db.query(
        "UPDATE changes SET sealed = sealed || '\\x00'::bytea WHERE partition_id = $1 AND seq = 2",
        [part.partitionId],
      );
      expect(await verifyOfficeChain(office.db)).toEqual([
        { partitionId: part.partitionId, atSeq: 2 },
      ]);
      const other = await world.partition(a, [a]);
      await a.post('/v1/push', { changes: changesFor(other, 3) });
      await office.db.query('DELETE FROM changes WHERE partition_id = $1 AND seq = 3', [
        other.partitionId,
      ]);
      expect(await verifyOfficeChain(office.db)).toContainEqual({
        partitionId: other.partitionId,
        atSeq: 3,
      });
    });

    it('keeps no plaintext in its tables or WAL: a canary sealed on the laptop is nowhere on disk', async () => {
      const a = await world.device('manager');
      const part = await world.partition(a, [a]);
      const canary = `CANARY-${randomBytes(8).toString('hex')}`;
      const key = part.keys.get(1) ?? Buffer.alloc(0);
      const changes = Array.from({ length: 50 }, () =>
        sealedChange(key, part.partitionId, 1, `{"name":"${canary}","phone":"+380 44 000 00 00"}`),
      );
      expect((await a.post('/v1/push', { changes })).status).toBe(200);
      // A routing fact the server does store in the clear, as the positive control of the grep.
      const visible = part.partitionId;
      await office.db.exec('CHECKPOINT');
      const grep = (needle: string) =>
        execFileSync('grep', ['-rlaF', needle, dataDir], { encoding: 'utf8' })
          .trim()
          .split('\n')
          .filter(Boolean).length;
      const count = (needle: string) => {
        try {
          return grep(needle);
        } catch (error) {
          if ((error as { status?: number }).status === 1) return 0;
          throw error;
        }
      };
      expect(count(visible)).toBeGreaterThan(0);
      expect(count(canary)).toBe(0);
    });
  },
);
