/**
 * Heads approve devices of their team, laptop to laptop through a real office server (PGlite and
 * PostgreSQL 15 where it starts): the head of north invites Anna, sees only north's request, approves
 * her as a manager of north (never as a head), and Anna's clients reach the owner and the head but
 * not the head of south. The owner trusts Anna's device through the head's approval even after the
 * head is dismissed: the rotation that follows keeps Anna's laptop in her own partition.
 */
import { describe, expect, it } from 'vitest';
import { contactInputSchema } from '../../src-shared/contacts/schema';
import { createContact } from '../crm/contacts/repository';
import type { RunningOffice } from '../../src-server/serve';
import { OfficeCallError } from './client';
import { approveWaiting, listWaitingDevices, refuseWaiting } from './invite';
import {
  clientsOf,
  enrolledOwner,
  invitedLaptop,
  type Laptop,
  officeTestBed,
  startOffice,
} from './office.test-support';
import { dismissFromOffice } from './rotate';
import { syncNow } from './worker';

const { engines, opened } = await officeTestBed();

async function addClients(laptop: Laptop, n: number, from = 0): Promise<void> {
  for (let i = from; i < from + n; i += 1) {
    const input = contactInputSchema.parse({
      surname: 'Клієнтка',
      givenName: `Анна${'АБВГДЕ'[i] ?? 'Є'}`,
    });
    await createContact(laptop.db, { userId: laptop.userId }, input);
  }
}

/** A laptop invited by `inviter`, closed after the tests. */
async function invited(office: RunningOffice, inviter: Laptop, login: string): Promise<Laptop> {
  const laptop = await invitedLaptop(office, inviter, login);
  opened.push(laptop);
  return laptop;
}

async function deviceOf(laptop: Laptop): Promise<string> {
  const row = await laptop.db
    .selectFrom('office_settings')
    .select('device_id')
    .executeTakeFirstOrThrow();
  return row.device_id;
}

describe.each(engines.map(e => [e.name, e] as const))('heads approving on %s', (_name, engine) => {
  it('lets the head of north approve a manager of north, whose clients reach owner and head', async () => {
    const office = await startOffice(engine.create().storage);
    try {
      const owner = await enrolledOwner(office);
      opened.push(owner);
      const north = await invited(office, owner, 'north-head');
      const south = await invited(office, owner, 'south-head');
      for (const [head, team] of [
        [north, 'north'],
        [south, 'south'],
      ] as const) {
        await approveWaiting(owner.db, {
          deviceId: await deviceOf(head),
          role: 'head',
          teamId: team,
        });
        await syncNow(head.db);
      }

      const anna = await invited(office, north, 'anna');
      const annaDevice = await deviceOf(anna);
      const stranger = await invited(office, south, 'boris');
      const seen = await listWaitingDevices(north.db);
      expect(seen.map(d => [d.deviceId, d.name, d.teamId, d.roles])).toEqual([
        [annaDevice, 'ANNA', 'north', ['manager']],
      ]);
      expect((await listWaitingDevices(owner.db)).map(d => d.deviceId).sort()).toEqual(
        [annaDevice, await deviceOf(stranger)].sort(),
      );
      // A head gives no other role, and cannot refuse another team's request.
      await expect(
        approveWaiting(north.db, { deviceId: annaDevice, role: 'head', teamId: 'north' }),
      ).rejects.toMatchObject({ status: 403 });
      await expect(refuseWaiting(north.db, await deviceOf(stranger))).rejects.toBeInstanceOf(
        OfficeCallError,
      );

      const done = await approveWaiting(north.db, {
        deviceId: annaDevice,
        role: 'manager',
        teamId: 'north',
      });
      expect(done).toEqual({ userId: anna.userId, partitions: 3 });
      await addClients(anna, 3);
      for (const laptop of [anna, owner, north, south]) await syncNow(laptop.db);
      expect(await clientsOf(owner, anna.userId)).toBe(3);
      expect(await clientsOf(north, anna.userId)).toBe(3);
      expect(await clientsOf(south, anna.userId)).toBe(0);

      // The head is dismissed: Anna's partition is rotated, and Anna keeps it (the owner trusts
      // her device through the head's approval); the head's laptop is refused.
      const dismissal = await dismissFromOffice(owner.db, north.userId);
      expect(dismissal.rotated.length).toBeGreaterThanOrEqual(1);
      await addClients(anna, 1, 3);
      await syncNow(anna.db);
      await syncNow(owner.db);
      expect(await clientsOf(owner, anna.userId)).toBe(4);
      await expect(syncNow(north.db)).rejects.toThrow();
    } finally {
      await office.close();
    }
  });
});
