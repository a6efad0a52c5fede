/**
 * Kill -9 of the office server mid-push loses no acknowledged change: the real `zamok office serve`
 * runs as a child process (PGlite data folder, and a real PostgreSQL 15 where one can start), a
 * laptop pushes batches, the server is killed with SIGKILL while a batch is in flight, and a fresh
 * server on the same storage still holds every acknowledged change, with gap-free sequence numbers,
 * and each batch that was in flight either whole or not at all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { TestDevice } from './client.test-support';
import { testEngines } from './db/cluster.test-support';
import type { OfficeStorage } from './serve';
import { changesFor, type Pulled, type TestPartition } from './world.test-support';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const engines = await testEngines();
afterAll(() => engines.forEach(engine => engine.stop()));

interface ChildServer {
  child: ChildProcess;
  url: string;
  officeId: string;
  code: string | null;
}

/** Starts `zamok office serve` on `storage` and waits for its "listening" line. */
function startServer(storage: OfficeStorage): Promise<ChildServer> {
  const where = 'data' in storage ? ['--data', storage.data] : ['--database', storage.database];
  const child = spawn(
    process.execPath,
    [join(REPO, 'bin', 'zamok.mjs'), '--json', 'office', 'serve', ...where, '--port', '0'],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      try {
        const shown = JSON.parse(out) as {
          url: string;
          officeId: string;
          enrolmentCode: string | null;
        };
        resolve({ child, url: shown.url, officeId: shown.officeId, code: shown.enrolmentCode });
      } catch {
        // not the whole JSON object yet
      }
    });
    child.once('exit', status => reject(new Error(`the server exited (${status}): ${err}`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise(resolve => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe.each(engines.map(engine => [engine.name, engine] as const))(
  'office server on %s',
  (_name, engine) => {
    it('kill -9 mid-push loses no acknowledged change', async () => {
      const { storage } = engine.create();
      let server = await startServer(storage);
      try {
        const owner = new TestDevice(server.url, server.officeId, randomUUID(), 'owner');
        expect((await owner.enrol(server.code ?? '')).status).toBe(200);
        expect((await owner.signIn()).status).toBe(200);
        const part: TestPartition = {
          partitionId: randomUUID(),
          keyVersion: 1,
          keys: new Map([[1, randomBytes(32)]]),
        };
        await owner.post('/v1/partitions', {
          partitionId: part.partitionId,
          kind: 'audit',
          ownerUserId: null,
        });
        await owner.post('/v1/partitions/grant', {
          partitionId: part.partitionId,
          mayPush: true,
          keyVersion: 1,
          envelope: owner.envelopeFor(part.keys.get(1) ?? Buffer.alloc(32)),
        });

        // Three laptops' worth of pushes, always in flight; the server dies after 12 acknowledged
        // batches, while the others are still being written.
        const acknowledged: string[] = [];
        const sent: string[][] = [];
        let acks = 0;
        let dead = false;
        let killing: Promise<void> | null = null;
        const worker = async () => {
          while (!dead) {
            const batch = changesFor(part, 40);
            sent.push(batch.map(c => c.changeId));
            const answer = await owner.post('/v1/push', { changes: batch }).catch(() => null);
            if (answer?.status !== 200) continue;
            acknowledged.push(...batch.map(c => c.changeId));
            acks += 1;
            if (acks === 12) {
              dead = true;
              killing = killed(server.child);
            }
          }
        };
        await Promise.all([worker(), worker(), worker()]);
        await killing;
        server = await startServer(storage);
        expect(server.code).toBeNull();
        const again = Object.assign(
          new TestDevice(server.url, server.officeId, owner.userId, 'owner'),
          {
            deviceId: owner.deviceId,
            sign: owner.sign,
            box: owner.box,
          },
        );
        expect((await again.signIn()).status).toBe(200);
        const pulled = await again.post<Pulled>('/v1/pull', {
          cursors: [{ partitionId: part.partitionId, after: 0 }],
        });
        const changes = pulled.body.partitions[0]?.changes ?? [];
        const ids = new Set(changes.map(c => c.changeId));
        expect(acknowledged.filter(id => !ids.has(id))).toEqual([]);
        expect(changes.map(c => c.seq)).toEqual(changes.map((_, i) => i + 1));
        // Each batch is all or nothing, acknowledged or not.
        for (const batch of sent) {
          expect([0, batch.length]).toContain(batch.filter(id => ids.has(id)).length);
        }
        expect(sent.length).toBeGreaterThan(12);
      } finally {
        await killed(server.child);
      }
    }, 180_000);
  },
);
