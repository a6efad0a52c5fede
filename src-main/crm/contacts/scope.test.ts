/**
 * Who sees which contact: own / shared / team / all, through the list, a direct read by id and every
 * write. An id out of scope must look exactly like an id that does not exist.
 */
import { closedAfterEach } from '../record/vaults.test-support';
import { type Viewer } from '../record/viewer';
import { describe, expect, it } from 'vitest';
import { contactInputSchema, contactPatchSchema } from '../../../src-shared/contacts';
import {
  createContact,
  deleteContact,
  getContact,
  listContacts,
  reassignContact,
  shareContact,
  unshareContact,
  updateContact,
} from '.';
import { createContactsTestVault, viewerOf, type ContactsTestDb } from './contacts.test-support';

const office = closedAfterEach(createContactsTestVault);

async function add(db: ContactsTestDb, ownerId: string, surname: string, givenName = 'Олена') {
  const input = contactInputSchema.parse({
    surname,
    givenName,
    phones: [{ number: '0671234567' }],
  });
  return (await createContact(db, { userId: ownerId }, input)).after;
}

async function names(db: ContactsTestDb, viewer: Viewer): Promise<string[]> {
  const page = await listContacts(db, viewer, { sort: 'name', direction: 'asc', limit: 200 });
  return page.items.map(c => c.surname);
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    return { code: (err as { code: string }).code, message: (err as Error).message };
  }
  throw new Error('expected a rejection');
}

describe('scope own', () => {
  it('a manager sees only their own contacts in the list and by id', async () => {
    const { db, staff } = await office();
    const mine = await add(db, staff.anna, 'Антоненко');
    const theirs = await add(db, staff.borys, 'Бойко');
    const anna = viewerOf(staff.anna, 'own', 'north');

    expect(await names(db, anna)).toEqual(['Антоненко']);
    expect((await getContact(db, anna, mine.id)).surname).toBe('Антоненко');
    // Another manager's id answers exactly like an id that does not exist.
    const other = await failure(getContact(db, anna, theirs.id));
    const missing = await failure(getContact(db, anna, '00000000-0000-0000-0000-000000000000'));
    expect(other).toEqual({ code: 'not_found', message: 'No such contact.' });
    expect(missing).toEqual(other);
  });

  it('cannot edit, delete, reassign or share another manager’s contact; the row stays as it was', async () => {
    const { db, staff } = await office();
    const theirs = await add(db, staff.borys, 'Бойко');
    const anna = viewerOf(staff.anna, 'own', 'north');
    const patch = contactPatchSchema.parse({ notes: 'переписано' });

    for (const attempt of [
      updateContact(db, anna, theirs.id, patch, theirs.updatedAt),
      deleteContact(db, anna, theirs.id),
      reassignContact(db, anna, theirs.id, staff.anna),
      shareContact(db, anna, theirs.id, staff.anna),
      unshareContact(db, anna, theirs.id, staff.vira),
    ]) {
      expect((await failure(attempt)).code).toBe('not_found');
    }
    const after = await getContact(db, viewerOf(staff.borys, 'own'), theirs.id);
    expect(after).toEqual(theirs);
  });

  it('a share lets a colleague read and edit, not delete, reassign or re-share; unsharing ends it', async () => {
    const { db, staff } = await office();
    const contact = await add(db, staff.anna, 'Антоненко');
    const anna = viewerOf(staff.anna, 'own', 'north');
    const borys = viewerOf(staff.borys, 'own', 'south');

    const shared = await shareContact(db, anna, contact.id, staff.borys);
    expect(shared.after.sharedWith).toEqual([{ userId: staff.borys, displayName: 'BORYS' }]);
    expect(await names(db, borys)).toEqual(['Антоненко']);

    const edited = await updateContact(
      db,
      borys,
      contact.id,
      { notes: 'дзвонив' },
      shared.after.updatedAt,
    );
    expect(edited.after).toMatchObject({ notes: 'дзвонив', updatedBy: staff.borys });

    for (const attempt of [
      deleteContact(db, borys, contact.id),
      reassignContact(db, borys, contact.id, staff.borys),
      shareContact(db, borys, contact.id, staff.vira),
    ]) {
      expect((await failure(attempt)).code).toBe('not_found');
    }

    await unshareContact(db, anna, contact.id, staff.borys);
    expect(await names(db, borys)).toEqual([]);
    expect((await failure(getContact(db, borys, contact.id))).code).toBe('not_found');
  });

  it('shares only with active colleagues other than the owner; sharing twice is harmless', async () => {
    const { db, staff } = await office();
    const contact = await add(db, staff.anna, 'Антоненко');
    const anna = viewerOf(staff.anna, 'own', 'north');
    expect((await failure(shareContact(db, anna, contact.id, staff.gone))).code).toBe(
      'invalid_input',
    );
    expect((await failure(shareContact(db, anna, contact.id, staff.anna))).code).toBe(
      'invalid_input',
    );
    expect((await failure(shareContact(db, anna, contact.id, 'nobody'))).code).toBe(
      'invalid_input',
    );
    await shareContact(db, anna, contact.id, staff.vira);
    const twice = await shareContact(db, anna, contact.id, staff.vira);
    expect(twice.after.sharedWith.map(s => s.userId)).toEqual([staff.vira]);
  });
});

describe('scope team and all', () => {
  it('team scope covers the owners in my team plus my own and shared contacts', async () => {
    const { db, staff } = await office();
    await add(db, staff.anna, 'Антоненко');
    await add(db, staff.vira, 'Вакуленко');
    const south = await add(db, staff.borys, 'Бойко');
    await add(db, staff.head, 'Гончар');

    expect(await names(db, viewerOf(staff.vira, 'team', 'north'))).toEqual([
      'Антоненко',
      'Вакуленко',
    ]);
    expect(await names(db, viewerOf(staff.borys, 'team', 'south'))).toEqual(['Бойко']);
    // No team: the team scope shrinks to own (+ shared), never to "everyone without a team".
    await shareContact(db, viewerOf(staff.borys, 'own'), south.id, staff.head);
    expect(await names(db, viewerOf(staff.head, 'team', null))).toEqual(['Бойко', 'Гончар']);
  });

  it('scope all sees everyone’s contacts and may reassign them', async () => {
    const { db, staff } = await office();
    const a = await add(db, staff.anna, 'Антоненко');
    await add(db, staff.borys, 'Бойко');
    const head = viewerOf(staff.head, 'all');
    expect(await names(db, head)).toEqual(['Антоненко', 'Бойко']);

    const moved = await reassignContact(db, head, a.id, staff.borys);
    expect(moved.after).toMatchObject({ ownerId: staff.borys, ownerName: 'BORYS' });
    expect(await names(db, viewerOf(staff.anna, 'own', 'north'))).toEqual([]);
    expect(await names(db, viewerOf(staff.borys, 'own', 'south'))).toEqual(['Антоненко', 'Бойко']);
  });

  it('reassigns only to an active user and leaves the contact unchanged otherwise', async () => {
    const { db, staff } = await office();
    const a = await add(db, staff.anna, 'Антоненко');
    const head = viewerOf(staff.head, 'all');
    for (const target of [staff.gone, 'no-such-user']) {
      expect(await failure(reassignContact(db, head, a.id, target))).toEqual({
        code: 'invalid_input',
        message: 'The new owner must be an active user.',
      });
    }
    expect(await getContact(db, head, a.id)).toEqual(a);
    // Reassigning to the current owner is a no-op.
    const same = await reassignContact(db, head, a.id, staff.anna);
    expect(same.after).toEqual(a);
  });
});
