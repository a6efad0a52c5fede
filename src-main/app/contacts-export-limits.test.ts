/**
 * `contacts.export` on the export-limits wrapper (declared `exportLimit` with `countFirst`),
 * through the composed app on a real vault: above the owner's threshold a manager's export waits
 * (counted first, no file made); asked again while waiting it answers the same request (one
 * alert); once approved, the same export runs once — through `contacts.export` as through
 * `contacts.exportRequest` — and another format is another request.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertList } from '../../src-shared/ipc/alerts';
import type { AuditEntryPage } from '../../src-shared/ipc/audit';
import type { ContactExportResult, ContactExportStatus } from '../../src-shared/ipc/contacts';
import {
  addEnrolledUser,
  failure,
  ok,
  ownerVault,
  testClock,
  type StaffApp,
} from '../users/staff-app.test-support';

const apps: StaffApp[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.app.dispose();
});

/** The owner (threshold 2) and manager Petro with three clients. */
async function office() {
  const clock = testClock();
  const v = await ownerVault(clock);
  apps.push(v.staff);
  const petro = await addEnrolledUser(v.staff, v.dir, clock, 'petro', 'manager');
  apps.push(petro.other);
  for (const surname of ['Бойко', 'Шевчук', 'Коваль']) {
    await ok(petro.other.call('contacts.create', { contact: { surname, givenName: 'Ганна' } }));
  }
  await ok(v.staff.call('alerts.updateSettings', { exportApprovalAbove: 2 }));
  return { owner: v.staff, petro: petro.other };
}

function pendingId(answer: ContactExportResult): string {
  if (answer.status !== 'pending') throw new Error('expected a pending export');
  return answer.requestId;
}

describe('contacts.export under the export-limits wrapper', () => {
  it('answers the same request while waiting, and runs an approved one once', async () => {
    const o = await office();
    const first = pendingId(await ok(o.petro.call('contacts.export', { format: 'csv' })));
    const again = await ok<ContactExportResult>(o.petro.call('contacts.export', { format: 'csv' }));
    expect(again).toEqual({ status: 'pending', requestId: first, count: 3 });
    const alerts = await ok<AlertList>(o.owner.call('alerts.list', {}));
    expect(alerts.items.filter(a => a.rule === 'export_approval')).toHaveLength(1);

    // Another format is another export: its own request.
    const vcard = pendingId(await ok(o.petro.call('contacts.export', { format: 'vcard' })));
    expect(vcard).not.toBe(first);
    expect(
      await ok<ContactExportStatus>(o.petro.call('contacts.exportStatus', { requestId: vcard })),
    ).toEqual({ requestId: vcard, status: 'pending', count: 3 });

    await ok(o.owner.call('alerts.approveExport', { requestId: first }));
    const file = await ok<ContactExportResult>(o.petro.call('contacts.export', { format: 'csv' }));
    expect(file).toMatchObject({ status: 'done', count: 3 });
    expect(
      await failure(o.petro.call('contacts.exportRequest', { requestId: first })),
    ).toMatchObject({ code: 'forbidden', details: { reason: 'used' } });

    const audit = await ok<AuditEntryPage>(o.owner.call('audit.list', { limit: 50 }));
    const exports = audit.entries.filter(e => e.action === 'contacts.export').reverse();
    expect(exports.map(e => e.details)).toEqual([
      { count: 3, format: 'csv', all: true, earlier: 0, pending: true, requestId: first },
      { count: 3, format: 'csv', all: true, waiting: true, requestId: first },
      { count: 3, format: 'vcard', all: true, earlier: 0, pending: true, requestId: vcard },
      { requestId: first, count: 3, format: 'csv', all: true },
    ]);
  });
});
