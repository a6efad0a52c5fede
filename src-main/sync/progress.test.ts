/**
 * First-sync progress (issue 16, "progress on the first sync"): a new laptop of the owner pulls
 * 1,050 changes (two pages); while the pull runs `sync.status` answers the count applied so far
 * and the total the server reported; after the round, and on later rounds, there is none.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contactInputSchema } from '../../src-shared/contacts/schema';
import type { SyncStatusView } from '../../src-shared/ipc/sync';
import { createContact } from '../crm/contacts/repository';
import { approveJoin, parseJoinRequest, requestToJoin } from './enrol';
import { enrolledOwner, newLaptop, startOffice, type Laptop } from './office.test-support';
import { onProgress, type SyncProgress } from './progress';
import { syncStatus } from './status';
import { syncNow } from './worker';

const opened: Laptop[] = [];
afterAll(() => {
  for (const laptop of opened.splice(0)) laptop.vault.close();
});

const CLIENTS = 1050;
const LETTERS = 'абвгдежзиклмнопрстуф';
/** A name without digits (names refuse them): the index in base 20, as letters. */
const nameOf = (i: number) =>
  `Н${[...i.toString(20).padStart(3, '0')].map(d => LETTERS[parseInt(d, 20)]).join('')}`;

describe('first-sync progress', () => {
  it('counts the first pull against the server total, then shows nothing', async () => {
    const office = await startOffice({ data: mkdtempSync(join(tmpdir(), 'zamok-progress-')) });
    try {
      const owner = await enrolledOwner(office);
      opened.push(owner);
      for (let i = 0; i < CLIENTS; i += 1) {
        const input = contactInputSchema.parse({ surname: 'Клієнт', givenName: nameOf(i) });
        await createContact(owner.db, { userId: owner.userId }, input);
      }
      expect((await syncNow(owner.db)).pushed).toBe(CLIENTS);

      // The owner's second computer (same user), approved by the first.
      const second = await newLaptop('owner-laptop-2');
      opened.push(second);
      const text = await requestToJoin(second.db, {
        endpoint: { url: office.url, fingerprint: null },
        userId: owner.userId,
        name: 'OWNER',
      });
      const request = parseJoinRequest(text);
      if (!request) throw new Error('join request did not parse');
      await approveJoin(owner.db, { request, role: 'owner', teamId: null });

      const seen: SyncProgress[] = [];
      const asked: Promise<SyncStatusView>[] = [];
      const stop = onProgress(progress => {
        seen.push(progress);
        // The status channel's answer while the pull runs (read on the next turn).
        if (progress.applied > 0 && asked.length === 0) asked.push(syncStatus(second.db));
      });
      try {
        const report = await syncNow(second.db);
        expect(report.pulled).toBe(CLIENTS);
      } finally {
        stop();
      }
      expect(seen[0]).toEqual({ applied: 0, total: CLIENTS });
      expect(seen.at(-1)).toEqual({ applied: CLIENTS, total: CLIENTS });
      expect(seen.length).toBeGreaterThanOrEqual(3);
      const during = await asked[0];
      expect(during?.progress?.total).toBe(CLIENTS);
      expect(during?.progress?.applied).toBeGreaterThan(0);
      expect(during?.progress?.applied).toBeLessThan(CLIENTS);
      expect((await syncStatus(second.db)).progress).toBeUndefined();

      // Later rounds are not first syncs: no count.
      seen.length = 0;
      await syncNow(second.db);
      expect(seen).toEqual([]);
    } finally {
      await office.close();
    }
  }, 300_000);
});
