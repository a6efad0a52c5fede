import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntryPage } from '../../src-shared/ipc/audit';
import type { RegulationReport, ReportFile } from '../../src-shared/ipc/reports';
import { DEFAULT_BACKUP_SETTINGS } from '../../src-shared/ipc/backup';
import type { ReportDocument } from '../../src-shared/reports/document';
import {
  addEnrolledUser,
  failure,
  ok,
  ownerVault,
  testClock,
  type StaffApp,
} from '../users/staff-app.test-support';
import { pdfText } from './pdf-text.test-support';

const apps: StaffApp[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.app.dispose();
});

/** All the text of a document, as a reader of the screen sees it. */
function textOf(doc: ReportDocument): string {
  return [
    doc.title,
    ...doc.subtitle,
    ...doc.sections.flatMap(s => [
      s.heading,
      ...(s.paragraphs ?? []),
      ...(s.bullets ?? []),
      ...(s.table ? [s.table.columns.join(' | '), ...s.table.rows.map(r => r.join(' | '))] : []),
    ]),
  ].join('\n');
}

async function office() {
  const clock = testClock();
  const o = await ownerVault(clock);
  apps.push(o.staff);
  const admin = await addEnrolledUser(o.staff, o.dir, clock, 'ivan', 'administrator');
  const anna = await addEnrolledUser(o.staff, o.dir, clock, 'anna', 'manager');
  apps.push(admin.other, anna.other);
  return { ...o, clock, admin, anna };
}

describe('access regulation', () => {
  it('states the live staff, roles and settings, and changes when they change', async () => {
    const o = await office();
    const before = await ok<RegulationReport>(o.staff.call('reports.regulation', { lang: 'en' }));
    const text = textOf(before.document);
    expect(text).toContain('at least 12 characters');
    expect(text).toContain('64 MiB');
    expect(text).toContain('Olena Koval | olena | Owner');
    expect(text).toContain('anna | anna | Manager');
    expect(text).toMatch(/Manager \| View contacts \(own\);/);
    expect(text).toContain('every day at 13:00');
    expect(text).toContain('No backup place is set up yet');
    expect(text).toContain('Sign-in hours are not restricted.');
    expect(text).toContain('Computer approval is off');
    expect(before.facts.dismissedCount).toBe(0);

    // Change the backup schedule and places, add a custom role, restrict hours, dismiss anna.
    await ok(
      o.staff.call('backup.updateSettings', {
        settings: {
          ...DEFAULT_BACKUP_SETTINGS,
          schedule: { kind: 'weekly', time: '18:30', weekday: 5 },
          destinations: [{ id: 'usb', path: '/media/office-usb/zamok' }],
          retention: { daily: 5, weekly: 8, monthly: 24 },
        },
      }),
    );
    await ok(
      o.staff.call('roles.create', {
        name: 'Стажер',
        grants: { 'contacts.read': 'own', 'contacts.create': true },
      }),
    );
    await ok(
      o.staff.call('alerts.updateSettings', {
        allowedHours: { start: '08:00', end: '19:00', timeZone: 'Europe/Kyiv' },
      }),
    );
    await ok(
      o.staff.call('users.dismiss', { userId: o.anna.user.id, reassignToUserId: o.owner.id }),
    );

    const after = await ok<RegulationReport>(o.staff.call('reports.regulation', { lang: 'uk' }));
    const uk = textOf(after.document);
    expect(uk).toContain("щотижня до п'ятниці о 18:30");
    expect(uk).toContain('/media/office-usb/zamok');
    expect(uk).toContain('Зберігаються 5 щоденних, 8 щотижневих і 24 щомісячних');
    expect(uk).toContain(
      'Стажер (власна роль) | Переглядати контакти (свої); Створювати контакти | 0',
    );
    expect(uk).toContain('з 08:00 до 19:00 (Europe/Kyiv)');
    expect(uk).not.toContain('anna | anna');
    expect(uk).toContain('Звільнених облікових записів: 1');
    expect(after.facts.users.map(u => u.login).sort()).toEqual(['ivan', 'olena']);
  }, 60_000);

  it('is for the owner and the administrator, and every reading is audited', async () => {
    const o = await office();
    const asAdmin = await ok<RegulationReport>(
      o.admin.other.call('reports.regulation', { lang: 'uk' }),
    );
    expect(asAdmin.document.title).toContain('Регламент');
    const denied = await failure(o.anna.other.call('reports.regulation', { lang: 'uk' }));
    expect(denied.code).toBe('forbidden');
    expect((await failure(o.staff.call('reports.regulation', { lang: 'de' }))).code).toBe(
      'invalid_input',
    );
    const log = await ok<AuditEntryPage>(
      o.staff.call('audit.list', { action: 'reports.regulation', limit: 10 }),
    );
    expect(log.entries.map(e => [e.userLogin, e.outcome]).sort()).toEqual([
      ['anna', 'denied'],
      ['ivan', 'ok'],
    ]);
  }, 60_000);

  it('comes as a PDF that says the same', async () => {
    const o = await office();
    const file = await ok<ReportFile>(o.staff.call('reports.regulationPdf', { lang: 'uk' }));
    expect(file.fileName).toBe('zamok-regulation-uk.pdf');
    expect(file.mimeType).toBe('application/pdf');
    const pdf = Buffer.from(file.base64 ?? '', 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The channel compresses; the text is checked on the same document written uncompressed.
    const { regulationDocument } = await import('../../src-shared/reports/regulation');
    const { reportPdfBuffer } = await import('./pdf');
    const report = await ok<RegulationReport>(o.staff.call('reports.regulation', { lang: 'uk' }));
    const plain = pdfText(
      await reportPdfBuffer(regulationDocument(report.facts, 'uk'), 1 << 22, { compress: false }),
    );
    expect(plain).toContain('Регламент роботи з CRM');
    expect(plain).toContain('Звільнення працівника');
    expect(plain).toContain('ivan');
  }, 60_000);

  it('opens with «ЗАТВЕРДЖУЮ» for the office and ends with a signature line per member of staff', async () => {
    const o = await office();
    await ok(o.staff.call('settings.updateOffice', { officeName: 'ТОВ «Ромашка»' }));
    const report = await ok<RegulationReport>(o.staff.call('reports.regulation', { lang: 'uk' }));
    const [approval] = report.document.sections;
    expect(approval).toEqual({
      heading: 'ЗАТВЕРДЖУЮ',
      paragraphs: [
        'Власник (керівник) ТОВ «Ромашка»',
        '____________________ / Olena Koval /',
        '«___» ____________ 20___ р.',
      ],
    });
    const ack = report.document.sections.at(-1);
    expect(ack?.heading).toBe('Ознайомлення працівників');
    expect(ack?.table?.columns).toEqual(['Працівник', 'Відмітка', 'Підпис', 'Дата']);
    expect(ack?.table?.rows.map(r => r.slice(0, 2))).toEqual(
      report.facts.users.map(u => [u.displayName, 'Ознайомлений(а)']),
    );

    const { regulationDocument } = await import('../../src-shared/reports/regulation');
    const { reportPdfBuffer } = await import('./pdf');
    const lines = pdfText(
      await reportPdfBuffer(regulationDocument(report.facts, 'uk'), 1 << 22, { compress: false }),
    ).split('\n');
    expect(lines[0]).toBe('Регламент роботи з CRM і доступу до даних клієнтів');
    expect(lines).toContain('ЗАТВЕРДЖУЮ');
    expect(lines).toContain('Власник (керівник) ТОВ «Ромашка»');
    expect(lines.filter(l => l === 'Ознайомлений(а)')).toHaveLength(report.facts.users.length);
    // The acknowledgement table's header comes right before its first row (never alone).
    const header = lines.indexOf('Відмітка');
    expect(lines.slice(header, header + 6)).toContain(report.facts.users[0]?.displayName);
  }, 60_000);
});
