/**
 * Unmerge and optimistic concurrency: the restored records' fields come back byte for byte, but
 * their `updated_at` moves on (strictly after the merge's), with `updated_by` the person who undid
 * it. So a form opened on a record before the merge (holding the old token the unmerge would have
 * put back) gets `conflict` instead of silently saving over the restored record, as does a form
 * opened on the merged record; a form opened after the unmerge saves.
 */
import { describe, expect, it } from 'vitest';
import { createContactsTestVault, viewerOf } from '../contacts/contacts.test-support';
import { createContact, getContact, updateContact } from '../contacts/repository';
import { createCompany, getCompany, updateCompany } from '../companies/repository';
import { closedAfterEach, rejectionCode } from '../record/vaults.test-support';
import { mergeRecords, unmergeRecords } from './merge';
import { linkEverything } from './merge.test-support';

const office = closedAfterEach(createContactsTestVault);
const CREATED = new Date('2026-11-01T08:00:00.000Z');
const MERGED = new Date('2026-12-01T09:00:00.000Z');
const UNMERGED = new Date('2026-12-01T09:30:00.000Z');

describe('unmerge renews the concurrency token', () => {
  it('stale contact forms get conflict; the restored rows carry a fresh stamp', async () => {
    const t = await office();
    const anna = viewerOf(t.staff.anna, 'own', 'north');
    const keep = await createContact(
      t.db,
      anna,
      { surname: 'Шевченко', givenName: 'Тарас' },
      CREATED,
    );
    const copy = await createContact(
      t.db,
      anna,
      { surname: 'Шевченко', givenName: 'Тарас', source: 'OLX' },
      CREATED,
    );
    const { deal } = await linkEverything(t.db, copy.after.id, t.staff.anna);
    // Forms opened before the merge.
    const keepBefore = await getContact(t.db, anna, keep.after.id);
    const copyBefore = await getContact(t.db, anna, copy.after.id);
    const { result } = await mergeRecords(
      t.vault,
      anna,
      { type: 'contacts', survivorId: keep.after.id, mergedIds: [copy.after.id], fields: {} },
      MERGED,
    );
    // A form opened on the merged record.
    const keepMerged = await getContact(t.db, anna, keep.after.id);
    // Undone by Vira's colleague Anna at a later time.
    await unmergeRecords(t.vault, anna, 'contacts', result.mergeId, UNMERGED);

    const keepNow = await getContact(t.db, anna, keep.after.id);
    const copyNow = await getContact(t.db, anna, copy.after.id);
    // The fields are back as they were…
    expect({ ...keepNow, updatedAt: '' }).toEqual({ ...keepBefore, updatedAt: '' });
    expect({ ...copyNow, updatedAt: '' }).toEqual({ ...copyBefore, updatedAt: '' });
    // …with a token newer than anything a form could hold.
    for (const now of [keepNow, copyNow]) expect(now.updatedAt).toBe(UNMERGED.toISOString());
    const stamp = t.vault.sqlite
      .prepare('SELECT updated_at, updated_by FROM deals WHERE id = ?')
      .get(deal);
    expect(stamp).toEqual({ updated_at: UNMERGED.toISOString(), updated_by: t.staff.anna });

    const later = new Date('2026-12-01T10:00:00.000Z');
    const save = (id: string, token: string) =>
      updateContact(t.db, anna, id, { address: 'Київ' }, token, later);
    expect(await rejectionCode(save(keep.after.id, keepBefore.updatedAt))).toBe('conflict');
    expect(await rejectionCode(save(copy.after.id, copyBefore.updatedAt))).toBe('conflict');
    expect(await rejectionCode(save(keep.after.id, keepMerged.updatedAt))).toBe('conflict');
    expect((await getContact(t.db, anna, keep.after.id)).address).toBeNull();
    // A form opened after the unmerge saves.
    const saved = await save(keep.after.id, keepNow.updatedAt);
    expect(saved.after.address).toBe('Київ');
  });

  it('a company form opened before the merge gets conflict after the unmerge', async () => {
    const t = await office();
    const anna = viewerOf(t.staff.anna, 'own', 'north');
    const a = await createCompany(t.db, anna, { name: 'ТОВ Зірка' }, CREATED);
    const b = await createCompany(
      t.db,
      anna,
      { name: 'Зірка', website: 'https://zirka.ua' },
      CREATED,
    );
    const before = await getCompany(t.db, anna, a.after.id);
    const { result } = await mergeRecords(
      t.vault,
      anna,
      { type: 'companies', survivorId: a.after.id, mergedIds: [b.after.id], fields: {} },
      MERGED,
    );
    // Same millisecond as the merge: the token still moves on.
    await unmergeRecords(t.vault, anna, 'companies', result.mergeId, MERGED);
    const now = await getCompany(t.db, anna, a.after.id);
    expect(now.website).toBeNull();
    expect(Date.parse(now.updatedAt)).toBeGreaterThan(MERGED.getTime());
    const stale = updateCompany(t.db, anna, a.after.id, { website: 'x.ua' }, before.updatedAt);
    expect(await rejectionCode(stale)).toBe('conflict');
  });
});
