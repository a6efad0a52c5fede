import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../src-shared/import';
import { contactInputSchema } from '../../src-shared/contacts';
import { createContactsTestVault, viewerOf } from '../crm/contacts/contacts.test-support';
import { createContact, getContact, updateContact } from '../crm/contacts/repository';
import { contactFields } from '../crm/contacts/tables';
import { closedAfterEach, rejection } from '../crm/record/vaults.test-support';
import { commitImport } from './commit';
import { tempFiles } from './fixtures.test-support';
import { openImportFile } from './read';
import { undoImport } from './undo';

const office = closedAfterEach(createContactsTestVault);
const files = tempFiles();

describe('undo an import', () => {
  it('60 new + 40 updates, one new one edited since: undo keeps exactly that one and restores the 40', async () => {
    const { db, vault, staff } = await office();
    const anna = viewerOf(staff.anna, 'own', 'north');
    const existing = [];
    for (let i = 0; i < 40; i++) {
      const input = contactInputSchema.parse({
        surname: 'Давній',
        givenName: 'Клієнт',
        phones: [{ number: `+38067${String(3000000 + i)}` }],
        tags: ['постійний'],
      });
      existing.push((await createContact(db, { userId: staff.anna }, input)).after);
    }
    const lines = [
      ...Array.from({ length: 60 }, (_, i) => `Новий Клієнт;+38093${String(4000000 + i)};`),
      ...existing.map((c, i) => `Давній Клієнт;${c.phones[0]?.e164 ?? ''};old${i}@example.com`),
    ];
    const table = await openImportFile(
      files.file('undo.csv', ['ПІБ;Телефон;Email', ...lines].join('\n')),
    );
    const mapping = suggestMapping('contacts', table.headers);
    const done = await commitImport(
      vault,
      table,
      mapping,
      { read: anna, update: anna },
      {
        actorId: staff.anna,
        batchSize: 25,
      },
    );
    expect(done.counts).toMatchObject({ create: 60, update: 40 });
    const created = await db
      .selectFrom('import_batch_records')
      .select('record_id')
      .where('batch_id', '=', done.batchId)
      .where('action', '=', 'create')
      .execute();
    const edited = created[7]?.record_id ?? '';
    const before = await getContact(db, anna, edited);
    await updateContact(db, anna, edited, { notes: 'дзвонив сам' }, before.updatedAt);

    const undone = await undoImport(db, done.batchId, { userId: staff.anna, teamId: 'north' });
    expect(undone).toMatchObject({ deleted: 59, restored: 40 });
    expect(undone.kept).toEqual([{ recordId: edited, action: 'create' }]);
    const live = await db
      .selectFrom('contacts')
      .select('id')
      .where('deleted_at', 'is', null)
      .where('surname', '=', 'Новий')
      .execute();
    expect(live.map(r => r.id)).toEqual([edited]);
    for (const c of existing) {
      const now = await getContact(db, anna, c.id);
      expect(contactFields(now)).toEqual(contactFields(c));
    }
    const batch = await db
      .selectFrom('import_batches')
      .select('status')
      .where('id', '=', done.batchId)
      .executeTakeFirstOrThrow();
    expect(batch.status).toBe('undone');
    const again = await rejection(
      undoImport(db, done.batchId, { userId: staff.anna, teamId: null }),
    );
    expect(again).toMatchObject({ code: 'conflict' });
  });
});
