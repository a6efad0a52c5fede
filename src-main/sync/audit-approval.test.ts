/**
 * Audit partitions at approval time (real office server on PGlite, and PostgreSQL 15 where one
 * can start): the owner's approval makes the new device's audit partition, so that laptop's very
 * first round pushes its audit entries and the owner reads them after one pull; a head's approval
 * of a manager of its team does the same, wrapping the key to the owner device it trusts and the
 * new device only (never to itself), an auditor gets it from the owner's next round, and the
 * server refuses a head that tries to wrap such a key to itself, to replace an envelope, or to
 * make the audit partition of another team's device; a partition a head made but could not wrap
 * is adopted by the owner's next round (a new key version for the device and the owner).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { auditPartitionId } from '../../src-shared/office/audit';
import { testEngines } from '../../src-server/db/cluster.test-support';
import type { RunningOffice } from '../../src-server/serve';
import { wrapPartitionKey } from './crypto';
import { approveWaiting } from './invite';
import {
  auditedEdit,
  enrolledOwner,
  invitedLaptop,
  joinedLaptop,
  startOffice,
  type Laptop,
} from './office.test-support';
import { OfficeSession } from './session';
import { loadOfficeSettings } from './store';
import { syncNow } from './worker';

const engines = await testEngines();
const opened: Laptop[] = [];
afterAll(() => {
  for (const laptop of opened.splice(0)) laptop.vault.close();
  engines.forEach(engine => engine.stop());
});

async function settingsOf(laptop: Laptop) {
  const settings = await loadOfficeSettings(laptop.db);
  if (!settings) throw new Error('not joined');
  return settings;
}

/** The entries of `deviceId` that `reader` holds in office_audit, verified ones only. */
async function readBy(reader: Laptop, deviceId: string): Promise<string[]> {
  const rows = await reader.db
    .selectFrom('office_audit')
    .select(['entity_id', 'problem'])
    .where('device_id', '=', deviceId)
    .where('action', '=', 'contacts.update')
    .orderBy('seq')
    .execute();
  expect(rows.every(r => r.problem === null)).toBe(true);
  return rows.map(r => r.entity_id ?? '');
}

/** A laptop invited by `inviter`, closed after the tests. */
async function invited(office: RunningOffice, inviter: Laptop, login: string): Promise<Laptop> {
  const laptop = await invitedLaptop(office, inviter, login);
  opened.push(laptop);
  return laptop;
}

const WRITTEN = ['contact-1', 'contact-2', 'contact-3'];

describe.each(engines.map(e => [e.name, e] as const))(
  'audit partitions at approval on %s',
  (_n, engine) => {
    it("an owner's approval: the new laptop's first round pushes its audit, the owner reads it after one pull", async () => {
      const office = await startOffice(engine.create().storage);
      try {
        const owner = await enrolledOwner(office);
        const a = await joinedLaptop(office, owner, 'anna', 'manager', 'north');
        opened.push(owner, a);
        const deviceA = (await settingsOf(a)).device_id;
        for (let n = 1; n <= 3; n += 1) auditedEdit(a, n);
        const first = await syncNow(a.db);
        expect(first.pushed).toBeGreaterThanOrEqual(1);
        const stored = await office.db.query<{ device_id: string }>(
          'SELECT device_id FROM changes WHERE partition_id = $1',
          [auditPartitionId(deviceA)],
        );
        expect(stored.length).toBeGreaterThanOrEqual(1);
        expect(stored.every(c => c.device_id === deviceA)).toBe(true);
        await syncNow(owner.db);
        expect(await readBy(owner, deviceA)).toEqual(WRITTEN);
      } finally {
        await office.close();
      }
    }, 300_000);

    it("a head's approval: the key goes to the trusted owner device and the new device only", async () => {
      const office = await startOffice(engine.create().storage);
      try {
        const owner = await enrolledOwner(office);
        opened.push(owner);
        const auditor = await joinedLaptop(office, owner, 'ivan', 'auditor');
        opened.push(auditor);
        const north = await invited(office, owner, 'north-head');
        const south = await invited(office, owner, 'south-head');
        for (const [head, team] of [
          [north, 'north'],
          [south, 'south'],
        ] as const) {
          const deviceId = (await settingsOf(head)).device_id;
          await approveWaiting(owner.db, { deviceId, role: 'head', teamId: team });
          await syncNow(head.db);
        }
        await syncNow(owner.db);
        await syncNow(auditor.db);

        const anna = await invited(office, north, 'anna');
        const annaDevice = (await settingsOf(anna)).device_id;
        const partitionId = auditPartitionId(annaDevice);
        await approveWaiting(north.db, { deviceId: annaDevice, role: 'manager', teamId: 'north' });
        const ownerDevice = (await settingsOf(owner)).device_id;
        const envelopes = await office.db.query<{ device_id: string }>(
          'SELECT device_id FROM key_envelopes WHERE partition_id = $1 ORDER BY device_id',
          [partitionId],
        );
        expect(envelopes.map(e => e.device_id)).toEqual([annaDevice, ownerDevice].sort());
        const headKeys = await north.db
          .selectFrom('office_partition_keys')
          .select('partition_id')
          .where('partition_id', '=', partitionId)
          .execute();
        expect(headKeys).toEqual([]);

        for (let n = 1; n <= 3; n += 1) auditedEdit(anna, n);
        const first = await syncNow(anna.db);
        expect(first.pushed).toBeGreaterThanOrEqual(1);
        await syncNow(owner.db);
        expect(await readBy(owner, annaDevice)).toEqual(WRITTEN);
        // The auditor gets the key from the owner's round (the owner alone knows whom to trust).
        await syncNow(auditor.db);
        expect(await readBy(auditor, annaDevice)).toEqual(WRITTEN);

        // The server's limits for a head: no envelope for itself, none replaced, no other team.
        const northSettings = await settingsOf(north);
        const session = await OfficeSession.signIn(northSettings);
        const wrap = (boxKey: string) =>
          wrapPartitionKey(randomBytes(32), boxKey, { partitionId, keyVersion: 1 });
        const attempts = [
          { deviceId: northSettings.device_id, boxKey: northSettings.box_public },
          { deviceId: ownerDevice, boxKey: (await settingsOf(owner)).box_public },
          { deviceId: annaDevice, boxKey: (await settingsOf(anna)).box_public },
        ].map(to =>
          session.post('/v1/partitions/grant', {
            partitionId,
            mayPush: false,
            keyVersion: 1,
            envelope: { deviceId: to.deviceId, wrapped: wrap(to.boxKey) },
          }),
        );
        // Settled together: awaiting one while another already failed left that rejection
        // unhandled for a moment (vitest counts it as an error on a loaded machine).
        for (const answer of await Promise.allSettled(attempts))
          expect(answer).toMatchObject({ status: 'rejected', reason: { status: 403 } });
        const southDevice = (await settingsOf(south)).device_id;
        await expect(
          session.post('/v1/partitions', {
            partitionId: auditPartitionId(southDevice),
            kind: 'audit',
            ownerUserId: null,
          }),
        ).rejects.toMatchObject({ status: 403 });
      } finally {
        await office.close();
      }
    }, 300_000);
    it('the owner round adopts an audit partition a head made but could not wrap', async () => {
      const office = await startOffice(engine.create().storage);
      try {
        const owner = await enrolledOwner(office);
        opened.push(owner);
        const north = await invited(office, owner, 'north-head');
        const northDevice = (await settingsOf(north)).device_id;
        await approveWaiting(owner.db, { deviceId: northDevice, role: 'head', teamId: 'north' });
        await syncNow(north.db);
        const anna = await invited(office, north, 'anna');
        const annaDevice = (await settingsOf(anna)).device_id;
        const partitionId = auditPartitionId(annaDevice);
        await approveWaiting(north.db, { deviceId: annaDevice, role: 'manager', teamId: 'north' });
        // As if the head's laptop had died right after creating it: nobody holds its key.
        for (const table of ['key_envelopes', 'partition_access']) {
          await office.db.query(`DELETE FROM ${table} WHERE partition_id = $1`, [partitionId]);
        }
        auditedEdit(anna, 1);
        await syncNow(anna.db);
        await syncNow(owner.db); // a new key version for Anna (push) and the owner
        const envelopes = await office.db.query<{ device_id: string; key_version: number }>(
          'SELECT device_id, key_version FROM key_envelopes WHERE partition_id = $1',
          [partitionId],
        );
        expect(envelopes.map(e => [e.device_id, e.key_version]).sort()).toEqual(
          [
            [annaDevice, 2],
            [(await settingsOf(owner)).device_id, 2],
          ].sort(),
        );
        auditedEdit(anna, 2);
        await syncNow(anna.db);
        await syncNow(owner.db);
        expect(await readBy(owner, annaDevice)).toEqual(['contact-1', 'contact-2']);
      } finally {
        await office.close();
      }
    }, 300_000);
  },
);
