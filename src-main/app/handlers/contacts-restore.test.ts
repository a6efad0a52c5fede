/**
 * Restoring a deleted contact is scoped like reading one: a custom role with the restore grant
 * (`contacts.restore`, plain) brings back only the contacts its own `contacts.read` scope reaches.
 * Anyone else's contact, deleted or live, answers exactly like a missing id and stays untouched.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../../src-shared/contacts';
import type { Grants } from '../../../src-shared/permissions';
import type { OpenVault } from '../../vault';
import { recordsApp, stampsOf, value } from './records-app.test-support';

const opened: OpenVault[] = [];
afterEach(() => {
  for (const vault of opened.splice(0)) vault.close();
});

/** A custom role an owner could make: restores, but reads and deletes only its own contacts. */
const RESTORER: Grants = {
  'contacts.read': 'own',
  'contacts.create': true,
  'contacts.delete': 'own',
  'contacts.restore': true,
};

const MISSING = '00000000-0000-0000-0000-000000000000';

async function office() {
  const app = await recordsApp();
  opened.push(app.vault);
  const create = async (who: 'anna' | 'borys', surname: string) =>
    value<Contact>(
      await app.as(who).call('contacts.create', { contact: { surname, givenName: 'Олена' } }),
    );
  return { ...app, create };
}

describe('contacts.restore is scoped', () => {
  it("a custom role's own-scope restore reaches its own contacts only; others answer like a missing id", async () => {
    const { vault, as, giveRole, create } = await office();
    const hers = await create('anna', 'Ігнатенко');
    const his = await create('borys', 'Мельник');
    const hisLive = await create('borys', 'Бондар');
    value(await as('anna').call('contacts.delete', { id: hers.id }));
    value(await as('borys').call('contacts.delete', { id: his.id }));
    const hisRow = stampsOf(vault, 'contacts', his.id);
    const liveRow = stampsOf(vault, 'contacts', hisLive.id);

    await giveRole('anna', 'Відновлювач контактів', RESTORER);
    const anna = as('anna');
    const missing = await anna.call('contacts.restore', { id: MISSING });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // His deleted contact and his live one: the same answer as a missing id, nothing written.
    expect(await anna.call('contacts.restore', { id: his.id })).toEqual(missing);
    expect(await anna.call('contacts.restore', { id: hisLive.id })).toEqual(missing);
    expect(stampsOf(vault, 'contacts', his.id)).toEqual(hisRow);
    expect(stampsOf(vault, 'contacts', hisLive.id)).toEqual(liveRow);

    const back = value<Contact>(await anna.call('contacts.restore', { id: hers.id }));
    expect(back).toMatchObject({ id: hers.id, surname: 'Ігнатенко', deletedAt: null });
    // Her own live contact may say it is not deleted: she can read it anyway.
    expect(await anna.call('contacts.restore', { id: hers.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('the restore grant without any contacts.read restores nothing; the owner restores anyone', async () => {
    const { as, giveRole, create } = await office();
    const his = await create('borys', 'Мельник');
    value(await as('borys').call('contacts.delete', { id: his.id }));
    await giveRole('vira', 'Лише відновлення', { 'contacts.restore': true });
    expect(await as('vira').call('contacts.restore', { id: his.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const back = value<Contact>(await as('owner').call('contacts.restore', { id: his.id }));
    expect(back.deletedAt).toBeNull();
  });
});
