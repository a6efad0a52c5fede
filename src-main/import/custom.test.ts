import { describe, expect, it } from 'vitest';
import { contactInputSchema } from '../../src-shared/contacts';
import { parseStoredValues } from '../../src-shared/custom-fields';
import {
  customTarget,
  importProblemText,
  suggestMapping,
  type ColumnMapping,
} from '../../src-shared/import';
import { columnMappingSchema } from '../../src-shared/ipc/imports';
import { createContactsTestVault, viewerOf } from '../crm/contacts/contacts.test-support';
import { createContact } from '../crm/contacts/repository';
import { createField } from '../crm/custom-fields/definitions';
import { setRecordValues } from '../crm/custom-fields/values';
import { closedAfterEach } from '../crm/record/vaults.test-support';
import type { Database } from '../vault/schema';
import type { Kysely } from 'kysely';
import { auditImportWrite } from '../app/import-audit';
import { commitImport, dryRunImport, type ImportWrite } from './commit';
import { tempFiles } from './fixtures.test-support';
import { customTargets } from './mappings';
import { openImportFile } from './read';
import { undoImport } from './undo';

const office = closedAfterEach(createContactsTestVault);
const files = tempFiles();

async function valuesOf(db: Kysely<Database>, id: string) {
  const row = await db
    .selectFrom('contacts')
    .select('custom_values')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return parseStoredValues(row.custom_values);
}

async function idByPhone(db: Kysely<Database>, surname: string): Promise<string> {
  const row = await db
    .selectFrom('contacts')
    .select('id')
    .where('surname', '=', surname)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('custom fields as import targets', () => {
  it('«Джерело» (choice) and «VIP» (yes/no): suggested by label, checked in the dry run, stored on commit, undone', async () => {
    const { db, vault, staff } = await office();
    const anna = viewerOf(staff.anna, 'own', 'north');
    const source = await createField(
      db,
      { recordType: 'contact', label: 'Джерело', kind: 'choice', options: ['OLX', 'Prom', 'Сайт'] },
      new Date(),
    );
    const vip = await createField(
      db,
      { recordType: 'contact', label: 'VIP', kind: 'yesno', options: [] },
      new Date(),
    );
    // A company field of the same label is not a contact target.
    await createField(
      db,
      { recordType: 'company', label: 'Регіон', kind: 'text', options: [] },
      new Date(),
    );
    const input = contactInputSchema.parse({
      surname: 'Давня',
      givenName: 'Клієнтка',
      phones: [{ number: '+380671112233' }],
    });
    const old = (await createContact(db, { userId: staff.anna }, input)).after;
    await setRecordValues(
      db,
      anna,
      'contact',
      old.id,
      { [source.id]: 'Сайт' },
      { now: new Date() },
    );

    const csv = [
      'ПІБ;Телефон;джерело;vip;Регіон',
      'Нова Ольга;+380931112233;OLX;так;Київ',
      'Давня Клієнтка;+380671112233;Prom;ні;',
      'Погана Дарина;+380931112244;Avito;так;',
      'Нечітка Ірина;+380931112255;Prom;можливо;',
    ].join('\n');
    const table = await openImportFile(files.file('custom.csv', csv));
    const mapping: ColumnMapping = suggestMapping(
      'contacts',
      table.headers,
      await customTargets(db, 'contacts'),
    );
    expect(mapping.columns).toEqual([
      'fullName',
      'phones',
      customTarget(source.id),
      customTarget(vip.id),
      null,
    ]);
    const viewer = { read: anna, update: anna };

    const dry = await dryRunImport(db, table, mapping, viewer);
    expect(dry.counts).toMatchObject({ rows: 4, create: 1, update: 1, error: 2 });
    expect(dry.problems).toEqual([
      { row: 3, kind: 'error', issues: [{ field: 'Джерело', code: 'custom.choice_invalid' }] },
      { row: 4, kind: 'error', issues: [{ field: 'VIP', code: 'custom.wrong_kind' }] },
    ]);

    const [choice] = dry.problems;
    expect(choice && importProblemText('uk', choice)).toBe(
      'Джерело: Виберіть одне зі значень списку.',
    );

    const writes: ImportWrite[] = [];
    const done = await commitImport(vault, table, mapping, viewer, {
      actorId: staff.anna,
      onWrite: write => writes.push(write),
    });
    // The audit entries get the custom values by label.
    expect(writes.map(w => [w.action, w.custom])).toEqual([
      ['create', { before: {}, after: { Джерело: 'OLX', VIP: true } }],
      ['update', { before: { Джерело: 'Сайт' }, after: { Джерело: 'Prom', VIP: false } }],
    ]);
    expect(done.counts).toMatchObject({ create: 1, update: 1, error: 2 });
    const [, updated] = writes;
    if (updated)
      auditImportWrite(
        vault,
        { userId: staff.anna, login: 'anna', deviceId: null },
        updated,
        done.batchId,
      );
    const entry = vault.sqlite
      .prepare("SELECT changes FROM audit_log WHERE action = 'contacts.update'")
      .pluck()
      .get() as string;
    expect(JSON.parse(entry)).toMatchObject({
      'custom.Джерело': { before: 'Сайт', after: 'Prom' },
      'custom.VIP': { after: false },
    });
    const created = await idByPhone(db, 'Нова');
    expect(await valuesOf(db, created)).toEqual({ [source.id]: 'OLX', [vip.id]: true });
    expect(await valuesOf(db, old.id)).toEqual({ [source.id]: 'Prom', [vip.id]: false });
    // Only the custom values differ: still an update, and a second run changes nothing.
    const again = await dryRunImport(db, table, mapping, viewer);
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 2 });

    const undoWrites: ImportWrite[] = [];
    const undone = await undoImport(
      db,
      done.batchId,
      { userId: staff.anna, teamId: 'north' },
      { onWrite: write => undoWrites.push(write) },
    );
    expect(undoWrites.find(w => w.action === 'update')?.custom).toEqual({
      before: { Джерело: 'Prom', VIP: false },
      after: { Джерело: 'Сайт' },
    });
    expect(undone).toMatchObject({ deleted: 1, restored: 1, kept: [] });
    expect(await valuesOf(db, old.id)).toEqual({ [source.id]: 'Сайт' });
  });

  it('the channel takes custom:<id> targets and refuses anything else', () => {
    const ok = columnMappingSchema.safeParse({ columns: ['phones', 'custom:field-1a', null] });
    expect(ok.success).toBe(true);
    for (const bad of ['custom:', 'custom:a/b', 'custom:x y', 'whatever'])
      expect(columnMappingSchema.safeParse({ columns: [bad] }).success).toBe(false);
  });
});
