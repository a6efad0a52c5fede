/**
 * The `imports` channels through the router (audit wrapper + permission wrapper) on a real vault:
 * who may import, what a duplicate out of scope reveals (nothing), the audit entries of the
 * records written, a colleague as owner, saved mappings found again by their header set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-shared/ipc/contract';
import type { ImportPreview, ImportRunResult } from '../../../src-shared/ipc/imports';
import type { BuiltInRole } from '../../../src-shared/permissions';
import { listAudit } from '../../audit';
import { createContact } from '../../crm/contacts';
import { encodeCp1251, tempFiles } from '../../import/fixtures.test-support';
import type { Router } from '../../ipc';
import type { OpenVault } from '../../vault';
import { createImportsTestApp, value, type ImportsTestApp } from './imports.test-support';

let app: ImportsTestApp;
let vault: OpenVault;
let router: Router;
let staff: ImportsTestApp['staff'];
const files = tempFiles();

beforeAll(async () => {
  app = await createImportsTestApp();
  ({ vault, router, staff } = app);
});

afterAll(() => vault.close());

function as(who: keyof typeof staff, role: BuiltInRole, teamId: string | null = null): void {
  app.as(who, role, teamId);
}

async function run(input: Record<string, unknown>): Promise<Result<ImportRunResult>> {
  return app.call<ImportRunResult>('run', input);
}

function csv(name: string, lines: string[]): string {
  return files.file(name, encodeCp1251(['ПІБ;Телефон;Email', ...lines].join('\r\n')));
}

describe('imports.run', () => {
  it('a manager imports; each record gets its hand-made audit entry with the batch id', async () => {
    as('vira', 'manager', 'north');
    const path = csv('vira.csv', ['Шевченко Тарас Григорович;067 111 22 33;taras@example.com']);
    const result = value(await run({ path, type: 'contacts' }));
    expect(result).toMatchObject({
      status: 'done',
      counts: { create: 1 },
      encoding: 'windows-1251',
    });
    const entries = (await listAudit(vault.db, { userId: staff.vira, limit: 50 })).entries;
    const created = entries.find(e => e.action === 'contacts.create');
    expect(created).toMatchObject({
      entityType: 'contact',
      outcome: 'ok',
      details: { importBatchId: result.batchId },
      changes: { surname: { after: 'Шевченко' } },
    });
    const call = entries.find(e => e.action === 'imports.run');
    expect(call).toMatchObject({
      entityType: 'import_batch',
      entityId: result.batchId,
      details: { type: 'contacts', counts: { create: 1 } },
    });
  });

  it('a manager importing a phone another manager owns is told of a duplicate, with no name or id', async () => {
    const theirs = await createContact(
      vault.db,
      { userId: staff.borys },
      {
        surname: 'Приватна',
        givenName: 'Клієнтка',
        phones: [{ e164: '+380509998877' }],
      },
    );
    as('anna', 'manager', 'north');
    const path = csv('anna.csv', ['Нова Клієнтка;+38 (050) 999-88-77;']);
    const result = value(await run({ path, type: 'contacts' }));
    expect(result.counts).toMatchObject({ create: 0, duplicate: 1 });
    expect(result.problems).toEqual([
      {
        row: 1,
        kind: 'duplicate',
        reason: 'hidden',
        field: 'phones',
        message: 'A record you cannot see already has this phone number; ask its owner.',
      },
    ]);
    const said = JSON.stringify(result);
    for (const secret of [theirs.after.id, staff.borys, 'Приватна', 'borys'])
      expect(said).not.toContain(secret);
  });

  it('refuses roles without the import permission', async () => {
    const path = csv('admin.csv', ['Коваль Іван;0671234567;']);
    as('admin', 'administrator');
    const refused = await run({ path, type: 'contacts' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('gives the records to a colleague only for holders of reassign', async () => {
    const path = csv('owner.csv', ['Коваль Іван;0671234500;']);
    as('anna', 'manager', 'north');
    const manager = await run({ path, type: 'contacts', ownerId: staff.vira });
    expect(manager).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    as('head', 'head');
    const result = value(await run({ path, type: 'contacts', ownerId: staff.vira }));
    const row = await vault.db
      .selectFrom('import_batches')
      .select(['owner_id', 'created_by'])
      .where('id', '=', result.batchId ?? '')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ owner_id: staff.vira, created_by: staff.head });
  });

  it('a dry run writes nothing; a saved mapping is offered again for the same headers', async () => {
    as('anna', 'manager', 'north');
    const path = files.file('map.csv', 'Клієнт,Мобілка\nКоваль Петро,0671234599\n');
    const mapping = { columns: ['fullName', 'phones'], nameOrder: 'surname-first' };
    const dry = value(
      await run({ path, type: 'contacts', dryRun: true, mapping, saveMappingAs: 'Мобілки' }),
    );
    expect(dry).toMatchObject({ batchId: null, status: 'dry_run', counts: { create: 1 } });
    const same = files.file('map2.csv', 'КЛІЄНТ,мобілка\nКоваль Ольга,0671234598\n');
    const preview = (await router.call(
      'zamok:imports.preview',
      { path: same, type: 'contacts' },
      { host: 'cli' },
    )) as Result<ImportPreview>;
    expect(value(preview)).toMatchObject({
      mappingName: 'Мобілки',
      mapping: { columns: ['fullName', 'phones'] },
      rows: [['Коваль Ольга', '0671234598']],
    });
    const again = value(await run({ path: same, type: 'contacts', mappingName: 'Мобілки' }));
    expect(again.counts).toMatchObject({ create: 1 });
  });

  it('refuses a mapping that does not fit the file, and a relative path', async () => {
    as('anna', 'manager', 'north');
    const path = csv('fit.csv', ['Коваль Іван;0671234567;']);
    const bad = await run({ path, type: 'contacts', mapping: { columns: ['fullName'] } });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: { reason: 'mapping_invalid' } },
    });
    const relative = await run({ path: 'fit.csv', type: 'contacts' });
    expect(relative).toMatchObject({
      ok: false,
      error: { details: { reason: 'file_unreadable' } },
    });
  });
});

describe('imports.undo', () => {
  it('undoes only the caller’s own import, audited per record', async () => {
    as('vira', 'manager', 'north');
    const path = csv('undo.csv', ['Франко Іван Якович;067 222 33 44;']);
    const done = value(await run({ path, type: 'contacts' }));
    const undo = (batchId: string | null) =>
      router.call('zamok:imports.undo', { batchId, type: 'contacts' }, { host: 'cli' });
    as('anna', 'manager', 'north');
    expect(await undo(done.batchId)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    as('vira', 'manager', 'north');
    // Named as the other type: not found either (that type's permission was the one checked).
    const asCompanies = await router.call(
      'zamok:imports.undo',
      { batchId: done.batchId, type: 'companies' },
      { host: 'cli' },
    );
    expect(asCompanies).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(value(await undo(done.batchId))).toMatchObject({ deleted: 1, restored: 0, kept: [] });
    const entries = (await listAudit(vault.db, { userId: staff.vira, limit: 20 })).entries;
    expect(entries.find(e => e.action === 'contacts.delete')).toMatchObject({
      details: { importBatchId: done.batchId, undo: true },
    });
    expect(entries.find(e => e.action === 'imports.undo')).toMatchObject({
      entityId: done.batchId,
      details: { deleted: 1, restored: 0, kept: 0 },
    });
  });
});
