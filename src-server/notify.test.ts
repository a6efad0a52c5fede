/**
 * Several office servers on one PostgreSQL database (the load-balanced set-up): a pull waiting on
 * one server is woken by a push through another (LISTEN/NOTIFY), and both hand out sequence
 * numbers from the same gap-free series. PostgreSQL only: a PGlite folder belongs to one server.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { TestDevice } from './client.test-support';
import { testEngines } from './db/cluster.test-support';
import { TestOffice, changesFor, startTestOffice, type Pulled } from './world.test-support';

const engines = await testEngines();
afterAll(() => engines.forEach(engine => engine.stop()));
const postgres = engines.filter(engine => engine.name === 'postgres');

describe.each(postgres.map(engine => [engine.name, engine] as const))(
  'two servers on %s',
  (_name, engine) => {
    it('a push through one server wakes a pull waiting on the other', async () => {
      const { storage } = engine.create();
      const first = await startTestOffice(storage);
      const second = await startTestOffice(storage);
      try {
        expect(second.officeId).toBe(first.officeId);
        const world = await TestOffice.enrolled(first);
        const a = await world.device('manager');
        const part = await world.partition(a, [a]);
        // The same device, talking to the second server with the token the first one issued.
        const viaSecond = Object.assign(
          new TestDevice(second.url, second.officeId, a.userId, 'manager'),
          {
            deviceId: a.deviceId,
            token: a.token,
          },
        );
        const started = Date.now();
        const waiting = world.owner.post<Pulled>('/v1/pull', {
          cursors: [{ partitionId: part.partitionId, after: 0 }],
          waitMs: 25_000,
        });
        await new Promise(resolve => setImmediate(resolve));
        const pushed = await viaSecond.post<{ accepted: { seq: number }[] }>('/v1/push', {
          changes: changesFor(part, 2),
        });
        expect(pushed.body.accepted.map(x => x.seq)).toEqual([1, 2]);
        const woken = await waiting;
        expect(Date.now() - started).toBeLessThan(20_000);
        expect(woken.body.partitions[0]?.changes.length).toBeGreaterThan(0);
        const more = await a.post<{ accepted: { seq: number }[] }>('/v1/push', {
          changes: changesFor(part, 1),
        });
        expect(more.body.accepted.map(x => x.seq)).toEqual([3]);
      } finally {
        await second.close();
        await first.close();
      }
    });
  },
);

if (postgres.length === 0) {
  describe('two servers on PostgreSQL', () => {
    it('is left out here (the reason is printed above); PGlite has one server per folder', () => {
      expect(engines.map(engine => engine.name)).toEqual(['pglite']);
    });
  });
}
