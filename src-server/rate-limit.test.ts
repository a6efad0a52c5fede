/**
 * Limits on calls made before sign-in (PGlite: the counters live in the server process, not the
 * database): bad invitation codes from one address are answered 429 with Retry-After until the
 * injected clock moves past the window; a good code from another address still joins; one
 * invitation code tried too often is refused from any address; authenticated sync from a blocked
 * address goes on; the refusals are counted in the office metrics.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestDevice } from './client.test-support';
import { silentLogger } from './log';
import type { OfficeMetrics } from './metrics';
import type { PublicBudgets } from './rate-limit';
import { serveOffice, type RunningOffice } from './serve';
import { TestOffice, changesFor } from './world.test-support';

const BUDGETS: PublicBudgets = {
  calls: { limit: 40, windowMs: 60_000 },
  failures: { limit: 3, windowMs: 60_000 },
  invitation: { limit: 2, windowMs: 120_000 },
};

let clock = Date.now();
let office: RunningOffice;
let world: TestOffice;
const folder = mkdtempSync(join(tmpdir(), 'zamok-limits-'));

beforeAll(async () => {
  office = await serveOffice({
    storage: { data: join(folder, 'data') },
    host: '127.0.0.1',
    port: 0,
    log: silentLogger(),
    now: () => clock,
    budgets: BUDGETS,
  });
}, 120_000);
afterAll(async () => {
  await office.close();
  rmSync(folder, { recursive: true, force: true });
});
beforeEach(async () => {
  // A fresh window for every address: each test starts from the budgets' full allowance.
  clock += 10 * 60_000;
  world = await TestOffice.enrolled(office);
});

/** A POST from a chosen loopback address (Linux answers on all of 127.0.0.0/8). */
function postFrom(
  address: string,
  path: string,
  body: unknown,
): Promise<{ status: number; retryAfter: string | undefined; code: string | undefined }> {
  const url = new URL(office.url);
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: 'POST',
        localAddress: address,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
      },
      response => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            error?: { code?: string };
          };
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: response.headers['retry-after'],
            code: answer.error?.code,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

function joinBody(invite: string, forged = false) {
  return new TestDevice(office.url, office.officeId, randomUUID(), 'manager').joinBody(
    invite,
    forged,
  );
}

const newInvite = async () =>
  (await world.owner.post<{ invite: string }>('/v1/invites', {})).body.invite;
const metrics = async () => (await world.owner.get<OfficeMetrics>('/v1/metrics')).body;

describe('limits on calls before sign-in', () => {
  it('answers 429 to an address after bad codes until the clock moves; others still join', async () => {
    const good = await newInvite();
    const bad = '127.0.0.3';
    for (let i = 0; i < BUDGETS.failures.limit; i += 1) {
      const answer = await postFrom(
        bad,
        '/v1/join',
        joinBody(randomBytes(24).toString('base64url')),
      );
      expect(answer.status).toBe(401);
    }
    const refused = await postFrom(bad, '/v1/join', joinBody(good));
    expect(refused).toEqual({ status: 429, retryAfter: '60', code: 'rate_limited' });
    clock += 30_000;
    expect((await postFrom(bad, '/v1/auth/challenge', { deviceId: randomUUID() })).retryAfter).toBe(
      '30',
    );
    // The refused call did not use the invitation up: another address joins with it.
    expect((await postFrom('127.0.0.4', '/v1/join', joinBody(good))).status).toBe(200);

    clock += 30_000;
    const again = await postFrom(bad, '/v1/join', joinBody(randomBytes(24).toString('base64url')));
    expect(again.status).toBe(401);
    expect((await metrics()).rateLimited.byAddress).toBeGreaterThanOrEqual(2);
  });

  it('refuses one invitation code tried too often, from any address, until the clock moves', async () => {
    const code = await newInvite();
    const before = (await metrics()).rateLimited.byInvitation;
    for (let i = 0; i < BUDGETS.invitation.limit; i += 1) {
      const answer = await postFrom(`127.0.0.${10 + i}`, '/v1/join', joinBody(code, true));
      expect(answer.status).toBe(401);
    }
    const refused = await postFrom('127.0.0.20', '/v1/join', joinBody(code));
    expect(refused).toMatchObject({ status: 429, retryAfter: '120' });
    expect((await metrics()).rateLimited.byInvitation).toBe(before + 1);
    clock += BUDGETS.invitation.windowMs;
    expect((await postFrom('127.0.0.20', '/v1/join', joinBody(code))).status).toBe(200);
  });

  it('does not limit authenticated sync from a blocked address', async () => {
    const manager = await world.device('manager');
    const partition = await world.partition(manager, [manager]);
    // The tests' own address (127.0.0.1) runs out of its failure budget…
    for (let i = 0; i < BUDGETS.failures.limit; i += 1) {
      const answer = await postFrom('127.0.0.1', '/v1/auth/challenge', { deviceId: randomUUID() });
      expect(answer.status).toBe(401);
    }
    expect((await manager.signIn()).status).toBe(429);
    // …while its signed-in devices push and pull as before.
    const changes = changesFor(partition, 3);
    expect((await manager.post('/v1/push', { changes })).status).toBe(200);
    const pull = await world.owner.post<{ partitions: { changes: unknown[] }[] }>('/v1/pull', {
      cursors: [{ partitionId: partition.partitionId, after: 0 }],
      limit: 100,
      waitMs: 0,
    });
    expect(pull.status).toBe(200);
    expect(pull.body.partitions[0]?.changes).toHaveLength(3);
  });
});
