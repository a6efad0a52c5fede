/**
 * A contact's life: create (normalised), edit with optimistic concurrency, soft delete, restore.
 * Real SQLCipher vaults in temp folders.
 */
import { closedAfterEach, rejectionCode as failure } from '../record/vaults.test-support';
import { describe, expect, it } from 'vitest';
import { contactInputSchema, contactPatchSchema } from '../../../src-shared/contacts';
import {
  createContact,
  deleteContact,
  getContact,
  listContacts,
  restoreContact,
  updateContact,
} from '.';
import { createContactsTestVault, viewerOf } from './contacts.test-support';

const office = closedAfterEach(createContactsTestVault);

const T = new Date('2026-11-29T09:00:00.000Z');

describe('create and read', () => {
  it('stores a Ukrainian contact normalised and reads it back whole', async () => {
    const { db, staff } = await office();
    const input = contactInputSchema.parse({
      surname: ' Мар’яненко ',
      givenName: 'Ольга',
      patronymic: 'Петрівна',
      companyName: 'ТОВ «Світанок»',
      position: '  Головний   бухгалтер ',
      address: 'м. Київ,\nвул. Хрещатик, 1',
      source: 'виставка',
      notes: 'Любить дзвінки зранку',
      phones: [{ number: '067 123 45 67', label: 'мобільний' }, { number: '(044) 123-45-67' }],
      emails: ['Olga@Svitanok.UA'],
      messengers: { telegram: 't.me/olga_m', viber: '0671234567' },
      tags: ['VIP', 'vip', 'опт'],
    });
    const { before, after } = await createContact(db, { userId: staff.anna }, input, T);
    expect(before).toBeNull();
    expect(after).toEqual({
      id: expect.any(String),
      ownerId: staff.anna,
      ownerName: 'ANNA',
      sharedWith: [],
      company: null,
      companyId: null,
      surname: 'Мар’яненко',
      givenName: 'Ольга',
      patronymic: 'Петрівна',
      companyName: 'ТОВ «Світанок»',
      position: 'Головний бухгалтер',
      address: 'м. Київ,\nвул. Хрещатик, 1',
      source: 'виставка',
      notes: 'Любить дзвінки зранку',
      phones: [{ e164: '+380671234567', label: 'мобільний' }, { e164: '+380441234567' }],
      emails: ['olga@svitanok.ua'],
      messengers: { telegram: '@olga_m', viber: '+380671234567' },
      tags: ['VIP', 'опт'],
      createdAt: T.toISOString(),
      createdBy: staff.anna,
      updatedAt: T.toISOString(),
      updatedBy: staff.anna,
      deletedAt: null,
      deletedBy: null,
    });
    expect(await getContact(db, viewerOf(staff.anna, 'own'), after.id)).toEqual(after);
  });
});

describe('edit', () => {
  it('changes only the fields given; null clears; the token moves forward even within one millisecond', async () => {
    const { db, staff } = await office();
    const anna = viewerOf(staff.anna, 'own');
    const input = contactInputSchema.parse({
      surname: 'Коваль',
      givenName: 'Іван',
      companyName: 'Ковальня',
      phones: [{ number: '0671234567' }],
    });
    const created = (await createContact(db, anna, input, T)).after;
    const patch = contactPatchSchema.parse({
      companyName: null,
      phones: [{ number: '0501234567' }],
    });
    const { before, after } = await updateContact(
      db,
      anna,
      created.id,
      patch,
      created.updatedAt,
      T,
    );
    expect(before).toEqual(created);
    expect(after).toMatchObject({
      surname: 'Коваль',
      companyName: null,
      phones: [{ e164: '+380501234567' }],
      updatedBy: staff.anna,
    });
    expect(after.updatedAt > created.updatedAt).toBe(true);
  });

  it('refuses a stale edit with conflict and keeps the newer version', async () => {
    const { db, staff } = await office();
    const anna = viewerOf(staff.anna, 'own');
    const input = contactInputSchema.parse({ surname: 'Коваль', givenName: 'Іван' });
    const opened = (await createContact(db, anna, input, T)).after;
    // Two people opened the same version; the first save wins.
    const first = await updateContact(db, anna, opened.id, { notes: 'перша' }, opened.updatedAt);
    expect(
      await failure(updateContact(db, anna, opened.id, { notes: 'друга' }, opened.updatedAt)),
    ).toBe('conflict');
    expect(await getContact(db, anna, opened.id)).toEqual(first.after);
    // After reloading, the second person can save.
    const second = await updateContact(
      db,
      anna,
      opened.id,
      { notes: 'друга' },
      first.after.updatedAt,
    );
    expect(second.after.notes).toBe('друга');
  });

  it('a lead without a surname is stored; an edit may not leave nothing to know it by', async () => {
    const { db, staff } = await office();
    const anna = viewerOf(staff.anna, 'own');
    const lead = contactInputSchema.parse({
      givenName: 'Олена',
      phones: [{ number: '0671234567' }],
    });
    const { after } = await createContact(db, anna, lead, T);
    expect(after).toMatchObject({ surname: '', givenName: 'Олена' });
    // Clearing the phone still leaves the given name.
    const kept = await updateContact(
      db,
      anna,
      after.id,
      contactPatchSchema.parse({ phones: [] }),
      after.updatedAt,
    );
    expect(kept.after.phones).toEqual([]);
    // Clearing the given name too would leave an empty contact: refused, nothing changed.
    const emptied = updateContact(
      db,
      anna,
      after.id,
      contactPatchSchema.parse({ givenName: '' }),
      kept.after.updatedAt,
    );
    await expect(emptied).rejects.toMatchObject({
      code: 'invalid_input',
      details: { codes: [{ field: 'patch.surname', code: 'contact.identity_required' }] },
    });
    expect(await getContact(db, anna, after.id)).toEqual(kept.after);
  });
});

describe('delete and restore', () => {
  it('a deleted contact disappears from list and reads; the restore holder sees it and brings it back', async () => {
    const { db, staff } = await office();
    const anna = viewerOf(staff.anna, 'own');
    const input = contactInputSchema.parse({ surname: 'Коваль', givenName: 'Іван' });
    const contact = (await createContact(db, anna, input, T)).after;
    const removed = await deleteContact(db, anna, contact.id);
    expect(removed.after).toMatchObject({ deletedBy: staff.anna, deletedAt: expect.any(String) });

    const list = { sort: 'name', direction: 'asc', limit: 50 } as const;
    expect((await listContacts(db, anna, list)).items).toEqual([]);
    expect(await failure(getContact(db, anna, contact.id))).toBe('not_found');
    expect(
      await failure(updateContact(db, anna, contact.id, { notes: 'x' }, removed.after.updatedAt)),
    ).toBe('not_found');
    expect(await failure(deleteContact(db, anna, contact.id))).toBe('not_found');

    const owner = viewerOf(staff.owner, 'all');
    const withDeleted = await listContacts(db, owner, {
      ...list,
      filter: { includeDeleted: true },
    });
    expect(withDeleted.items.map(c => [c.surname, c.deletedAt !== null])).toEqual([
      ['Коваль', true],
    ]);
    expect((await getContact(db, owner, contact.id, { includeDeleted: true })).deletedBy).toBe(
      staff.anna,
    );

    const restored = await restoreContact(db, owner, contact.id);
    expect(restored.after).toMatchObject({
      deletedAt: null,
      deletedBy: null,
      updatedBy: staff.owner,
    });
    expect((await listContacts(db, anna, list)).items.map(c => c.surname)).toEqual(['Коваль']);
    // Restoring what is not deleted, or does not exist, changes nothing.
    expect(await failure(restoreContact(db, owner, contact.id))).toBe('conflict');
    expect(await failure(restoreContact(db, owner, 'no-such-id'))).toBe('not_found');
  });
});
