/**
 * Joining with an invitation on the office server (PGlite and PostgreSQL 15 where it starts):
 * only owner devices invite, list and refuse; an invitation is used once and expires; a join
 * request must be signed by the key it names; an approved device's request is no longer listed.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PendingJoin } from '../src-shared/office/joins';
import { call } from './client.test-support';
import { testEngines } from './db/cluster.test-support';
import type { RunningOffice } from './serve';
import { TestOffice, startTestOffice } from './world.test-support';

const engines = await testEngines();
afterAll(() => engines.forEach(engine => engine.stop()));

describe.each(engines.map(engine => [engine.name, engine] as const))(
  'joining with an invitation on %s',
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

    const invite = async () =>
      (await world.owner.post<{ invite: string; expiresAt: number }>('/v1/invites', {})).body;
    const joins = async () =>
      (await world.owner.get<{ joins: PendingJoin[] }>('/v1/joins')).body.joins;

    it('takes a signed request once per invitation and lists it to owner devices only', async () => {
      const { invite: code, expiresAt } = await invite();
      expect(expiresAt).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);
      const laptop = world.newcomer();
      const body = laptop.joinBody(code);
      const forged = { ...body, userId: randomUUID() };
      expect((await call(office.url, 'POST', '/v1/join', forged)).status).toBe(401);
      expect((await call(office.url, 'POST', '/v1/join', body)).status).toBe(200);
      const again = await world.newcomer().join(code);
      expect(again.status).toBe(401);
      expect(await joins()).toEqual([
        expect.objectContaining({
          deviceId: laptop.deviceId,
          userId: laptop.userId,
          sealedName: body.sealedName,
          invitedBy: world.owner.deviceId,
        }),
      ]);
      // Not signed in yet: a pending device is unknown to sign-in.
      expect((await laptop.signIn()).status).toBe(401);
      const manager = await world.device('manager');
      expect((await manager.post('/v1/invites', {})).status).toBe(403);
      expect((await manager.get('/v1/joins')).status).toBe(403);
      expect((await manager.post('/v1/joins/refuse', { deviceId: laptop.deviceId })).status).toBe(
        403,
      );
      expect((await world.owner.approve(laptop)).status).toBe(200);
      expect(await joins()).toEqual([]);
      expect((await laptop.signIn()).status).toBe(200);
    });

    it('refuses a request, an expired invitation and a taken device id', async () => {
      const laptop = world.newcomer();
      await laptop.join((await invite()).invite);
      const refuse = (deviceId: string) => world.owner.post('/v1/joins/refuse', { deviceId });
      expect((await refuse(laptop.deviceId)).status).toBe(200);
      expect((await refuse(laptop.deviceId)).status).toBe(404);
      expect(await joins()).toEqual([]);

      const expired = await invite();
      await office.db.query("UPDATE invites SET expires_at = now() - interval '1 second'");
      expect((await world.newcomer().join(expired.invite)).status).toBe(401);

      const taken = await world.device('manager');
      expect((await taken.join((await invite()).invite)).status).toBe(409);
      expect(await joins()).toEqual([]);
    });
  },
);
