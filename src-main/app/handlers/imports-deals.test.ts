/**
 * Deals through the `imports` channels (router, permission and audit wrappers) on a real vault:
 * `deals.import` is declared on the channel, each deal written gets its `deals.create` audit entry
 * with the batch id, a saved mapping comes back for the same headers, and undo removes exactly the
 * deals the batch created (not one edited since, not one made by hand).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealInputSchema } from '../../../src-shared/deals';
import type { Result } from '../../../src-shared/ipc/contract';
import {
  importsContract,
  type ImportPreview,
  type ImportRunResult,
  type ImportUndoResult,
} from '../../../src-shared/ipc/imports';
import type { BuiltInRole } from '../../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { listAudit } from '../../audit';
import { createUser } from '../../auth/accounts';
import { createContactsTestVault, type TestStaff } from '../../crm/contacts/contacts.test-support';
import { createDeal, getDeal, updateDeal } from '../../crm/deals/repository';
import { encodeCp1251, tempFiles } from '../../import/fixtures.test-support';
import { createRouter, requirePermission, type Router } from '../../ipc';
import type { OpenVault } from '../../vault';
import { createAuditWrapper } from '../audit-wrapper';
import { createVaultState, type VaultState } from '../vault-state';
import { importsHandlers } from './imports';

let vault: OpenVault;
let state: VaultState;
let router: Router;
let staff: TestStaff & { admin: string };
const files = tempFiles();

beforeAll(async () => {
  const t = await createContactsTestVault();
  vault = t.vault;
  const admin = await createUser(t.db, {
    login: 'admin',
    displayName: 'Адмін',
    role: 'administrator',
  });
  staff = { ...t.staff, admin: admin.id };
  state = createVaultState(vault.dir);
  router = createRouter({
    contract: { imports: importsContract },
    handlers: {
      imports: importsHandlers({ openVault: () => state.openVault(), deviceId: () => 'dev-test' }),
    },
    sessions: state,
    authorize: (_meta, next) => next,
    wrappers: [createAuditWrapper({ state, deviceId: 'dev-test' }), requirePermission],
  });
});

afterAll(() => vault.close());

function as(who: keyof typeof staff, role: BuiltInRole, teamId: string | null = null): void {
  state.signIn(vault, {
    userId: staff[who],
    login: who,
    role,
    grants: BUILT_IN_GRANTS[role],
    teamId,
  });
}

async function call<T>(name: string, input: Record<string, unknown>): Promise<Result<T>> {
  return (await router.call(`zamok:imports.${name}`, input, { host: 'cli' })) as Result<T>;
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

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
      await call<ImportRunResult>('run', { path, type: 'deals', mapping, saveMappingAs: 'Угоди' }),
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
