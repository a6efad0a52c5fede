/**
 * Laptops and a real office server on loopback (PGlite, and a real PostgreSQL 15 where one can
 * start), through the real HTTP client: the leak test — owner, head of team north, managers
 * A and B (north) and C (south), 1,000 clients each; after sync each vault holds exactly the
 * clients its user may read (read back through the vault's data key and counted) and the server's
 * files (tables and WAL) hold no canary text — a forged pull of another partition is refused with
 * nothing sent, and offline edits reach the owner after the server comes back.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contactInputSchema } from '../../src-shared/contacts/schema';
import { createContact, updateContact } from '../crm/contacts/repository';
import { OfficeCallError } from './client';
import {
  clientsOf,
  enrolledOwner,
  filesHolding,
  joinedLaptop,
  type Laptop,
  officeTestBed,
  startOffice,
} from './office.test-support';
import { OfficeSession } from './session';
import { loadOfficeSettings, syncCounts } from './store';
import { syncNow } from './worker';

const { engines, opened } = await officeTestBed();

/** Text the server must never see: in every client's surname and notes. */
const CANARY_NAME = 'Канарейченко';
const CANARY_NOTE = `CANARY-${randomBytes(8).toString('hex')}`;

/**
 * `n` clients of the laptop's user in one outer transaction, as the audit wrapper runs a call (each
 * create's own transaction is a savepoint; each still goes to the outbox).
 */
async function addClients(laptop: Laptop, n: number, tag: string): Promise<string[]> {
  const input = contactInputSchema.parse({
    surname: `${CANARY_NAME}${tag}`,
    givenName: 'Клієнт',
    notes: CANARY_NOTE,
  });
  const ids: string[] = [];
  laptop.vault.sqlite.exec('BEGIN IMMEDIATE');
  try {
    for (let i = 0; i < n; i += 1) {
      ids.push((await createContact(laptop.db, { userId: laptop.userId }, input)).after.id);
    }
    laptop.vault.sqlite.exec('COMMIT');
  } finally {
    if (laptop.vault.sqlite.inTransaction) laptop.vault.sqlite.exec('ROLLBACK');
  }
  return ids;
}

const N = 1000;

describe.each(engines.map(e => [e.name, e] as const))('office sync on %s', (_name, engine) => {
  it('gives each laptop exactly the clients its user may read (1,000 each), leaks no text, refuses a forged pull', async () => {
    const { storage, dataDir } = engine.create();
    const office = await startOffice(storage);
    let closed = false;
    try {
      const owner = await enrolledOwner(office);
      const a = await joinedLaptop(office, owner, 'anna', 'manager', 'north');
      const b = await joinedLaptop(office, owner, 'borys', 'manager', 'north');
      const c = await joinedLaptop(office, owner, 'chrystia', 'manager', 'south');
      const head = await joinedLaptop(office, owner, 'head', 'head', 'north');
      opened.push(owner, a, b, c, head);
      await addClients(a, N, 'Анни');
      await addClients(b, N, 'Бориса');
      await addClients(c, N, 'Христі');
      await addClients(owner, N, 'Власника');
      for (const laptop of [a, b, c, owner, head, a, b, c]) await syncNow(laptop.db);
      const counts = async (laptop: Laptop) => [
        await clientsOf(laptop, a.userId),
        await clientsOf(laptop, b.userId),
        await clientsOf(laptop, c.userId),
        await clientsOf(laptop, owner.userId),
      ];
      expect(await counts(owner)).toEqual([N, N, N, N]);
      expect(await counts(head)).toEqual([N, N, 0, 0]);
      expect(await counts(a)).toEqual([N, 0, 0, 0]);
      expect(await counts(b)).toEqual([0, N, 0, 0]);
      expect(await counts(c)).toEqual([0, 0, N, 0]);
      // By name too (what the user would search for): no other user's client text on A or C.
      const named = async (laptop: Laptop, tag: string) =>
        Number(
          (
            await laptop.db
              .selectFrom('contacts')
              .select(eb => eb.fn.countAll<number>().as('n'))
              .where('surname', '=', `${CANARY_NAME}${tag}`)
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await named(a, 'Бориса')).toBe(0);
      expect(await named(c, 'Анни')).toBe(0);
      expect(await named(head, 'Анни')).toBe(N);
      for (const laptop of [owner, a, b, c, head]) {
        expect(await syncCounts(laptop.db)).toEqual({ waiting: 0, conflicts: 0 });
      }

      // A's real device key, signed in; a pull naming C's partition: 403, nothing sent.
      const settingsA = await loadOfficeSettings(a.db);
      const partitionC = await c.db
        .selectFrom('office_partitions')
        .select('partition_id')
        .executeTakeFirstOrThrow();
      const session = await OfficeSession.signIn(settingsA ?? (undefined as never));
      const forged = await session
        .post('/v1/pull', { cursors: [{ partitionId: partitionC.partition_id, after: 0 }] })
        .catch((error: unknown) => error);
      expect(forged).toBeInstanceOf(OfficeCallError);
      expect(forged).toMatchObject({ status: 403, code: 'forbidden' });

      // The server's files: no canary in its tables or WAL; the partition id (stored in the
      // clear) is found, the grep's positive control. Closing flushes PGlite's pages to disk.
      await office.db.exec('CHECKPOINT');
      await office.close();
      closed = true;
      expect(filesHolding(dataDir, partitionC.partition_id)).toBeGreaterThan(0);
      expect(filesHolding(dataDir, CANARY_NOTE)).toBe(0);
      expect(filesHolding(dataDir, CANARY_NAME)).toBe(0);
    } finally {
      if (!closed) await office.close();
    }
  }, 600_000);

  it('brings 50 edits made offline to the owner once the server is back', async () => {
    const { storage } = engine.create();
    let office = await startOffice(storage);
    const port = Number(new URL(office.url).port);
    const owner = await enrolledOwner(office);
    const a = await joinedLaptop(office, owner, 'anna', 'manager', 'north');
    opened.push(owner, a);
    const [id] = await addClients(a, 1, 'Offline');
    await syncNow(a.db);
    await syncNow(owner.db);
    await office.close();
    let updatedAt = (
      await a.db
        .selectFrom('contacts')
        .select('updated_at')
        .where('id', '=', id ?? '')
        .executeTakeFirstOrThrow()
    ).updated_at;
    const viewer = { userId: a.userId, teamId: null, scope: 'all' as const };
    for (let i = 1; i <= 50; i += 1) {
      updatedAt = (await updateContact(a.db, viewer, id ?? '', { notes: `edit ${i}` }, updatedAt))
        .after.updatedAt;
    }
    await expect(syncNow(a.db)).rejects.toMatchObject({ code: 'offline' });
    expect(await syncCounts(a.db)).toEqual({ waiting: 50, conflicts: 0 });
    expect((await loadOfficeSettings(a.db))?.last_error).toBe('offline');
    office = await startOffice(storage, port);
    try {
      expect((await syncNow(a.db)).pushed).toBe(50);
      await syncNow(owner.db);
      const row = await owner.db
        .selectFrom('contacts')
        .select(['notes', 'updated_at'])
        .where('id', '=', id ?? '')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ notes: 'edit 50', updated_at: updatedAt });
      expect(await syncCounts(a.db)).toEqual({ waiting: 0, conflicts: 0 });
    } finally {
      await office.close();
    }
  });
});
