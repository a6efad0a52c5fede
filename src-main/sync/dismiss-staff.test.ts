/**
 * The app's staff dismissal on a vault that syncs with an office (issue 16): the records' handover
 * goes through the record module to the sync outbox (a head who held the dismissed manager's
 * partition and not the heir's drops the moved client on its next pull), and the office step
 * follows — the dismissed laptop is refused, the partition's key rotated. With the office
 * unreachable the local dismissal still stands, the office step is queued in the vault, and the
 * first sync round after the server is back revokes the devices and rotates the keys.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_IN_GRANTS } from '../../src-shared/roles';
import { contactInputSchema } from '../../src-shared/contacts/schema';
import { createContact } from '../crm/contacts/repository';
import { testEngines } from '../../src-server/db/cluster.test-support';
import type { AuditNote } from '../calls';
import { dismissStaff } from '../users/dismiss';
import { enrolledOwner, joinedLaptop, startOffice, type Laptop } from './office.test-support';
import { pendingJobs } from './office-jobs';
import { syncStatus } from './status';
import { DeviceRemovedError } from './wipe';
import { syncNow } from './worker';

const engines = await testEngines();
const opened: Laptop[] = [];
afterAll(() => {
  for (const laptop of opened.splice(0)) if (!laptop.vault.closed) laptop.vault.close();
  engines.forEach(engine => engine.stop());
});

const NOW = new Date('2026-12-06T18:00:00Z');

async function keyVersionOf(laptop: Laptop, ownerUserId: string): Promise<number> {
  const row = await laptop.db
    .selectFrom('office_partitions')
    .select('key_version')
    .where('owner_user_id', '=', ownerUserId)
    .executeTakeFirstOrThrow();
  return row.key_version;
}

async function contactOwner(laptop: Laptop, id: string): Promise<string | null> {
  const row = await laptop.db
    .selectFrom('contacts')
    .select('owner_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.owner_id ?? null;
}

describe.each(engines.map(e => [e.name, e] as const))('staff dismissal on %s', (_name, engine) => {
  it('moves the records through the outbox and dismisses in the office; offline it still dismisses locally', async () => {
    const { storage } = engine.create();
    let office = await startOffice(storage);
    let closed = false;
    try {
      const owner = await enrolledOwner(office);
      const b = await joinedLaptop(office, owner, 'borys', 'manager', 'north');
      const c = await joinedLaptop(office, owner, 'clara', 'manager', 'north');
      const head = await joinedLaptop(office, owner, 'head', 'head', 'north');
      opened.push(owner, b, c, head);
      const input = contactInputSchema.parse({ surname: 'Звільненко', givenName: 'Борис' });
      const mine = (await createContact(b.db, { userId: b.userId }, input)).after;
      const hers = (await createContact(c.db, { userId: c.userId }, input)).after;
      for (const laptop of [b, c, owner, head]) await syncNow(laptop.db);
      expect(await contactOwner(head, mine.id)).toBe(b.userId);
      expect(await contactOwner(owner, hers.id)).toBe(c.userId);
      const actor = { userId: owner.userId, role: 'owner', grants: BUILT_IN_GRANTS.owner };

      const audit: AuditNote = {};
      const done = await dismissStaff(
        owner.vault,
        owner.db,
        actor,
        { userId: b.userId },
        NOW,
        audit,
      );
      expect(done.reassigned.contacts).toBe(1);
      expect(done.office).toEqual({
        state: 'dismissed',
        revokedDevices: 1,
        rotated: 1,
        notRotated: 0,
      });
      expect(audit.details?.office).toEqual(done.office);
      // The handover reached the office: the head (B's team, not the owner's partition) drops it.
      await syncNow(owner.db);
      await syncNow(head.db);
      expect(await contactOwner(owner, mine.id)).toBe(owner.userId);
      expect(await contactOwner(head, mine.id)).toBeNull();
      const unsent = await owner.db.selectFrom('sync_outbox').select('seq').execute();
      expect(unsent.every(row => row.seq !== null)).toBe(true);
      // B's laptop is refused by the server.
      await expect(syncNow(b.db)).rejects.toBeInstanceOf(DeviceRemovedError);

      // The office goes away: C's dismissal stands locally, the office step is queued (in the
      // vault) and the handover waits in the outbox.
      await office.close();
      closed = true;
      const offline: AuditNote = {};
      const later = await dismissStaff(
        owner.vault,
        owner.db,
        actor,
        { userId: c.userId },
        NOW,
        offline,
      );
      expect(later.user.status).toBe('dismissed');
      expect(later.office).toMatchObject({ state: 'queued', code: 'offline' });
      expect(offline.details?.office).toEqual({ state: 'queued', code: 'offline' });
      expect(await pendingJobs(owner.db)).toEqual({ waiting: 1, lastError: 'offline' });
      expect((await syncStatus(owner.db)).dismissals).toEqual({ waiting: 1, lastError: 'offline' });
      // A round while the server is still down fails; the job stays queued.
      await expect(syncNow(owner.db)).rejects.toThrow();
      expect((await pendingJobs(owner.db)).waiting).toBe(1);
      expect(await contactOwner(owner, hers.id)).toBe(owner.userId);
      const waiting = await owner.db
        .selectFrom('sync_outbox')
        .select('seq')
        .where('seq', 'is', null)
        .execute();
      expect(waiting.length).toBeGreaterThan(0);

      // The server is back (same data, same address): the next round revokes C and rotates.
      const before = await keyVersionOf(owner, c.userId);
      office = await startOffice(storage, Number(new URL(office.url).port));
      closed = false;
      await syncNow(owner.db);
      expect(await pendingJobs(owner.db)).toEqual({ waiting: 0, lastError: null });
      const job = await owner.db.selectFrom('office_jobs').selectAll().executeTakeFirstOrThrow();
      expect(JSON.parse(job.outcome ?? '{}')).toMatchObject({
        revokedDevices: 1,
        rotated: 1,
        toRotate: [],
      });
      expect(await keyVersionOf(owner, c.userId)).toBe(before + 1);
      await expect(syncNow(c.db)).rejects.toBeInstanceOf(DeviceRemovedError);
      await syncNow(head.db);
      expect(await contactOwner(head, hers.id)).toBeNull();
    } finally {
      if (!closed) await office.close();
    }
  });
});
