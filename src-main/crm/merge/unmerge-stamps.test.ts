/**
 * A merge stamps what it moves: each deal, activity and contact it points at the survivor carries
 * the merge's time and the person merging as its `updated_at`/`updated_by` (a deal form opened
 * before the merge gets `conflict` instead of writing the old link back), and unmerge puts it back
 * byte for byte but for a fresh stamp of its own.
 *
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
import { getDeal, updateDeal } from '../deals/repository';
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

describe('a merge stamps the rows it moves', () => {
  function rowOf(t: Awaited<ReturnType<typeof office>>, table: string, id: string) {
    return t.vault.sqlite.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<
      string,
      unknown
    >;
  }

  it('moved deals and activities carry the merge’s time and merger; unmerge restores them with a fresh stamp', async () => {
    const t = await office();
    const anna = viewerOf(t.staff.anna, 'own', 'north');
    const head = viewerOf(t.staff.head, 'all');
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
    const { deal, task } = await linkEverything(t.db, copy.after.id, t.staff.anna);
    const dealBefore = rowOf(t, 'deals', deal);
    const taskBefore = rowOf(t, 'activities', task);
    const dealForm = await getDeal(t.db, anna, deal);
    // The head merges Anna's two contacts.
    const { result } = await mergeRecords(
      t.vault,
      head,
      { type: 'contacts', survivorId: keep.after.id, mergedIds: [copy.after.id], fields: {} },
      MERGED,
    );
    const merged = { updated_at: MERGED.toISOString(), updated_by: t.staff.head };
    expect(rowOf(t, 'deals', deal)).toEqual({
      ...dealBefore,
      contact_id: keep.after.id,
      ...merged,
    });
    expect(rowOf(t, 'activities', task)).toEqual({
      ...taskBefore,
      contact_id: keep.after.id,
      ...merged,
    });
    // A deal form opened before the merge cannot save the old contact back over the move.
    const stale = updateDeal(t.db, anna, {}, deal, { title: 'Інша' }, dealForm.updatedAt);
    expect(await rejectionCode(stale)).toBe('conflict');

    await unmergeRecords(t.vault, head, 'contacts', result.mergeId, UNMERGED);
    const fresh = { updated_at: UNMERGED.toISOString(), updated_by: t.staff.head };
    expect(rowOf(t, 'deals', deal)).toEqual({ ...dealBefore, ...fresh });
    expect(rowOf(t, 'activities', task)).toEqual({ ...taskBefore, ...fresh });
  });

  it('a company merge stamps the moved contacts; a stamp never goes back in time', async () => {
    const t = await office();
    const anna = viewerOf(t.staff.anna, 'own', 'north');
    const a = await createCompany(t.db, anna, { name: 'ТОВ Зірка' }, CREATED);
    const b = await createCompany(t.db, anna, { name: 'Зірка' }, CREATED);
    // The contact was saved "later" than the merge by a clock ahead: its stamp still moves on.
    const ahead = new Date(MERGED.getTime() + 60_000);
    const worker = await createContact(t.db, anna, { surname: 'Коваль', givenName: 'Іван' }, ahead);
    t.vault.sqlite
      .prepare('UPDATE contacts SET company_id = ? WHERE id = ?')
      .run(b.after.id, worker.after.id);
    const before = rowOf(t, 'contacts', worker.after.id);
    await mergeRecords(
      t.vault,
      anna,
      { type: 'companies', survivorId: a.after.id, mergedIds: [b.after.id], fields: {} },
      MERGED,
    );
    expect(rowOf(t, 'contacts', worker.after.id)).toEqual({
      ...before,
      company_id: a.after.id,
      updated_at: new Date(ahead.getTime() + 1).toISOString(),
      updated_by: t.staff.anna,
    });
  });
});
