/**
 * The export-limits wrapper on a channel that declares `exportLimit`, through a router on a real
 * vault (audit wrapper, permission wrapper, export limits): a new export channel is limited as
 * `records.export` is — above the owner's threshold a manager's export waits for approval (stored
 * request, pending audit entry, nothing returned), an approved request runs once — while a twin
 * channel without the declaration is not, and the holder of `exports.approve` never waits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channel, type Result } from '../../src-shared/ipc/contract';
import type { BuiltInRole } from '../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../src-shared/roles';
import { listAudit } from '../audit';
import { createContactsTestVault, type TestStaff } from '../crm/contacts/contacts.test-support';
import { decideExportRequest, getExportRequest } from '../guard/approvals';
import { writeGuardSettings } from '../guard/settings';
import { createRouter, requirePermission, type Router } from '../ipc';
import type { OpenVault } from '../vault';
import { createAuditWrapper } from './audit-wrapper';
import { createExportLimitsWrapper } from './export-limits';
import { createVaultState, type VaultState } from './vault-state';

type Answer = { count: number; content: string } | { status: 'pending'; requestId: string };

const input = z.object({ rows: z.number().int().min(0).max(100) }).strict();

/** A made-up export feature: one channel declared with the limits, one without. */
const archiveContract = {
  export: channel<Answer>()({
    input,
    permission: 'contacts.export',
    exportLimit: {
      request: i => ({
        type: 'deals',
        format: 'csv',
        selection: { locale: 'en', ids: [`${i.rows}`] },
      }),
    },
  }),
  exportUnlimited: channel<Answer>()({ input, permission: 'contacts.export' }),
  /** Counted first (the wrapper's pre-count): a waiting export is never made. */
  exportCounted: channel<Answer>()({
    input,
    permission: 'contacts.export',
    exportLimit: {
      countFirst: true,
      request: i => ({
        type: 'contacts',
        format: 'csv',
        selection: { locale: 'en', ids: [`${i.rows}`] },
      }),
    },
  }),
  /** A wrong declaration: a record type no export has, and a selection without its language. */
  exportMalformed: channel<Answer>()({
    input,
    permission: 'contacts.export',
    exportLimit: {
      request: i => ({ type: 'invoices', format: 'csv', selection: { rows: i.rows } }),
    },
  }),
};

let vault: OpenVault;
let state: VaultState;
let router: Router;
let staff: TestStaff;
/** The rows each run of `exportCounted`'s handler made. */
const made: number[] = [];

function file(ctx: { audit: { details?: Record<string, unknown> } }, rows: number): Answer {
  ctx.audit.details = { type: 'deals', format: 'csv', count: rows };
  return { count: rows, content: 'x'.repeat(rows) };
}

beforeAll(async () => {
  const t = await createContactsTestVault();
  vault = t.vault;
  staff = t.staff;
  state = createVaultState(vault.dir);
  router = createRouter({
    contract: { archive: archiveContract },
    handlers: {
      archive: {
        export: (ctx, i) => file(ctx, i.rows),
        exportUnlimited: (ctx, i) => file(ctx, i.rows),
        exportMalformed: (ctx, i) => file(ctx, i.rows),
        exportCounted: (ctx, i) => {
          made.push(i.rows);
          return file(ctx, i.rows);
        },
      },
    },
    sessions: state,
    authorize: (_meta, next) => next,
    wrappers: [
      createAuditWrapper({ state, deviceId: 'dev-test' }),
      requirePermission,
      createExportLimitsWrapper({
        openVault: () => state.openVault(),
        // Contacts requests are counted by the ids' first entry (the rows the handler would make).
        precount: async (_ctx, r) =>
          r.type === 'contacts'
            ? { count: Number(r.selection.ids?.[0]), details: { first: true } }
            : null,
      }),
    ],
  });
  writeGuardSettings(vault.sqlite, { exportApprovalAbove: 2 });
});

afterAll(() => vault.close());

function as(who: keyof TestStaff, role: BuiltInRole): void {
  state.signIn(vault, {
    userId: staff[who],
    login: who,
    role,
    grants: BUILT_IN_GRANTS[role],
    teamId: null,
  });
}

async function ask(call: keyof typeof archiveContract, rows: number): Promise<Answer> {
  const r = (await router.call(
    `zamok:archive.${call}`,
    { rows },
    { host: 'cli' },
  )) as Result<Answer>;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe('a new export channel declared with the export limits', () => {
  it('waits for approval above the threshold, runs once approved; undeclared twins do not', async () => {
    as('owner', 'owner');
    expect(await ask('export', 3)).toMatchObject({ count: 3 }); // exports.approve: never waits

    as('anna', 'manager');
    expect(await ask('export', 2)).toMatchObject({ count: 2 }); // at the threshold: leaves
    const asked = await ask('export', 3);
    if (!('status' in asked)) throw new Error('expected a pending answer, the file left');
    expect(asked).toEqual({ status: 'pending', requestId: asked.requestId, count: 3 });
    // The request is the channel's declaration: type, format and selection.
    expect(getExportRequest(vault.sqlite, asked.requestId)).toMatchObject({
      userId: staff.anna,
      format: 'csv',
      count: 3,
      selection: { locale: 'en', ids: ['3'] },
    });
    const type = vault.sqlite.prepare('SELECT type FROM export_requests WHERE id = ?').pluck();
    expect(type.get(asked.requestId)).toBe('deals');
    expect(await ask('export', 3)).toEqual(asked); // asked again: the same request
    // The twin channel without the declaration is not limited.
    expect(await ask('exportUnlimited', 50)).toMatchObject({ count: 50 });

    decideExportRequest(vault.sqlite, asked.requestId, 'approved', staff.owner, new Date());
    expect(await ask('export', 3)).toMatchObject({ count: 3 });
    const again = await ask('export', 3); // single use
    expect('status' in again && again.requestId).not.toBe(asked.requestId);

    const { entries } = await listAudit(vault.db, { action: 'archive.export', limit: 20 });
    const mine = entries.filter(e => e.userLogin === 'anna');
    expect(mine.filter(e => e.details?.pending === true).length).toBe(2);
    expect(mine.filter(e => e.details?.waiting === true).length).toBe(1);
    // The approved run names its request; every entry keeps the handler's details (count).
    const ran = mine.find(e => e.details?.requestId === asked.requestId && !e.details?.waiting);
    expect(ran).toMatchObject({ entityType: 'export_request', entityId: asked.requestId });
    expect(mine.every(e => typeof e.details?.count === 'number')).toBe(true);
  });
});

describe('a malformed export-limit declaration', () => {
  it('fails with invalid_declaration, below or above the threshold, and stores no request', async () => {
    const requests = vault.sqlite.prepare('SELECT count(*) FROM export_requests').pluck();
    const before = requests.get();
    for (const who of [
      ['anna', 'manager'],
      ['owner', 'owner'],
    ] as const) {
      as(who[0], who[1]);
      for (const rows of [1, 50]) {
        const r = await router.call('zamok:archive.exportMalformed', { rows }, { host: 'cli' });
        expect(r).toMatchObject({ ok: false, error: { code: 'invalid_declaration' } });
        expect(JSON.stringify(r)).not.toContain('content');
      }
    }
    expect(requests.get()).toBe(before);
    const { entries } = await listAudit(vault.db, {
      action: 'archive.export_malformed',
      limit: 10,
    });
    expect(entries.map(e => e.outcome)).toEqual(['failed', 'failed', 'failed', 'failed']);
  });
});

describe('an export declared countFirst', () => {
  it('counts before the handler: a waiting export is not made, an approved one runs once', async () => {
    as('borys', 'manager');
    expect(await ask('exportCounted', 2)).toMatchObject({ count: 2 }); // within the limit: made
    const asked = await ask('exportCounted', 3); // 3 > 2: waits, nothing made
    if (!('status' in asked)) throw new Error('expected a pending answer, the file was made');
    expect(asked).toEqual({ status: 'pending', requestId: asked.requestId, count: 3 });
    expect(made).toEqual([2]);
    const { entries } = await listAudit(vault.db, { action: 'archive.export_counted', limit: 5 });
    expect(entries[0]?.details).toEqual({
      count: 3,
      first: true,
      earlier: 0, // `archive.export_counted` is no record export the window counts
      pending: true,
      requestId: asked.requestId,
    });
    decideExportRequest(vault.sqlite, asked.requestId, 'approved', staff.owner, new Date());
    expect(await ask('exportCounted', 3)).toMatchObject({ count: 3, content: 'xxx' });
    expect(made).toEqual([2, 3]);
  });
});
