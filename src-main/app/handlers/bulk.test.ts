/**
 * The bulk channels through a router composed like the app's (audit wrapper → session guard →
 * permission → handler) on a real vault joined to a test office: the one-by-one permission and
 * scope per record, one audit entry per changed record, the sync outbox rows of a reassign, a
 * request with one id out of scope refused whole, and the batch cap.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { BULK_MAX, type BulkResult } from '../../../src-shared/ipc/bulk';
import type { RecordExportResult } from '../../../src-shared/ipc/records';
import { closeTestVaults, value } from './app.test-support';
import { bulkAudits, bulkTestApp } from './bulk.test-support';

afterEach(closeTestVaults);

const app = bulkTestApp;
const audits = bulkAudits;

describe('bulk channels', () => {
  it('a head reassigns three contacts: one entry per contact, the call’s entry, outbox rows', async () => {
    const t = await app();
    const ids = [
      await t.contact(t.staff.anna),
      await t.contact(t.staff.anna),
      await t.contact(t.staff.vira),
    ];
    const before = t.outbox().length;
    const result = await t.as('head')('bulk.reassign', {
      type: 'contacts',
      ids,
      ownerId: t.staff.borys,
    });
    expect(value<BulkResult>(result)).toEqual({ type: 'contacts', requested: 3, changed: 3 });
    expect(t.owners('contacts', ids)).toEqual([t.staff.borys, t.staff.borys, t.staff.borys]);

    const entries = await audits(t);
    const call = entries.find(e => e.action === 'bulk.reassign');
    expect(call).toMatchObject({
      outcome: 'ok',
      entityType: 'contact',
      details: { type: 'contacts', count: 3, ids, ownerId: t.staff.borys, changed: 3 },
    });
    const each = entries.filter(e => e.action === 'contacts.reassign');
    expect(each.map(e => e.entityId).sort()).toEqual([...ids].sort());
    for (const e of each) {
      expect(e.outcome).toBe('ok');
      expect(e.changes?.ownerId?.after).toBe(t.staff.borys);
    }
    // The sync outbox holds each owner change (the record module's change, not a side path): a
    // reassignment is a move, an `out` change in the old owner's partition and the whole row `in`
    // the new owner's (src-main/sync/outbox.ts).
    const rows = t.outbox().slice(before);
    expect(rows.map(r => r.record_id).sort()).toEqual([...ids, ...ids].sort());
    for (const id of ids) {
      const mine = rows.filter(r => r.record_id === id);
      expect(new Set(mine.map(r => r.partition_id)).size).toBe(2);
      expect(mine.some(r => (JSON.parse(r.fields) as string[]).includes('owner_id'))).toBe(true);
    }
    for (const r of rows) expect(r.record_table).toBe('contacts');
  });

  it('one id out of scope refuses the whole request: nothing changes, no outbox rows', async () => {
    const t = await app();
    const mine = [await t.contact(t.staff.anna), await t.contact(t.staff.anna)];
    const theirs = await t.contact(t.staff.borys);
    const outboxBefore = t.outbox().length;
    const result = await t.as('anna')('bulk.delete', {
      type: 'contacts',
      ids: [...mine, theirs],
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'not_found', details: { reason: 'bulk_refused', id: theirs, index: 2 } },
    });
    const deleted = t.vault.sqlite
      .prepare('SELECT count(*) AS n FROM contacts WHERE deleted_at IS NOT NULL')
      .get() as { n: number };
    expect(deleted.n).toBe(0);
    expect(t.outbox().length).toBe(outboxBefore);
    const entries = await audits(t);
    expect(entries.filter(e => e.action === 'contacts.delete')).toEqual([]);
    expect(entries.find(e => e.action === 'bulk.delete')?.outcome).toBe('failed');

    // Her own two go through, one entry each.
    const ok = await t.as('anna')('bulk.delete', { type: 'contacts', ids: mine });
    expect(value<BulkResult>(ok).changed).toBe(2);
    const after = await audits(t);
    expect(after.filter(e => e.action === 'contacts.delete' && e.outcome === 'ok')).toHaveLength(2);
  });

  it('needs the one-by-one permission of the type: a manager may not reassign (denied)', async () => {
    const t = await app();
    const deal = await t.deal(t.staff.anna);
    const result = await t.as('anna')('bulk.reassign', {
      type: 'deals',
      ids: [deal.id],
      ownerId: t.staff.vira,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.owners('deals', [deal.id])).toEqual([t.staff.anna]);
    expect((await audits(t)).find(e => e.action === 'bulk.reassign')?.outcome).toBe('denied');

    const moved = await t.as('head')('bulk.reassign', {
      type: 'deals',
      ids: [deal.id],
      ownerId: t.staff.vira,
    });
    expect(value<BulkResult>(moved)).toEqual({ type: 'deals', requested: 1, changed: 1 });
    expect(t.owners('deals', [deal.id])).toEqual([t.staff.vira]);
    const each = (await audits(t)).filter(e => e.action === 'deals.reassign');
    expect(each.map(e => [e.entityType, e.entityId])).toEqual([['deal', deal.id]]);
  });

  it(`caps a request at ${BULK_MAX} records with invalid_input (nothing changes)`, async () => {
    const t = await app();
    const id = await t.contact(t.staff.anna);
    const ids = [id, ...Array.from({ length: BULK_MAX }, () => randomUUID())];
    const result = await t.as('anna')('bulk.delete', { type: 'contacts', ids });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(t.vault.sqlite.prepare('SELECT deleted_at FROM contacts WHERE id = ?').get(id)).toEqual({
      deleted_at: null,
    });
  });

  it('adds and removes a tag as contacts.update would (unchanged contacts get no entry)', async () => {
    const t = await app();
    const ids = [await t.contact(t.staff.anna), await t.contact(t.staff.anna)];
    const call = t.as('anna');
    const added = await call('bulk.tag', { ids, tag: ' OLX ', action: 'add' });
    expect(value<BulkResult>(added).changed).toBe(2);
    const again = await call('bulk.tag', { ids, tag: 'olx', action: 'add' });
    expect(value<BulkResult>(again).changed).toBe(0);
    const tags = (id: string) =>
      (t.vault.sqlite.prepare('SELECT tags FROM contacts WHERE id = ?').get(id) as { tags: string })
        .tags;
    expect(ids.map(tags)).toEqual(['["OLX"]', '["OLX"]']);
    const removed = await call('bulk.tag', { ids: [ids[0]], tag: 'Olx', action: 'remove' });
    expect(value<BulkResult>(removed).changed).toBe(1);
    expect(ids.map(tags)).toEqual(['[]', '["OLX"]']);
    const updates = (await audits(t)).filter(e => e.action === 'contacts.update');
    expect(updates).toHaveLength(3);
    expect(updates[0]?.changes?.tags).toEqual({ before: ['OLX'], after: [] });
  });

  it('records.export with ids writes only the chosen records the caller reaches', async () => {
    const t = await app();
    const a = await t.deal(t.staff.anna, { title: 'Перша' });
    await t.deal(t.staff.anna, { title: 'Друга' });
    const theirs = await t.deal(t.staff.borys, { title: 'Чужа' });
    const result = await t.as('anna')('records.export', {
      type: 'deals',
      format: 'csv',
      csvStyle: 'plain',
      ids: [a.id, theirs.id],
    });
    const file = value<RecordExportResult>(result);
    expect(file.count).toBe(1);
    expect(file.content).toContain('Перша');
    expect(file.content).not.toContain('Друга');
    expect(file.content).not.toContain('Чужа');
    const entry = (await audits(t)).find(e => e.action === 'records.export');
    expect(entry?.details).toMatchObject({ count: 1, all: false });
  });
});
