/**
 * The shared restore on every owned table scopes itself in SQL: even a record module whose own
 * `get` forgot the scope cannot bring back, or reveal, a record outside the restorer's reach — it
 * answers `not_found` for another user's record, deleted or live, and writes nothing.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { activityInputSchema } from '../../../src-shared/activities/schema';
import { createActivity, getActivity } from '../activities';
import { readCompany } from '../companies/repository';
import { viewerOf } from '../contacts/contacts.test-support';
import { readContact } from '../contacts/repository';
import { createDealsTestVault } from '../deals/deals.test-support';
import { readDeal } from '../deals/repository';
import { restore, type OwnedTable, type RecordAccess, type Stamped } from './changes';
import { closedAfterEach, rejectionCode } from './vaults.test-support';
import { UNSCOPED } from './viewer';

const office = closedAfterEach(createDealsTestVault);
const T = new Date('2026-12-01T10:00:00.000Z');

describe('restore scope (every owned table)', () => {
  it("an own or team restorer reaches only their own or their team's deleted records", async () => {
    const { db, vault, staff, contact, company, deal } = await office();
    // Borys (team south) owns one record of each table; Anna and Vira are team north.
    const contactId = await contact(staff.borys);
    const note = activityInputSchema.parse({ kind: 'note', subject: 'Дзвінок', contactId });
    const borysActs = { ...viewerOf(staff.borys, 'own'), records: { contact: 'own' as const } };
    const ids: Record<OwnedTable, string> = {
      contacts: contactId,
      companies: await company(staff.borys),
      deals: (await deal(staff.borys)).id,
      activities: (await createActivity(db, borysActs, note, T)).after.id,
    };
    // Reads without any scope: the shared restore must not rely on the module's get.
    const unscoped: Record<OwnedTable, (id: string) => RecordAccess<Stamped>> = {
      contacts: id => access('contacts', id, trx => readContact(trx, id)),
      companies: id => access('companies', id, trx => readCompany(trx, id)),
      deals: id => access('deals', id, trx => readDeal(trx, id)),
      activities: id =>
        access('activities', id, trx => getActivity(trx, UNSCOPED, id, { includeDeleted: true })),
    };
    const stamps = (table: OwnedTable) =>
      vault.sqlite
        .prepare(`SELECT deleted_at, updated_at, updated_by FROM ${table} WHERE id = ?`)
        .get(ids[table]);

    for (const table of Object.keys(ids) as OwnedTable[]) {
      const a = unscoped[table](ids[table]);
      // Live and out of reach: not_found, not conflict (no existence leak).
      const anna = viewerOf(staff.anna, 'own', 'north');
      expect(await rejectionCode(restore(db, a, anna, T, 'not deleted'))).toBe('not_found');
      await sql`UPDATE ${sql.table(table)} SET deleted_at = ${T.toISOString()}, deleted_by = ${staff.borys} WHERE id = ${ids[table]}`.execute(
        db,
      );
      const deleted = stamps(table);
      for (const scope of ['own', 'team'] as const) {
        const outsider = viewerOf(staff.anna, scope, 'north');
        expect(await rejectionCode(restore(db, a, outsider, T, 'x'))).toBe('not_found');
      }
      expect(stamps(table)).toEqual(deleted);
      const back = await restore(db, a, viewerOf(staff.borys, 'own', 'south'), T, 'x');
      expect(back.after.deletedAt).toBeNull();
      // Now live and in reach: the owner may hear it is not deleted.
      const again = restore(db, a, viewerOf(staff.owner, 'all'), T, 'x');
      expect(await rejectionCode(again)).toBe('conflict');
    }
  });
});

function access(
  table: OwnedTable,
  id: string,
  read: RecordAccess<Stamped>['read'],
): RecordAccess<Stamped> {
  return { table, id, get: read, read };
}
