/**
 * The processing register through the composed app on a real vault: the owner (and a custom
 * "privacy officer" role) keeps it, a manager cannot; turning high risk on creates the owner's task
 * "notify the Ombudsman" due in 30 working days; the register prints as a Ukrainian PDF.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportFile } from '../../../src-shared/ipc/reports';
import type { Purpose } from '../../../src-shared/privacy';
import { privacyContract } from '../../../src-shared/privacy/contract';
import { registerDocument } from '../../../src-shared/privacy/register-document';
import { createContactsTestVault } from '../../crm/contacts/contacts.test-support';
import { createRole } from '../../roles/roles';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { reportPdfBuffer } from '../../reports/pdf';
import { pdfText } from '../../reports/pdf-text.test-support';
import { closeTestVaults, composeTestApp, keepOpen, value } from './app.test-support';
import { privacyHandlers } from './privacy';

afterEach(closeTestVaults);

// A Monday: 30 working days later is six weeks later, a Monday again.
const NOW = new Date('2026-03-02T10:00:00.000Z');

async function app() {
  const { vault, staff } = await keepOpen(createContactsTestVault());
  const t = composeTestApp({
    vault,
    staff,
    contract: { privacy: privacyContract },
    handlers: ({ openVault }) => ({ privacy: privacyHandlers({ openVault, now: () => NOW }) }),
  });
  const tasks = () =>
    vault.sqlite
      .prepare<[], { id: string; owner_id: string; due_at: string; subject: string }>(
        `SELECT id, owner_id, due_at, subject FROM activities WHERE kind = 'task' ORDER BY id`,
      )
      .all();
  return { ...t, vault, staff, tasks };
}

const PURPOSE = {
  name: 'Медичні довідки клієнтів',
  ground: 'consent',
  categories: ['здоров’я', 'контакти'],
  retentionMonths: 36,
  recipients: 'Страхова компанія',
};

describe('the processing register', () => {
  it('turning high risk on creates the owner a task due in 30 working days', async () => {
    const { signInStaff, call, tasks, staff } = await app();
    signInStaff('owner');
    const plain = value<Purpose>(await call('privacy.createPurpose', { purpose: PURPOSE }));
    expect(plain.ombudsmanTaskId).toBeNull();
    expect(tasks()).toEqual([]);
    const risky = value<Purpose>(
      await call('privacy.updatePurpose', { id: plain.id, patch: { highRisk: true } }),
    );
    const [task] = tasks();
    expect(risky.ombudsmanTaskId).toBe(task?.id);
    expect(task?.owner_id).toBe(staff.owner);
    expect(task?.due_at).toBe('2026-04-13T10:00:00.000Z');
    expect(task?.subject).toContain('Уповноваженого');
    // Saving it again while still high risk makes no second task.
    value(await call('privacy.updatePurpose', { id: plain.id, patch: { highRisk: true } }));
    expect(tasks()).toHaveLength(1);
  });

  it('a custom privacy officer keeps the register; the task still goes to the owner', async () => {
    const { signInStaff, call, tasks, staff, vault } = await app();
    const owner = { userId: staff.owner, role: 'owner', grants: BUILT_IN_GRANTS.owner };
    const officer = await createRole(
      vault.db,
      owner,
      {
        name: 'Відповідальний за персональні дані',
        grants: { 'privacy.read': true, 'privacy.manage': true },
      },
      NOW,
    );
    vault.sqlite.prepare('UPDATE users SET role = ? WHERE id = ?').run(officer.id, staff.vira);
    signInStaff('vira', { role: officer.id, grants: officer.grants });
    const made = value<Purpose>(
      await call('privacy.createPurpose', { purpose: { ...PURPOSE, highRisk: true } }),
    );
    expect(tasks().map(t => t.owner_id)).toEqual([staff.owner]);
    expect(value<Purpose[]>(await call('privacy.listPurposes', {})).map(p => p.id)).toEqual([
      made.id,
    ]);
  });

  it('a manager can neither read nor change the register', async () => {
    const { signInStaff, call, vault } = await app();
    signInStaff('borys');
    const made = await call('privacy.createPurpose', { purpose: PURPOSE });
    expect(made.ok ? 'ok' : made.error.code).toBe('forbidden');
    const list = await call('privacy.listPurposes', {});
    expect(list.ok ? 'ok' : list.error.code).toBe('forbidden');
    expect(vault.sqlite.prepare('SELECT count(*) AS n FROM privacy_purposes').get()).toEqual({
      n: 0,
    });
  });

  it('prints the register as a PDF in Ukrainian', async () => {
    const { signInStaff, call } = await app();
    signInStaff('owner');
    const made = value<Purpose>(await call('privacy.createPurpose', { purpose: PURPOSE }));
    const file = value<ReportFile>(await call('privacy.registerPdf', { lang: 'uk' }));
    expect(file.mimeType).toBe('application/pdf');
    expect(
      Buffer.from(file.base64 ?? '', 'base64')
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const text = pdfText(
      await reportPdfBuffer(registerDocument([made], 'uk', NOW), 1e7, { compress: false }),
    );
    for (const words of ['Реєстр операцій', 'Медичні довідки', 'Згода суб’єкта', '36 міс.']) {
      expect(text.replace(/\n/g, ' ')).toContain(words);
    }
  });
});
