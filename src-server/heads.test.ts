/**
 * Heads approve devices of their team (PGlite and PostgreSQL 15 where it starts): a head's
 * invitation is bound to its team; the head lists and refuses only that team's requests, approves
 * one only as a manager of its team, creates that manager's partition and wraps it to the manager,
 * itself and owner devices — and anything broader (another team, a head or owner role, the audit
 * partition, another team's partition, a stranger's device) is a 403 that changes nothing.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PendingJoin } from '../src-shared/office/joins';
import { deviceStatement } from '../src-shared/office/statements';
import { TestDevice, call } from './client.test-support';
import { testEngines } from './db/cluster.test-support';
import type { RunningOffice } from './serve';
import { TestOffice, startTestOffice } from './world.test-support';

const engines = await testEngines();
afterAll(() => engines.forEach(engine => engine.stop()));

/** `device` asks to join with `invite`. */
async function join(office: RunningOffice, device: TestDevice, invite: string) {
  const body = device.joinBody(invite);
  expect((await call(office.url, 'POST', '/v1/join', body)).status).toBe(200);
}

/** `approver` signs `device`'s statement as given (role and team may differ from the device's). */
function approveAs(approver: TestDevice, device: TestDevice, role: string, teamId: string | null) {
  const statement = { ...device.statement(), role, teamId } as ReturnType<TestDevice['statement']>;
  return approver.post('/v1/devices/approve', {
    device: statement,
    signature: approver.signText(deviceStatement('approve', approver.officeId, statement)),
  });
}

describe.each(engines.map(engine => [engine.name, engine] as const))(
  'heads approving devices on %s',
  (_name, engine) => {
    let office: RunningOffice;
    let world: TestOffice;
    let north: TestDevice;
    let south: TestDevice;

    beforeAll(async () => {
      office = await startTestOffice(engine.create().storage);
    }, 120_000);
    afterAll(async () => office.close());
    beforeEach(async () => {
      world = await TestOffice.enrolled(office);
      north = await world.device('head', 'north');
      south = await world.device('head', 'south');
    });

    const invite = async (by: TestDevice) => {
      const answer = await by.post<{ invite: string }>('/v1/invites', {});
      expect(answer.status).toBe(200);
      return answer.body.invite;
    };
    const joins = async (by: TestDevice) => {
      const answer = await by.get<{ joins: PendingJoin[] }>('/v1/joins');
      expect(answer.status).toBe(200);
      return answer.body.joins.map(j => [j.deviceId, j.teamId]);
    };
    const newcomer = () => new TestDevice(office.url, office.officeId, randomUUID(), 'manager');

    it("lists each head only its team's requests and lets it approve a manager of its team", async () => {
      const anna = newcomer();
      const boris = newcomer();
      const olga = newcomer();
      await join(office, anna, await invite(north));
      await join(office, boris, await invite(south));
      await join(office, olga, await invite(world.owner));
      expect(await joins(north)).toEqual([[anna.deviceId, 'north']]);
      expect(await joins(south)).toEqual([[boris.deviceId, 'south']]);
      expect((await joins(world.owner)).map(j => j[0]).sort()).toEqual(
        [anna.deviceId, boris.deviceId, olga.deviceId].sort(),
      );
      const me = await north.get<{ role: string; teamId: string; owners: { deviceId: string }[] }>(
        '/v1/me',
      );
      expect(me.body).toMatchObject({ role: 'head', teamId: 'north' });
      expect(me.body.owners.map(o => o.deviceId)).toEqual([world.owner.deviceId]);

      // Broader than a manager of the head's own team: refused, nothing stored.
      for (const [role, team] of [
        ['head', 'north'],
        ['owner', 'north'],
        ['administrator', 'north'],
        ['auditor', 'north'],
        ['manager', 'south'],
        ['manager', null],
      ] as const) {
        expect((await approveAs(north, anna, role, team)).status).toBe(403);
      }
      expect((await approveAs(north, boris, 'manager', 'north')).status).toBe(403);
      expect((await approveAs(north, olga, 'manager', 'north')).status).toBe(403);
      expect((await north.post('/v1/joins/refuse', { deviceId: boris.deviceId })).status).toBe(404);
      expect((await anna.signIn()).status).toBe(401);

      expect((await approveAs(north, anna, 'manager', 'north')).status).toBe(200);
      expect((await anna.signIn()).status).toBe(200);
      expect(await joins(north)).toEqual([]);
      expect((await south.post('/v1/joins/refuse', { deviceId: boris.deviceId })).status).toBe(200);
      expect(await joins(world.owner)).toEqual([[olga.deviceId, null]]);
    });

    it('lets a head wrap only its team manager’s partition, to that manager, itself and owners', async () => {
      const anna = newcomer();
      await join(office, anna, await invite(north));
      expect((await approveAs(north, anna, 'manager', 'north')).status).toBe(200);
      const manager = await world.device('manager', 'south');
      const key = randomBytes(32);
      const partitionId = randomUUID();
      const create = (by: TestDevice, id: string, kind: string, ownerUserId: string | null) =>
        by.post('/v1/partitions', { partitionId: id, kind, ownerUserId });
      const grant = (by: TestDevice, id: string, to: TestDevice, mayPush: boolean) =>
        by.post('/v1/partitions/grant', {
          partitionId: id,
          mayPush,
          keyVersion: 1,
          envelope: to.envelopeFor(key),
        });
      expect((await create(north, randomUUID(), 'audit', null)).status).toBe(403);
      expect((await create(north, randomUUID(), 'owner', manager.userId)).status).toBe(403);
      expect((await create(north, randomUUID(), 'owner', north.userId)).status).toBe(403);
      expect((await create(north, partitionId, 'owner', anna.userId)).status).toBe(200);
      expect((await create(north, randomUUID(), 'owner', anna.userId)).status).toBe(409);
      expect((await create(south, randomUUID(), 'owner', anna.userId)).status).toBe(403);

      expect((await grant(north, partitionId, north, true)).status).toBe(403);
      expect((await grant(north, partitionId, north, false)).status).toBe(200);
      expect((await grant(south, partitionId, south, false)).status).toBe(403);
      expect((await grant(north, partitionId, anna, true)).status).toBe(200);
      expect((await grant(north, partitionId, world.owner, true)).status).toBe(200);
      expect((await grant(north, partitionId, manager, false)).status).toBe(403);
      expect((await grant(north, partitionId, south, false)).status).toBe(403);

      // Partitions the head does not own the right to: the audit stream, another team's manager.
      const audit = await world.partition(null, [], [north]);
      const other = await world.partition(manager, [manager]);
      for (const id of [audit.partitionId, other.partitionId]) {
        expect((await grant(north, id, north, false)).status).toBe(403);
        expect((await grant(north, id, anna, false)).status).toBe(403);
      }
      const acl = await office.db.query<{ partition_id: string; device_id: string }>(
        'SELECT partition_id, device_id FROM partition_access ORDER BY partition_id, device_id',
      );
      const rows = (id: string) => acl.filter(a => a.partition_id === id).map(a => a.device_id);
      expect(rows(partitionId).sort()).toEqual(
        [north.deviceId, anna.deviceId, world.owner.deviceId].sort(),
      );
      expect(rows(audit.partitionId).sort()).toEqual([world.owner.deviceId, north.deviceId].sort());
      expect(rows(other.partitionId).sort()).toEqual(
        [world.owner.deviceId, manager.deviceId].sort(),
      );
    });
  },
);
