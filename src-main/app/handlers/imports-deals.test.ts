/**
 * Deals through the `imports` channels (router, permission and audit wrappers) on a real vault:
 * `deals.import` is declared on the channel, each deal written gets its `deals.create` audit entry
 * with the batch id, a saved mapping comes back for the same headers, and undo removes exactly the
 * deals the batch created (not one edited since, not one made by hand).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealInputSchema } from '../../../src-shared/deals';
import type {
  ImportPreview,
  ImportRunResult,
  ImportUndoResult,
} from '../../../src-shared/ipc/imports';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { listAudit } from '../../audit';
import { createDeal, getDeal, updateDeal } from '../../crm/deals/repository';
import { encodeCp1251, tempFiles } from '../../import/fixtures.test-support';
import type { OpenVault } from '../../vault';
import { createImportsTestApp, value, type ImportsTestApp } from './imports.test-support';

let app: ImportsTestApp;
let vault: OpenVault;
let staff: ImportsTestApp['staff'];
const files = tempFiles();

beforeAll(async () => {
  app = await createImportsTestApp();
  ({ vault, staff } = app);
});

afterAll(() => vault.close());

const as: ImportsTestApp['as'] = (who, role, teamId) => app.as(who, role, teamId);
const call = <T>(name: string, input: Record<string, unknown>) => app.call<T>(name, input);

function dealsCsv(name: string, lines: string[]): string {
  return files.file(name, encodeCp1251(['Угода;Сума;Етап;Дата закриття', ...lines].join('\r\n')));
}

describe('imports of deals', () => {
  it('needs deals.import: the administrator and the auditor are refused, managers and heads may', async () => {
    expect(BUILT_IN_GRANTS.manager['deals.import']).toBe(true);
    expect(BUILT_IN_GRANTS.head['deals.import']).toBe(true);
    expect(BUILT_IN_GRANTS.owner['deals.import']).toBe(true);
    const path = dealsCsv('admin.csv', ['Поставка;100;Нова;01.02.2027']);
    as('admin', 'administrator');
    const refused = await call('run', { path, type: 'deals', dryRun: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await vault.db.selectFrom('import_batches').selectAll().execute()).toEqual([]);
    as('anna', 'manager', 'north');
    const manager = await call('run', { path, type: 'deals', ownerId: staff.vira });
    expect(manager).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a manager imports deals, each audited as deals.create with the batch id; undo removes exactly them', async () => {
    as('vira', 'manager', 'north');
    const byHand = dealInputSchema.parse({ title: 'Зроблена вручну' });
    const kept = await createDeal(vault.db, { userId: staff.vira }, {}, byHand);
    const path = dealsCsv('vira.csv', [
      'Поставка борошна;12 500,50;Пропозиція;31.01.2027',
      'Сервіс печей;1 000;Нова;',
      'Ремонт;100;Неіснуючий;',
    ]);
    const mapping = { columns: ['title', 'amount', 'stage', 'expectedClose'] };
    const done = value(
      await call<ImportRunResult>('run', {
        path,
        type: 'deals',
        mapping,
        saveMappingAs: 'Угоди',
        errorReport: 'uk',
      }),
    );
    // The error report: the refused row's own cells and the reason in Ukrainian.
    expect(done.errorReport?.split('\r\n')[1]).toBe(
      'Ремонт;100;Неіснуючий;;Етап: У воронці немає етапу з такою назвою. Перевірте назву етапу.',
    );
    expect(done).toMatchObject({ status: 'done', counts: { create: 2, error: 1 } });
    expect(done.problems).toEqual([
      { row: 3, kind: 'error', issues: [{ field: 'stage', code: 'import.stage_unknown' }] },
    ]);
    const entries = (await listAudit(vault.db, { userId: staff.vira, limit: 50 })).entries;
    const creates = entries.filter(e => e.action === 'deals.create');
    expect(creates).toHaveLength(2);
    for (const e of creates) expect(e.details).toEqual({ importBatchId: done.batchId });
    expect(entries.find(e => e.action === 'imports.run')).toMatchObject({
      entityType: 'import_batch',
      entityId: done.batchId,
      details: { type: 'deals', counts: { create: 2, error: 1 } },
    });

    const preview = value(
      await call<ImportPreview>('preview', {
        path: dealsCsv('again.csv', ['Інша;1;Нова;']),
        type: 'deals',
      }),
    );
    expect(preview).toMatchObject({ mappingName: 'Угоди', mapping: { columns: mapping.columns } });

    const created = await vault.db
      .selectFrom('import_batch_records')
      .select('record_id')
      .where('batch_id', '=', done.batchId ?? '')
      .orderBy('record_id')
      .execute();
    const viewer = { userId: staff.vira, teamId: 'north', scope: 'own' as const };
    const edited = created[0]?.record_id ?? '';
    const before = await getDeal(vault.db, viewer, edited);
    await updateDeal(vault.db, viewer, {}, edited, { notes: 'дзвонили' }, before.updatedAt);
    const untouched = created[1]?.record_id ?? '';

    as('anna', 'manager', 'north');
    const foreign = await call('undo', { batchId: done.batchId, type: 'deals' });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'not_found' } });
    as('vira', 'manager', 'north');
    const undone = value(
      await call<ImportUndoResult>('undo', { batchId: done.batchId, type: 'deals' }),
    );
    expect(undone).toEqual({
      batchId: done.batchId,
      type: 'deals',
      deleted: 1,
      restored: 0,
      kept: [{ recordId: edited, action: 'create' }],
    });
    const live = await vault.db
      .selectFrom('deals')
      .select('id')
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute();
    expect(live.map(r => r.id).sort()).toEqual([kept.after.id, edited].sort());
    expect(live.map(r => r.id)).not.toContain(untouched);
    const after = (await listAudit(vault.db, { userId: staff.vira, limit: 50 })).entries;
    expect(after.find(e => e.action === 'deals.delete')).toMatchObject({
      entityId: untouched,
      details: { importBatchId: done.batchId, undo: true },
    });
    const twice = await call('undo', { batchId: done.batchId, type: 'deals' });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
