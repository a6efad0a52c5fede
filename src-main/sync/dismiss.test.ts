/**
 * Dismissal through the office (issue 16): the owner's laptop dismisses manager B; the server
 * refuses B's device at once, B's partition gets a new key wrapped to the owner and the head only
 * (a change sealed after that does not open with the old key), and B's laptop, on its next
 * contact, is told it was removed and wipes its vault: every file in the folder overwritten and
 * removed (read back through a descriptor opened before), a marker with no personal data left.
 */
import { closeSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { contactInputSchema } from '../../src-shared/contacts/schema';
import type { PullResponse } from '../../src-shared/office/contracts';
import { createContact, updateContact } from '../crm/contacts/repository';
import { testEngines } from '../../src-server/db/cluster.test-support';
import { vaultPaths } from '../vault';
import { SealError, openChange } from './crypto';
import { enrolledOwner, joinedLaptop, startOffice, type Laptop } from './office.test-support';
import { dismissFromOffice } from './rotate';
import { OfficeSession } from './session';
import { loadOfficeSettings, partitionKey } from './store';
import { DeviceRemovedError, REMOVED_MARKER, removedFromOffice, wipeRemovedVault } from './wipe';
import { syncNow } from './worker';

const engines = await testEngines();
const opened: Laptop[] = [];
afterAll(() => {
  for (const laptop of opened.splice(0)) if (!laptop.vault.closed) laptop.vault.close();
  engines.forEach(engine => engine.stop());
});

function readThrough(fd: number, size: number): Buffer {
  const buffer = Buffer.alloc(size);
  readSync(fd, buffer, 0, size, 0);
  return buffer;
}

describe.each(engines.map(e => [e.name, e] as const))('dismissal on %s', (_name, engine) => {
  it('rotates the dismissed user’s partition and wipes their laptop on its next contact', async () => {
    const office = await startOffice(engine.create().storage);
    try {
      const owner = await enrolledOwner(office);
      const b = await joinedLaptop(office, owner, 'borys', 'manager', 'north');
      const head = await joinedLaptop(office, owner, 'head', 'head', 'north');
      opened.push(owner, b, head);
      const input = contactInputSchema.parse({ surname: 'Звільненко', givenName: 'Борис' });
      const created = (await createContact(b.db, { userId: b.userId }, input)).after;
      for (const laptop of [b, owner, head]) await syncNow(laptop.db);
      const partition = await owner.db
        .selectFrom('office_partitions')
        .select(['partition_id', 'key_version'])
        .where('owner_user_id', '=', b.userId)
        .executeTakeFirstOrThrow();
      const oldKey = await partitionKey(owner.db, partition.partition_id, 1);

      const result = await dismissFromOffice(owner.db, b.userId);
      expect(result).toMatchObject({ revokedDevices: 1, notRotated: [] });
      expect(result.rotated).toEqual([
        { partitionId: partition.partition_id, keyVersion: 2, devices: 2 },
      ]);

      // A change made after the rotation: sealed under version 2, closed to the old key.
      const viewer = { userId: owner.userId, teamId: null, scope: 'all' as const };
      await updateContact(
        owner.db,
        viewer,
        created.id,
        { notes: 'після звільнення' },
        created.updatedAt,
      );
      await syncNow(owner.db);
      await syncNow(head.db);
      const notes = await head.db
        .selectFrom('contacts')
        .select('notes')
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      expect(notes.notes).toBe('після звільнення');
      const session = await OfficeSession.signIn(
        (await loadOfficeSettings(owner.db)) ?? (undefined as never),
      );
      const pulled = await session.post<PullResponse>('/v1/pull', {
        cursors: [{ partitionId: partition.partition_id, after: 1 }],
      });
      const fresh = pulled.partitions[0]?.changes.at(-1);
      expect(fresh?.keyVersion).toBe(2);
      const at = {
        partitionId: partition.partition_id,
        keyVersion: 2,
        changeId: fresh?.changeId ?? '',
      };
      expect(() => openChange(oldKey ?? Buffer.alloc(32), at, fresh?.sealed ?? '')).toThrow(
        SealError,
      );

      // B's next contact: refused for good; the vault is audited, closed and shredded.
      const keyring = vaultPaths(b.dir).keyring;
      const size = statSync(keyring).size;
      const fd = openSync(keyring, 'r');
      try {
        expect(readThrough(fd, size).toString('utf8')).toContain('slots');
        await expect(syncNow(b.db)).rejects.toBeInstanceOf(DeviceRemovedError);
        const files = await wipeRemovedVault(b.vault, new Date('2026-12-06T18:00:00Z'));
        expect(files).toBeGreaterThanOrEqual(2);
        expect(b.vault.closed).toBe(true);
        // The same inode, read through the descriptor opened before: random bytes now.
        expect(readThrough(fd, size).toString('utf8')).not.toContain('slots');
      } finally {
        closeSync(fd);
      }
      expect(readdirSync(b.dir)).toEqual([REMOVED_MARKER]);
      expect(removedFromOffice(b.dir)).toEqual({
        state: 'removed_from_office',
        removedAt: '2026-12-06T18:00:00.000Z',
        officeId: expect.any(String),
        deviceId: expect.any(String),
      });
    } finally {
      await office.close();
    }
  });
});
