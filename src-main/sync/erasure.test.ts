/**
 * Erasure through office sync (issue 16 point 3): the owner erases a client of manager A on the
 * owner's laptop; the erasure travels as a sealed change carrying only ids, and A's laptop erases
 * the client the same way on its next round (same erasure id in its `erasures` table and its
 * erasure log, no row, no search hit, no sync rows), while A's other client stays.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { eraseContact, vaultErasures } from '../privacy/erasure/erase';
import { vaultEraser } from './erasure-in';
import {
  addClient,
  enrolledOwner,
  joinedLaptop,
  type Laptop,
  officeTestBed,
  startOffice,
} from './office.test-support';
import { syncNow } from './worker';

const { engines, opened } = await officeTestBed();

const CANARY = 'Стиранко';

async function round(...laptops: Laptop[]): Promise<void> {
  for (const laptop of laptops) await syncNow(laptop.db, { eraser: vaultEraser(laptop.vault) });
}

async function searchHits(laptop: Laptop): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*) AS n FROM search_text_contacts
    WHERE search_text_contacts MATCH ${`"${CANARY}"`}`.execute(laptop.db);
  return Number(rows[0]?.n ?? 0);
}

describe.each(engines.map(e => [e.name, e] as const))(
  'erasure through sync on %s',
  (_name, engine) => {
    it('erases the client on every laptop holding it, the same way', async () => {
      const office = await startOffice(engine.create().storage);
      try {
        const owner = await enrolledOwner(office);
        const a = await joinedLaptop(office, owner, 'anna', 'manager', 'north');
        opened.push(owner, a);
        const erased = await addClient(a, CANARY);
        const kept = await addClient(a, 'Залишенко');
        await round(a, owner);
        expect(await searchHits(owner)).toBe(1);
        expect(await searchHits(a)).toBe(1);

        const report = await eraseContact(owner.vault, {
          contactId: erased,
          reason: 'request',
          by: owner.userId,
          at: new Date(),
        });
        await round(owner, a, owner);

        for (const laptop of [owner, a]) {
          const ids = await laptop.db.selectFrom('contacts').select('id').execute();
          expect(ids.map(r => r.id)).toEqual([kept]);
          expect(await searchHits(laptop)).toBe(0);
          const syncRows = await laptop.db
            .selectFrom('sync_fields')
            .select('field')
            .where('record_id', '=', erased)
            .execute();
          expect(syncRows).toEqual([]);
          expect(vaultErasures(laptop.vault).map(e => [e.id, e.entityId])).toEqual([
            [report.erasureId, erased],
          ]);
          const left = await laptop.db.selectFrom('sync_outbox').select('change_id').execute();
          expect(left).toEqual([]);
          expect(await laptop.db.selectFrom('sync_pending_erasures').selectAll().execute()).toEqual(
            [],
          );
        }
      } finally {
        await office.close();
      }
    });
  },
);
