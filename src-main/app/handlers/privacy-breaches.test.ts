/**
 * The breach register through the composed app on a real vault: the 72-hour deadline, an incident
 * opened from a security alert in one call, CSV (UTF-8 BOM, `;`) and PDF, and a manager refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportFile } from '../../../src-shared/ipc/reports';
import type { Breach } from '../../../src-shared/privacy';
import { privacyContract } from '../../../src-shared/privacy/contract';
import { createContactsTestVault } from '../../crm/contacts/contacts.test-support';
import { closeTestVaults, composeTestApp, keepOpen, value } from './app.test-support';
import { privacyHandlers } from './privacy';

afterEach(closeTestVaults);

const NOW = new Date('2026-06-10T12:00:00.000Z');
const ALERT = '0190a000-0000-4000-8000-00000000c001';

async function app() {
  const { vault, staff } = await keepOpen(createContactsTestVault());
  const t = composeTestApp({
    vault,
    staff,
    contract: { privacy: privacyContract },
    handlers: ({ openVault }) => ({ privacy: privacyHandlers({ openVault, now: () => NOW }) }),
  });
  return { ...t, vault };
}

describe('the breach register', () => {
  it('keeps the 72-hour deadline and stamps the notification', async () => {
    const { signInStaff, call } = await app();
    signInStaff('owner');
    const b = value<Breach>(
      await call('privacy.createBreach', {
        breach: {
          title: 'Втрачений ноутбук',
          detectedAt: '2026-06-09T08:30:00.000Z',
          categories: ['контакти', 'здоров’я'],
          subjectsCount: 40,
          recordsCount: 55,
          actions: 'Змінено паролі',
        },
      }),
    );
    expect(b.deadlineAt).toBe('2026-06-12T08:30:00.000Z');
    const notified = value<Breach>(
      await call('privacy.updateBreach', { id: b.id, patch: { status: 'notified' } }),
    );
    expect(notified.notifiedAt).toBe(NOW.toISOString());
  });

  it('opens an incident from a security alert in one call', async () => {
    const { signInStaff, call, vault } = await app();
    vault.sqlite
      .prepare(
        `INSERT INTO alerts (id, rule, severity, data, dedupe_key, created_at, last_at, occurrences,
           audit_seq, details) VALUES (?, 'mass_export', 'high', 1, 'k', ?, ?, 1, 1, ?)`,
      )
      .run(ALERT, '2026-06-10T07:00:00.000Z', '2026-06-10T07:05:00.000Z', '{"count":900}');
    signInStaff('owner');
    const b = value<Breach>(await call('privacy.openBreachFromAlert', { alertId: ALERT }));
    expect(b).toMatchObject({
      title: 'Масове вивантаження даних',
      detectedAt: '2026-06-10T07:00:00.000Z',
      deadlineAt: '2026-06-13T07:00:00.000Z',
      recordsCount: 900,
      alertId: ALERT,
      status: 'open',
    });
  });

  it('exports CSV (BOM, semicolons) and PDF; a manager is refused', async () => {
    const { signInStaff, call } = await app();
    signInStaff('owner');
    value(
      await call('privacy.createBreach', {
        breach: { title: '=HYPERLINK("x")', detectedAt: '2026-06-09T08:30:00.000Z' },
      }),
    );
    const csv = value<ReportFile>(await call('privacy.breachesFile', { format: 'csv' }));
    expect(csv.text?.startsWith('\uFEFFІнцидент;Виявлено;')).toBe(true);
    expect(csv.text).toContain("'=HYPERLINK");
    const pdf = value<ReportFile>(await call('privacy.breachesFile', { format: 'pdf' }));
    expect(
      Buffer.from(pdf.base64 ?? '', 'base64')
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    signInStaff('borys');
    const refused = await call('privacy.createBreach', {
      breach: { title: 'x', detectedAt: '2026-06-09T08:30:00.000Z' },
    });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
  });
});
