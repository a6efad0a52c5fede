/**
 * The contact list's view filters on a real vault: source (ASCII case-insensitive), date created
 * (from / before), company — together with the scope, in the list and in the export of "what the
 * list shows".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { contactInputSchema } from '../../../src-shared/contacts';
import { contactListInputSchema } from '../../../src-shared/ipc/contacts';
import type { OpenVault } from '../../vault';
import { createContactsTestVault, viewerOf } from './contacts.test-support';
import { exportRows } from './export-rows';
import { listContacts } from './list';
import { createContact } from './repository';

const open: OpenVault[] = [];
afterEach(() => {
  for (const vault of open.splice(0)) vault.close();
});

async function office() {
  const t = await createContactsTestVault();
  open.push(t.vault);
  const add = async (owner: string, surname: string, source: string | null, day: string) => {
    const input = contactInputSchema.parse({ surname, givenName: 'Олена', source });
    const made = await createContact(t.db, { userId: owner }, input, new Date(`${day}T09:00:00Z`));
    return made.after.id;
  };
  return { ...t, add };
}

describe('contact view filters', () => {
  it('narrow by source and date created within the scope, in the list and its export', async () => {
    const { db, staff, add } = await office();
    await add(staff.anna, 'Листопадова', 'OLX', '2026-11-20');
    const december = await add(staff.anna, 'Груднева', 'olx', '2026-12-02');
    await add(staff.anna, 'Сайтова', 'Сайт', '2026-12-03');
    await add(staff.borys, 'Чужа', 'OLX', '2026-12-04');
    const query = contactListInputSchema.parse({
      filter: {
        source: ' OLX ',
        createdFrom: '2026-12-01T00:00:00+02:00',
        createdBefore: '2027-01-01T00:00:00+02:00',
      },
    });
    const anna = viewerOf(staff.anna, 'own');
    const page = await listContacts(db, anna, query);
    expect(page.items.map(c => c.id)).toEqual([december]);
    const exported = await exportRows(db, anna, { filter: query.filter });
    expect(exported.map(c => c.id)).toEqual([december]);
    // The head (all) sees Borys's one too; the filter never widens a scope.
    const head = await listContacts(db, viewerOf(staff.head, 'all'), query);
    expect(head.items.map(c => c.surname).sort()).toEqual(['Груднева', 'Чужа']);
  });

  it('refuses a date that is not an instant (invalid input, before the SQL)', () => {
    const bad = contactListInputSchema.safeParse({ filter: { createdFrom: 'last month' } });
    expect(bad.success).toBe(false);
  });
});
