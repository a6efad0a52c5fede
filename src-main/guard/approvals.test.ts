/**
 * Contact export end to end through the composed app (audit wrapper, permission check, rules) on a
 * real vault: what a manager, a colleague and the owner get, what the audit log and the alert
 * centre keep, and the owner's approval of large exports (blocking, approve, deny, expiry, single use).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertList, ExportRequestView } from '../../src-shared/ipc/alerts';
import type { AuditEntryPage } from '../../src-shared/ipc/audit';
import type { Contact } from '../../src-shared/contacts';
import type { ContactExportResult, ContactExportStatus } from '../../src-shared/ipc/contacts';
import { generateTotp } from '../auth/totp';
import {
  addEnrolledUser,
  failure,
  ok,
  OWN_PASSWORD,
  OWNER,
  ownerVault,
  testClock,
  type StaffApp,
} from '../users/staff-app.test-support';
import { appendAudit } from '../audit';
import type { OpenVault } from '../vault';
import { createTestVault } from '../vault/temp-vault.test-support';
import { recentExportRecords } from './approvals-rule';

const apps: StaffApp[] = [];
const vaults: OpenVault[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.app.dispose();
  for (const v of vaults.splice(0)) v.close();
});
const NOW = new Date('2026-12-01T10:00:00.000Z');

type Done = Extract<ContactExportResult, { status: 'done' }>;

/** An office: the owner, managers Petro (3 clients) and Iryna (2 clients). */
async function office() {
  const clock = testClock();
  const v = await ownerVault(clock);
  apps.push(v.staff);
  const petro = await addEnrolledUser(v.staff, v.dir, clock, 'petro', 'manager');
  const iryna = await addEnrolledUser(v.staff, v.dir, clock, 'iryna', 'manager');
  apps.push(petro.other, iryna.other);
  const add = (app: StaffApp, surname: string, notes?: string) =>
    ok<Contact>(
      app.call('contacts.create', {
        contact: { surname, givenName: 'Ганна', phones: [{ number: '067 123 45 67' }], notes },
      }),
    );
  const petros = [
    await add(petro.other, 'Мʼясоїд', 'дзвонити після 18:00'),
    await add(petro.other, 'Шевчук'),
    await add(petro.other, 'Бойко'),
  ];
  const irynas = [await add(iryna.other, 'Коваленко'), await add(iryna.other, 'Олійник')];
  /** Signs `app` in again (a day away trips the idle lock, src-main/app/idle-lock.ts). */
  const signInAgain = async (app: StaffApp, login: string, password: string, secret: string) => {
    clock.advance(30);
    await ok(
      app.call('auth.signIn', { login, password, totpCode: generateTotp(secret, clock.now()) }),
    );
  };
  const returnNextDay = async () => {
    clock.advance(24 * 60 * 60);
    await signInAgain(v.staff, OWNER.login, OWNER.password, v.ownerSecret);
    await signInAgain(petro.other, 'petro', OWN_PASSWORD, petro.secret);
  };
  return { ...v, clock, petro: petro.other, iryna: iryna.other, petros, irynas, returnNextDay };
}

const dataRows = (csv: string) => csv.split('\r\n').filter(Boolean).length - 1;

async function auditOf(app: StaffApp) {
  return ok<AuditEntryPage>(app.call('audit.list', { limit: 200 }));
}

describe('contact export', () => {
  it('a manager exports only their own clients; the audit entry has the count, never the contents', async () => {
    const o = await office();
    const file = await ok<Done>(o.petro.call('contacts.export', { format: 'csv' }));
    expect(file).toMatchObject({ status: 'done', count: 3, mimeType: 'text/csv;charset=utf-8' });
    expect(file.fileName).toMatch(/^zamok-contacts-.*\.csv$/);
    expect(dataRows(file.content)).toBe(3);
    expect(file.content).toContain('Мʼясоїд');
    expect(file.content).not.toMatch(/Коваленко|Олійник/);
    // Naming Iryna's clients by id does not reach them either.
    const byId = await ok<Done>(
      o.petro.call('contacts.export', { format: 'vcard', ids: o.irynas.map(c => c.id) }),
    );
    expect(byId.count).toBe(0);
    expect(byId.content).toBe('');

    const audit = await auditOf(o.staff);
    const exports = audit.entries.filter(e => e.action === 'contacts.export');
    expect(exports.map(e => e.details)).toEqual([
      { count: 0, format: 'vcard', all: false },
      { count: 3, format: 'csv', all: true },
    ]);
    expect(JSON.stringify(exports)).not.toMatch(/Мʼясоїд|Шевчук|380671234567|дзвонити/);
  });

  it('exporting more than the threshold raises a mass-export alert for the owner (ids and counts only)', async () => {
    const o = await office();
    await ok(o.staff.call('alerts.updateSettings', { exportRecords: 2 }));
    await ok(o.petro.call('contacts.export', { format: 'csv', filter: { text: 'Ганна' } }));
    const alerts = await ok<AlertList>(o.staff.call('alerts.list', {}));
    const mass = alerts.items.find(a => a.rule === 'mass_export');
    expect(mass).toMatchObject({ severity: 'high', details: { records: 3, all: false } });
    expect(JSON.stringify(alerts)).not.toMatch(/petro|Мʼясоїд|Шевчук/);
  });
});

describe('owner approval of large exports', () => {
  async function blocked() {
    const o = await office();
    await ok(o.staff.call('alerts.updateSettings', { exportApprovalAbove: 2 }));
    const pending = await ok<ContactExportResult>(
      o.petro.call('contacts.export', { format: 'csv' }),
    );
    if (pending.status !== 'pending') throw new Error('expected a pending export');
    return { ...o, requestId: pending.requestId, pending };
  }

  it('a manager’s export above the limit waits: no file, a high alert for the owner, no mass-export alert', async () => {
    const o = await blocked();
    expect(o.pending).toEqual({ status: 'pending', requestId: o.requestId, count: 3 });
    expect(JSON.stringify(o.pending)).not.toContain('content');
    const status = await ok<ContactExportStatus>(
      o.petro.call('contacts.exportStatus', { requestId: o.requestId }),
    );
    expect(status).toEqual({ requestId: o.requestId, status: 'pending', count: 3 });
    expect(
      await ok(o.petro.call('contacts.exportRequest', { requestId: o.requestId })),
    ).toMatchObject({ status: 'pending' });

    const alerts = await ok<AlertList>(o.staff.call('alerts.list', {}));
    expect(alerts.items.map(a => a.rule)).toContain('export_approval');
    expect(alerts.items.map(a => a.rule)).not.toContain('mass_export');
    const alert = alerts.items.find(a => a.rule === 'export_approval');
    expect(alert).toMatchObject({
      severity: 'high',
      data: true,
      entityType: 'export_request',
      entityId: o.requestId,
      details: { requestId: o.requestId, count: 3, format: 'csv' },
    });
    // Below the limit, and the owner's own exports, run at once.
    expect(
      await ok(o.petro.call('contacts.export', { format: 'csv', filter: { text: 'Бойко' } })),
    ).toMatchObject({ status: 'done', count: 1 });
    expect(await ok(o.staff.call('contacts.export', { format: 'csv' }))).toMatchObject({
      status: 'done',
      count: 5,
    });
    // A manager cannot decide, and a colleague cannot see or use the request.
    expect(
      await failure(o.petro.call('alerts.approveExport', { requestId: o.requestId })),
    ).toMatchObject({ code: 'forbidden' });
    for (const call of ['contacts.exportStatus', 'contacts.exportRequest']) {
      expect(await failure(o.iryna.call(call, { requestId: o.requestId }))).toMatchObject({
        code: 'not_found',
      });
    }
  });

  it('approved: the manager downloads once, the alert is marked read, a second use is refused', async () => {
    const o = await blocked();
    const decided = await ok<ExportRequestView>(
      o.staff.call('alerts.approveExport', { requestId: o.requestId }),
    );
    expect(decided).toMatchObject({ decision: 'approved', count: 3, consumedAt: null });
    const alerts = await ok<AlertList>(o.staff.call('alerts.list', { unreadOnly: true }));
    expect(alerts.items.map(a => a.rule)).not.toContain('export_approval');
    expect(
      await failure(o.staff.call('alerts.denyExport', { requestId: o.requestId })),
    ).toMatchObject({ code: 'conflict', details: { reason: 'approved' } });

    expect(
      await ok(o.petro.call('contacts.exportStatus', { requestId: o.requestId })),
    ).toMatchObject({ status: 'approved' });
    const file = await ok<Done>(o.petro.call('contacts.exportRequest', { requestId: o.requestId }));
    expect(file).toMatchObject({ status: 'done', count: 3 });
    expect(dataRows(file.content)).toBe(3);
    expect(
      await failure(o.petro.call('contacts.exportRequest', { requestId: o.requestId })),
    ).toMatchObject({ code: 'forbidden', details: { reason: 'used' } });

    const audit = await auditOf(o.staff);
    const run = audit.entries.find(
      e => e.action === 'contacts.export_request' && e.outcome === 'ok',
    );
    expect(run?.details).toMatchObject({ requestId: o.requestId, count: 3, format: 'csv' });
    const decision = audit.entries.find(e => e.action === 'alerts.approve_export');
    expect(decision).toMatchObject({ outcome: 'ok', entityId: o.requestId });
  });

  it('denied: the manager is told so and gets nothing', async () => {
    const o = await blocked();
    await ok(o.staff.call('alerts.denyExport', { requestId: o.requestId }));
    for (const call of ['contacts.exportStatus', 'contacts.exportRequest']) {
      const error = await failure(o.petro.call(call, { requestId: o.requestId }));
      expect(error).toMatchObject({ code: 'forbidden', details: { reason: 'denied' } });
    }
    expect(
      await failure(o.staff.call('alerts.approveExport', { requestId: o.requestId })),
    ).toMatchObject({ code: 'conflict', details: { reason: 'denied' } });
  });

  it('a request expires after 24 hours, approved or not', async () => {
    const o = await blocked();
    const second = await ok<ContactExportResult>(
      o.petro.call('contacts.export', { format: 'vcard' }),
    );
    if (second.status !== 'pending') throw new Error('expected a pending export');
    await ok(o.staff.call('alerts.approveExport', { requestId: second.requestId }));
    await o.returnNextDay();
    expect(
      await failure(o.staff.call('alerts.approveExport', { requestId: o.requestId })),
    ).toMatchObject({ code: 'conflict', details: { reason: 'expired' } });
    for (const requestId of [o.requestId, second.requestId]) {
      expect(await failure(o.petro.call('contacts.exportRequest', { requestId }))).toMatchObject({
        code: 'forbidden',
        details: { reason: 'expired' },
      });
    }
  });
});

describe('export approval counts every export in the window', () => {
  it('small exports that add up past the limit wait like one big one; the window then starts again', async () => {
    const o = await office();
    await ok(o.staff.call('alerts.updateSettings', { exportApprovalAbove: 2, exportRecords: 2 }));
    const one = (id: string) => o.petro.call('contacts.export', { format: 'csv', ids: [id] });
    const [a, b, c] = o.petros.map(p => p.id);
    if (!a || !b || !c) throw new Error('three contacts expected');
    expect(await ok(one(a))).toMatchObject({ status: 'done', count: 1 });
    expect(await ok(one(b))).toMatchObject({ status: 'done', count: 1 });
    // 1 + 1 + 1 > 2 within the window: the third waits for the owner, with no file.
    const third = await ok<ContactExportResult>(one(c));
    expect(third).toMatchObject({ status: 'pending', count: 1 });
    expect(JSON.stringify(third)).not.toContain('content');
    const alerts = await ok<AlertList>(o.staff.call('alerts.list', {}));
    expect(alerts.items.find(x => x.rule === 'export_approval')).toMatchObject({
      details: { count: 1, earlier: 2 },
    });
    // Another manager's exports are hers alone.
    expect(await ok(o.iryna.call('contacts.export', { format: 'csv' }))).toMatchObject({
      status: 'done',
      count: 2,
    });
  });

  it('the window count: record exports and approved runs within the window, nothing older', async () => {
    const { vault } = await createTestVault();
    vaults.push(vault);
    const at = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * 60_000);
    const log = (action: string, details: Record<string, unknown>, minutesAgo: number) =>
      appendAudit(vault, { userId: 'u-1', action, outcome: 'ok', details }, at(minutesAgo));
    log('contacts.export', { count: 50 }, 11); // before the window
    log('contacts.export', { count: 7 }, 9);
    log('contacts.export', { count: 400, pending: true }, 8); // waited: nothing left
    log('contacts.export_request', { count: 3 }, 5); // an approved run
    log('audit.export', { count: 900 }, 4); // the audit log, not client records
    appendAudit(
      vault,
      { userId: 'u-2', action: 'contacts.export', outcome: 'ok', details: { count: 60 } },
      at(2),
    );
    expect(recentExportRecords(vault.sqlite, 'u-1', 10, NOW)).toBe(10);
    expect(recentExportRecords(vault.sqlite, 'u-1', 12, NOW)).toBe(60);
    expect(recentExportRecords(vault.sqlite, 'u-3', 10, NOW)).toBe(0);
  });
});
